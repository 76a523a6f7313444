import { Alert, Paragraph } from "@utrecht/component-library-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { PageHeading } from "../components/PageHeading.tsx";
import { ProblemAlert } from "../components/ProblemAlert.tsx";
import { SubmitButton } from "../components/SubmitButton.tsx";
import { TextField } from "../components/TextField.tsx";
import { useAction } from "../lib/action.ts";
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
  const signIn = useAction();
  const { busy, error } = signIn;
  const [missing, setMissing] = useState<{ username?: boolean; password?: boolean }>({});
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const m = { username: !username.trim(), password: !password };
    setMissing(m);
    if (m.username || m.password) {
      document.getElementById(m.username ? "login-username" : "login-password")?.focus();
      return;
    }
    await signIn.run(async () => {
      try {
        await auth.login(username.trim(), password);
      } catch (err) {
        setPassword("");
        throw err instanceof ApiError
          ? err
          : new ApiError(0, { title: "Inloggen mislukt", status: 0, detail: err instanceof Error ? err.message : String(err) });
      }
      navigate(back);
    });
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
        <TextField
          id="login-username"
          name="username"
          label="Gebruikersnaam"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          error={missing.username ? "Vul uw gebruikersnaam in." : undefined}
          value={username}
          onChange={setUsername}
        />
        <TextField
          id="login-password"
          name="password"
          type="password"
          label="Wachtwoord"
          autoComplete="current-password"
          required
          error={missing.password ? "Vul uw wachtwoord in." : undefined}
          value={password}
          onChange={setPassword}
        />
        <SubmitButton busy={busy} busyLabel="Bezig met inloggen…">
          Inloggen
        </SubmitButton>
      </form>
    </>
  );
}
