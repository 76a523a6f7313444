import { Alert, Button, Heading, Paragraph, StatusBadge } from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import { type Column, DataTable } from "../components/DataTable.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { SignInGate, SignInLink } from "../components/SignInGate.tsx";
import { TextField } from "../components/TextField.tsx";
import { useAction } from "../lib/action.ts";
import { unlockAccount, useApi } from "../lib/api.ts";
import { roleLabel, tenantLabel } from "../lib/labels.ts";
import type { Account } from "../lib/types.ts";
import type { LoginAttempt, LoginAttemptList } from "../lib/auth-types.ts";

type Attempt = LoginAttempt;
type Attempts = LoginAttemptList;

const when = new Intl.DateTimeFormat("nl-NL", { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Amsterdam" });

function AccountList() {
  // personal data: never from the session cache, always fresh from the server
  const [reload, setReload] = useState(0);
  const users = useApi<{ items: Account[] }>("/users", { cached: false });
  const attempts = useApi<Attempts>("/aanmeldpogingen?limit=1", { cached: false, reload });
  const [message, setMessage] = useState("");
  const unlocking = useAction();
  const { error } = unlocking;
  if (users.state === "loading") return <Loading what="Accounts" />;
  if (users.state === "error") return <ProblemAlert error={users.error} heading="Accounts konden niet worden geladen" />;
  const locked = new Map((attempts.state === "ok" ? attempts.data.geblokkeerd : []).map((x) => [x.username, x.since]));
  const unlock = (username: string) =>
    unlocking.run(async () => {
      await unlockAccount(username);
      setMessage(`De blokkade van ${username} is opgeheven; dit account kan weer inloggen.`);
      setReload((n) => n + 1);
    });
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
      <DataTable
        label="Accounts"
        caption={`${users.data.items.length} accounts`}
        columns={[
          { header: "Gebruikersnaam", rowHeader: true, cell: (u) => <span className="kader-code">{u.username}</span> },
          { header: "Naam", cell: (u) => u.displayName },
          { header: "Rol", cell: (u) => roleLabel[u.role] ?? u.role },
          { header: "Organisatie", cell: (u) => tenantLabel(u.tenant) },
          {
            header: "Status",
            cell: (u) => (
              <>
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
              </>
            ),
          },
        ]}
        rows={users.data.items}
        rowKey={(u) => u.username}
      />
    </>
  );
}

const attemptColumns: Column<Attempt>[] = [
  { header: "Wanneer", rowHeader: true, cell: (a) => <time dateTime={a.at}>{when.format(new Date(a.at))}</time> },
  { header: "Gebruikersnaam", cell: (a) => <span className="kader-code">{a.username}</span> },
  { header: "Adres", cell: (a) => <span className="kader-code">{a.address ?? "–"}</span> },
  {
    header: "Uitkomst",
    cell: (a) => (
      <>
        {a.outcome === "success" ? (
          <StatusBadge status="success">{a.label}</StatusBadge>
        ) : a.outcome === "unlock" ? (
          a.label
        ) : (
          <StatusBadge status={a.outcome === "failure" ? "warning" : "danger"}>{a.label}</StatusBadge>
        )}
        {a.by ? <span className="kader-muted"> door {a.by}</span> : null}
      </>
    ),
  },
];

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
                  <TextField id="pogingen-gebruiker" name="gebruiker" label="Gebruikersnaam" value={form} maxLength={64} onChange={setForm} />
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
                <DataTable
                  label="Aanmeldpogingen"
                  testId="login-attempts"
                  caption={`${attempts.data.items.length} aanmeldpogingen${user ? ` voor ${user}` : ""}, nieuwste eerst`}
                  columns={attemptColumns}
                  rows={attempts.data.items}
                  rowKey={(a) => a.id}
                />
              )
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}

export function AccountsPage() {
  return (
    <>
      <PageHeading title="Accounts">Accounts</PageHeading>
      <SignInGate
        roles={["beheerder"]}
        signedOut={
          <>
            Deze pagina is alleen voor beheerders. <SignInLink /> om verder te gaan.
          </>
        }
        denied="Geen toegang: alleen een beheerder kan de accounts bekijken."
      >
        <Paragraph className="kader-lead">Alle accounts van Kader, met hun rol en organisatie.</Paragraph>
        <AccountList />
        <AttemptLog />
      </SignInGate>
    </>
  );
}
