import { BreadcrumbNav, BreadcrumbNavLink, Heading } from "@utrecht/component-library-react";
import { useState } from "react";
import { ComplianceGate } from "../components/Compliance.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { ComplianceCheck } from "../components/provider/ComplianceCheck.tsx";
import { EvidenceSection } from "../components/provider/EvidenceSection.tsx";
import { ProviderFacts, SignalsAlert } from "../components/provider/ProviderFacts.tsx";
import { StaffList } from "../components/provider/StaffList.tsx";
import { useSignedInAs } from "../components/SignInGate.tsx";
import { useApi } from "../lib/api.ts";
import { useAuth } from "../lib/auth.tsx";
import { complianceRoles } from "../lib/labels.ts";
import { RouterLink } from "../lib/router.tsx";
import type { ProviderDetail } from "../lib/types.ts";

export function ProviderPage({ agb }: { agb: string }) {
  const auth = useAuth();
  const allowed = useSignedInAs(complianceRoles);
  const [reload, setReload] = useState(0);
  const detail = useApi<ProviderDetail>(allowed ? `/aanbieders/${encodeURIComponent(agb)}` : null, { cached: false, reload });
  // while re-loading after a change, the last answer stays shown (only for this same aanbieder)
  const previous = detail.state === "loading" && detail.previous?.provider.agbCode === agb ? detail.previous : undefined;
  const shown = detail.state === "ok" ? detail.data : previous;
  const name = shown ? shown.provider.name : detail.state === "error" ? "Aanbieder niet beschikbaar" : `Aanbieder ${agb}`;

  return (
    <>
      <BreadcrumbNav aria-label="Kruimelpad">
        <BreadcrumbNavLink href="/aanbieders" Link={RouterLink} index={0}>
          Aanbieders
        </BreadcrumbNavLink>
        <BreadcrumbNavLink href={`/aanbieders/${agb}`} Link={RouterLink} current index={1}>
          {name}
        </BreadcrumbNavLink>
      </BreadcrumbNav>
      <p className="kader-pre-heading">Aanbieder</p>
      <PageHeading title={name}>{name}</PageHeading>
      <ComplianceGate>
        {detail.state === "loading" && !shown ? <Loading what="Gegevens van de aanbieder" /> : null}
        {detail.state === "error" ? <ProblemAlert error={detail.error} /> : null}
        {shown ? (
          <ProviderBody
            detail={shown}
            canWrite={auth.user?.role === "contractmanager" || (auth.user?.tenant?.kind === "aanbieder" && auth.user.tenant.agbCode === agb)}
            reload={reload}
            onSaved={() => setReload((n) => n + 1)}
          />
        ) : null}
      </ComplianceGate>
    </>
  );
}

/** The provider's facts and signals, the check, the staff and the evidence. */
function ProviderBody({ detail, canWrite, reload, onSaved }: { detail: ProviderDetail; canWrite: boolean; reload: number; onSaved: () => void }) {
  return (
    <>
      <ProviderFacts p={detail.provider} staff={detail.staff.length} />
      <SignalsAlert signalen={detail.signalen} />
      <ComplianceCheck agb={detail.provider.agbCode} reload={reload} />
      <section aria-labelledby="staff-h" className="kader-section">
        <Heading level={2} id="staff-h">
          Medewerkers
        </Heading>
        <StaffList detail={detail} />
      </section>
      <EvidenceSection detail={detail} canWrite={canWrite} onSaved={onSaved} />
    </>
  );
}
