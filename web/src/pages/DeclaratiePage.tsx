import { BreadcrumbNav, BreadcrumbNavLink, DataList, DataListItem, DataListKey, DataListValue, Heading } from "@utrecht/component-library-react";
import { CareGate, count } from "../components/CareBits.tsx";
import { PrestatieTable } from "../components/CareDeclaratie.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { useSignedInAs } from "../components/SignInGate.tsx";
import { useRoute } from "../lib/api.ts";
import { euro, formatDay, formatMonth, wetLabel } from "../lib/care-labels.ts";
import { RouterLink } from "../lib/router.tsx";

const roles = ["aanbieder", "toegang", "controller"] as const;

/** One declaratie with its totals and the answer per prestatie, each retourcode explained. */
export function DeclaratiePage({ agb, wet, nummer }: { agb: string; wet: string; nummer: string }) {
  const allowed = useSignedInAs(roles);
  const path = `/declaraties/${encodeURIComponent(agb)}/${encodeURIComponent(wet)}/${encodeURIComponent(nummer)}`;
  const detail = useRoute("GET /api/v1/declaraties/:agb/:wet/:nummer", allowed ? { params: { agb, wet, nummer } } : null, { cached: false });
  const title = `Declaratie ${nummer}`;

  return (
    <>
      <BreadcrumbNav aria-label="Kruimelpad">
        <BreadcrumbNavLink href="/declaraties" Link={RouterLink} index={0}>
          Declaraties
        </BreadcrumbNavLink>
        <BreadcrumbNavLink href={path} Link={RouterLink} current index={1}>
          {title}
        </BreadcrumbNavLink>
      </BreadcrumbNav>
      <PageHeading title={title}>{title}</PageHeading>
      <CareGate roles={[...roles]} what="een declaratie">
        {detail.state === "loading" ? <Loading what="De declaratie" /> : null}
        {detail.state === "error" ? <ProblemAlert error={detail.error} /> : null}
        {detail.state === "ok" ? (
          <>
            <DataList className="kader-facts" data-testid="declaratie-facts">
              <DataListItem>
                <DataListKey>Periode</DataListKey>
                <DataListValue>
                  {formatMonth(detail.data.declaratie.periodeBegin, true)} ({formatDay(detail.data.declaratie.periodeBegin)} t/m{" "}
                  {formatDay(detail.data.declaratie.periodeEind)})
                </DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>Aanbieder</DataListKey>
                <DataListValue>
                  <span className="kader-code">{detail.data.declaratie.agbCode}</span>
                </DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>Gemeente en wet</DataListKey>
                <DataListValue>
                  <span className="kader-code">{detail.data.declaratie.gemeentecode}</span> ·{" "}
                  {wetLabel[detail.data.declaratie.wet] ?? detail.data.declaratie.wet}
                </DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>Dagtekening</DataListKey>
                <DataListValue>{formatDay(detail.data.declaratie.dagtekening)}</DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>Ingediend</DataListKey>
                <DataListValue>{euro(detail.data.declaratie.ingediend)}</DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>Toegekend</DataListKey>
                <DataListValue>
                  <span data-testid="declaratie-toegekend">{euro(detail.data.declaratie.toegekend)}</span>
                </DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>Prestaties</DataListKey>
                <DataListValue>
                  {count(detail.data.prestaties.length, "prestatie", "prestaties")}, waarvan {detail.data.prestaties.filter((p) => !p.toegekend).length}{" "}
                  afgewezen
                </DataListValue>
              </DataListItem>
            </DataList>
            <Heading level={2} className="kader-section">
              Antwoord per prestatie
            </Heading>
            <PrestatieTable nummer={nummer} prestaties={detail.data.prestaties} />
          </>
        ) : null}
      </CareGate>
    </>
  );
}
