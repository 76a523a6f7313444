import { Alert, Button, FormField, FormFieldErrorMessage, FormLabel, Paragraph, Textbox } from "@utrecht/component-library-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { PageHeading } from "../components/PageHeading.tsx";
import { ProblemAlert } from "../components/ProblemAlert.tsx";
import { ApiError } from "../lib/api.ts";
import { useAuth } from "../lib/auth.tsx";
import { roleLabel, tenantLabel } from "../lib/labels.ts";
import { navigate, RouterLink, useLocation } from "../lib/router.tsx";

/** Only a path inside this app may be the destination after sign-in (no open redirect). */
function safeReturn(v: string | null): string {
  if (!v?.startsWith("/") || v.startsWith("//") || v.startsWith("/inloggen") || v.startsWith("/api/")) return "/";
  return v;
}

export function LoginPage() {
  const auth = useAuth();
  const { search } = useLocation();
  const back = safeReturn(search.get("terug"));
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [missing, setMissing] = useState<{ username?: boolean; password?: boolean }>({});
  const errorRef = useRef<HTMLDivElement>(null);
  const userRef = useRef<HTMLInputElement>(null);
  const passRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const m = { username: !username.trim(), password: !password };
    setMissing(m);
    if (m.username || m.password) {
      (m.username ? userRef : passRef).current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await auth.login(username.trim(), password);
      navigate(back);
    } catch (err) {
      setPassword("");
      setError(
        err instanceof ApiError ? err : new ApiError(0, { title: "Inloggen mislukt", status: 0, detail: err instanceof Error ? err.message : String(err) }),
      );
    } finally {
      setBusy(false);
    }
  };

  if (auth.status === "signed-in" && auth.user) {
    return (
      <>
        <PageHeading title="Inloggen">Inloggen</PageHeading>
        <Alert type="ok">
          <Paragraph>
            U bent ingelogd als <strong>{auth.user.displayName}</strong> ({roleLabel[auth.user.role] ?? auth.user.role}, {tenantLabel(auth.user.tenant)}).
          </Paragraph>
        </Alert>
        <Paragraph>
          <RouterLink href={back}>Verder</RouterLink>
        </Paragraph>
      </>
    );
  }

  return (
    <>
      <PageHeading title="Inloggen">Inloggen</PageHeading>
      <Paragraph className="kader-lead">
        Log in met uw Kader-account. De catalogus (productenboeken, producten, vergelijken en exporteren) is zonder inloggen te bekijken.
      </Paragraph>
      {error ? (
        <div ref={errorRef} tabIndex={-1} data-testid="login-error">
          <ProblemAlert
            error={
              error.status === 401 && !error.problem.detail ? new ApiError(401, { ...error.problem, title: "Onjuiste gebruikersnaam of wachtwoord" }) : error
            }
          />
        </div>
      ) : null}
      <form className="kader-login" onSubmit={submit} noValidate aria-label="Inloggen">
        <FormField
          invalid={missing.username}
          label={<FormLabel htmlFor="login-username">Gebruikersnaam</FormLabel>}
          errorMessage={missing.username ? <FormFieldErrorMessage id="login-username-error">Vul uw gebruikersnaam in.</FormFieldErrorMessage> : undefined}
          input={
            <Textbox
              ref={userRef}
              id="login-username"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              invalid={missing.username}
              aria-describedby={missing.username ? "login-username-error" : undefined}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          }
        />
        <FormField
          invalid={missing.password}
          label={<FormLabel htmlFor="login-password">Wachtwoord</FormLabel>}
          errorMessage={missing.password ? <FormFieldErrorMessage id="login-password-error">Vul uw wachtwoord in.</FormFieldErrorMessage> : undefined}
          input={
            <Textbox
              ref={passRef}
              id="login-password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              invalid={missing.password}
              aria-describedby={missing.password ? "login-password-error" : undefined}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          }
        />
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {busy ? "Bezig met inloggen…" : "Inloggen"}
        </Button>
      </form>
    </>
  );
}
