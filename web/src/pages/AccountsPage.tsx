import {
  Alert,
  Paragraph,
  StatusBadge,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { PageHeading } from "../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { TableWrap } from "../components/TableWrap.tsx";
import { useApi } from "../lib/api.ts";
import { useAuth } from "../lib/auth.tsx";
import { roleLabel, tenantLabel } from "../lib/labels.ts";
import { RouterLink } from "../lib/router.tsx";
import type { Account } from "../lib/types.ts";

function AccountList() {
  // personal data: never from the session cache, always fresh from the server
  const users = useApi<{ items: Account[] }>("/users", { cached: false });
  if (users.state === "loading") return <Loading what="Accounts" />;
  if (users.state === "error") return <ProblemAlert error={users.error} heading="Accounts konden niet worden geladen" />;
  return (
    <TableWrap label="Accounts">
      <Table className="kader-table">
        <TableCaption>{users.data.items.length} accounts</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Gebruikersnaam</TableHeaderCell>
            <TableHeaderCell scope="col">Naam</TableHeaderCell>
            <TableHeaderCell scope="col">Rol</TableHeaderCell>
            <TableHeaderCell scope="col">Organisatie</TableHeaderCell>
            <TableHeaderCell scope="col">Status</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {users.data.items.map((u) => (
            <TableRow key={u.username}>
              <TableHeaderCell scope="row">
                <span className="kader-code">{u.username}</span>
              </TableHeaderCell>
              <TableCell>{u.displayName}</TableCell>
              <TableCell>{roleLabel[u.role] ?? u.role}</TableCell>
              <TableCell>{tenantLabel(u.tenant)}</TableCell>
              <TableCell>{u.disabled ? <StatusBadge status="danger">geblokkeerd</StatusBadge> : <StatusBadge status="success">actief</StatusBadge>}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableWrap>
  );
}

export function AccountsPage() {
  const auth = useAuth();
  return (
    <>
      <PageHeading title="Accounts">Accounts</PageHeading>
      {auth.status === "unknown" ? <Loading what="Uw gegevens" /> : null}
      {auth.status === "signed-out" ? (
        <Alert type="info">
          <Paragraph>
            Deze pagina is alleen voor beheerders. <RouterLink href="/inloggen?terug=%2Faccounts">Log in</RouterLink> om verder te gaan.
          </Paragraph>
        </Alert>
      ) : null}
      {auth.status === "signed-in" && auth.user?.role !== "beheerder" ? (
        <Alert type="warning">
          <Paragraph>Geen toegang: alleen een beheerder kan de accounts bekijken.</Paragraph>
        </Alert>
      ) : null}
      {auth.status === "signed-in" && auth.user?.role === "beheerder" ? (
        <>
          <Paragraph className="kader-lead">Alle accounts van Kader, met hun rol en organisatie.</Paragraph>
          <AccountList />
        </>
      ) : null}
    </>
  );
}
