/**
 * `SignInGate`: shows its content only to a signed-in user with one of `roles`; the API still decides what each may
 * see. While the session is unknown it shows "<loading> worden geladen…"; signed out, an info alert with
 * `signedOut` (by default "Log in om verder te gaan." with a link back here); with another role, a warning with
 * `denied`.
 *
 *   <SignInGate roles={["beheerder"]} signedOut={<>Deze pagina is alleen voor beheerders. <SignInLink /> om verder te gaan.</>}
 *     denied="Geen toegang: alleen een beheerder kan de accounts bekijken.">
 *     <AccountList />
 *   </SignInGate>
 *
 * `useSignedInAs(roles)` answers the same question for a page that must not even start loading otherwise
 * (`useApi(allowed ? path : null)`). Without `roles` any signed-in user passes.
 */
import { Alert, Paragraph } from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import { useAuth } from "../lib/auth.tsx";
import type { Role } from "../lib/auth-types.ts";
import { RouterLink, useLocation } from "../lib/router.tsx";
import { Loading } from "./ProblemAlert.tsx";

/** "Log in" as a link to the sign-in page that brings the user back to this page. */
export function SignInLink({ children = "Log in" }: { children?: ReactNode }) {
  const { href } = useLocation();
  return <RouterLink href={`/inloggen?terug=${encodeURIComponent(href)}`}>{children}</RouterLink>;
}

/** True when someone is signed in with one of `roles` (any role when `roles` is not given). */
export function useSignedInAs(roles?: readonly Role[]): boolean {
  const auth = useAuth();
  return auth.status === "signed-in" && !!auth.user && (!roles || roles.includes(auth.user.role));
}

export function SignInGate({
  roles,
  signedOut,
  denied,
  loading = "Uw gegevens",
  children,
}: {
  roles?: readonly Role[];
  signedOut?: ReactNode;
  denied?: ReactNode;
  loading?: string;
  children: ReactNode;
}) {
  const auth = useAuth();
  if (auth.status === "unknown") return <Loading what={loading} />;
  if (auth.status === "signed-out" || !auth.user)
    return (
      <Alert type="info">
        <Paragraph>
          {signedOut ?? (
            <>
              <SignInLink /> om verder te gaan.
            </>
          )}
        </Paragraph>
      </Alert>
    );
  if (roles && !roles.includes(auth.user.role))
    return (
      <Alert type="warning">
        <Paragraph>{denied ?? "Geen toegang."}</Paragraph>
      </Alert>
    );
  return children;
}
