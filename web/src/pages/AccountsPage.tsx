import {
  Alert,
  Button,
  FormField,
  FormLabel,
  Heading,
  Paragraph,
  StatusBadge,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import { PageHeading } from "../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { TableWrap } from "../components/TableWrap.tsx";
import { toApiError, unlockAccount, useApi, type ApiError } from "../lib/api.ts";
import { useAuth } from "../lib/auth.tsx";
import { roleLabel, tenantLabel } from "../lib/labels.ts";
import { RouterLink } from "../lib/router.tsx";
import type { Account } from "../lib/types.ts";

/** One sign-in attempt as GET /api/v1/aanmeldpogingen answers it. */
interface Attempt {
  id: number;
  username: string;
  address: string | null;
  at: string;
  outcome: "success" | "failure" | "delayed" | "locked" | "lock" | "unlock";
  by: string | null;
  label: string;
}
interface Attempts {
  items: Attempt[];
  geblokkeerd: { username: string; since: string }[];
}

const when = new Intl.DateTimeFormat("nl-NL", { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Amsterdam" });

function AccountList() {
  // personal data: never from the session cache, always fresh from the server
  const [reload, setReload] = useState(0);
  const users = useApi<{ items: Account[] }>("/users", { cached: false });
  const attempts = useApi<Attempts>("/aanmeldpogingen?limit=1", { cached: false, reload });
  const [message, setMessage] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  if (users.state === "loading") return <Loading what="Accounts" />;
  if (users.state === "error") return <ProblemAlert error={users.error} heading="Accounts konden niet worden geladen" />;
  const locked = new Map((attempts.state === "ok" ? attempts.data.geblokkeerd : []).map((x) => [x.username, x.since]));
  const unlock = async (username: string) => {
    setError(null);
    try {
      await unlockAccount(username);
      setMessage(`De blokkade van ${username} is opgeheven; dit account kan weer inloggen.`);
      setReload((n) => n + 1);
    } catch (e) {
      setError(toApiError(e));
    }
  };
  return (
    <>
      <p role="status" className={message ? undefined : "kader-visually-hidden"} data-testid="unlock-status">
        {message}
      </p>
      {error ? <ProblemAlert error={error} heading="De blokkade kon niet worden opgeheven" /> : null}
      {locked.size ? (
        <Alert type="warning">
          <Paragraph>
            {locked.size === 1 ? "Eén account is" : `${locked.size} accounts zijn`} geblokkeerd na te veel mislukte aanmeldpogingen. Controleer in de
            aanmeldpogingen of dat een aanval was, en hef de blokkade op zodra de gebruiker zich weer kan aanmelden.
          </Paragraph>
        </Alert>
      ) : null}
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
                <TableCell>
                  {u.disabled ? (
                    <StatusBadge status="danger">uitgeschakeld</StatusBadge>
                  ) : locked.has(u.username) ? null : (
                    <StatusBadge status="success">actief</StatusBadge>
                  )}
                  {locked.has(u.username) ? (
                    <>
                      <StatusBadge status="warning">geblokkeerd sinds {when.format(new Date(locked.get(u.username)!))}</StatusBadge>{" "}
                      <Button appearance="secondary-action-button" onClick={() => unlock(u.username)} aria-label={`Blokkade van ${u.username} opheffen`}>
                        Blokkade opheffen
                      </Button>
                    </>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableWrap>
    </>
  );
}

/** The sign-in attempts (newest first), shown on request so the account list stays the page's one table. */
function AttemptLog() {
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState("");
  const [user, setUser] = useState("");
  const attempts = useApi<Attempts>(open ? `/aanmeldpogingen?limit=200${user ? `&gebruiker=${encodeURIComponent(user)}` : ""}` : null, { cached: false });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setUser(form.trim());
  };
  return (
    <section aria-labelledby="pogingen-h" className="kader-section">
      <Heading level={2} id="pogingen-h">
        Aanmeldpogingen
      </Heading>
      <Paragraph>
        Elke poging om in te loggen, met het adres waarvan hij kwam. Na vijf mislukte pogingen vanaf één adres wacht dat adres steeds langer (tot 30 seconden)
        voor dat account; andere adressen merken daar niets van. Na vijftig mislukte pogingen binnen 24 uur wordt het account geblokkeerd tot een beheerder de
        blokkade opheft.
      </Paragraph>
      <Button appearance="secondary-action-button" aria-expanded={open} aria-controls="pogingen" onClick={() => setOpen((o) => !o)}>
        {open ? "Aanmeldpogingen verbergen" : "Aanmeldpogingen tonen"}
      </Button>
      <div id="pogingen" hidden={!open}>
        {open ? (
          <>
            <search aria-label="Aanmeldpogingen filteren">
              <form className="kader-search-form" onSubmit={submit}>
                <div className="kader-search-row">
                  <FormField
                    label={<FormLabel htmlFor="pogingen-gebruiker">Gebruikersnaam</FormLabel>}
                    input={
                      <Textbox
                        id="pogingen-gebruiker"
                        name="gebruiker"
                        value={form}
                        maxLength={64}
                        autoComplete="off"
                        onChange={(e) => setForm(e.target.value)}
                      />
                    }
                  />
                  <Button type="submit" appearance="primary-action-button">
                    Filteren
                  </Button>
                </div>
              </form>
            </search>
            {attempts.state === "loading" ? <Loading what="Aanmeldpogingen" /> : null}
            {attempts.state === "error" ? <ProblemAlert error={attempts.error} heading="De aanmeldpogingen konden niet worden geladen" /> : null}
            {attempts.state === "ok" ? (
              attempts.data.items.length === 0 ? (
                <Paragraph role="status">Geen aanmeldpogingen{user ? ` voor ${user}` : ""}.</Paragraph>
              ) : (
                <TableWrap label="Aanmeldpogingen">
                  <Table className="kader-table" data-testid="login-attempts">
                    <TableCaption>
                      {attempts.data.items.length} aanmeldpogingen{user ? ` voor ${user}` : ""}, nieuwste eerst
                    </TableCaption>
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell scope="col">Wanneer</TableHeaderCell>
                        <TableHeaderCell scope="col">Gebruikersnaam</TableHeaderCell>
                        <TableHeaderCell scope="col">Adres</TableHeaderCell>
                        <TableHeaderCell scope="col">Uitkomst</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {attempts.data.items.map((a) => (
                        <TableRow key={a.id}>
                          <TableHeaderCell scope="row">
                            <time dateTime={a.at}>{when.format(new Date(a.at))}</time>
                          </TableHeaderCell>
                          <TableCell>
                            <span className="kader-code">{a.username}</span>
                          </TableCell>
                          <TableCell>
                            <span className="kader-code">{a.address ?? "–"}</span>
                          </TableCell>
                          <TableCell>
                            {a.outcome === "success" ? (
                              <StatusBadge status="success">{a.label}</StatusBadge>
                            ) : a.outcome === "unlock" ? (
                              a.label
                            ) : (
                              <StatusBadge status={a.outcome === "failure" ? "warning" : "danger"}>{a.label}</StatusBadge>
                            )}
                            {a.by ? <span className="kader-muted"> door {a.by}</span> : null}
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </TableWrap>
              )
            ) : null}
          </>
        ) : null}
      </div>
    </section>
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
          <AttemptLog />
        </>
      ) : null}
    </>
  );
}
