import { BreadcrumbNav, BreadcrumbNavLink, Paragraph } from "@utrecht/component-library-react";
import { DataTable } from "../components/DataTable.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { API, useApi } from "../lib/api.ts";
import { formatDate } from "../lib/labels.ts";
import { type OverviewRow, pvePath, vraagStatuses, vraagStatusLabel } from "../lib/quality.ts";
import { RouterLink, routeClick } from "../lib/router.tsx";

/** Review status per invited aanbieder of one published version, with CSV and Excel export. */
export function KwaliteitVersiePage({ id, versie }: { id: string; versie: string }) {
  const base = `${pvePath(id)}/versies/${versie}`;
  const r = useApi<{ items: OverviewRow[]; vragen: number }>(`${base}/zelfevaluaties`, { cached: false });
  const title = `Beoordeling, versie ${versie}`;
  return (
    <>
      <BreadcrumbNav label="Kruimelpad">
        <BreadcrumbNavLink href="/kwaliteit/programmas" onClick={routeClick}>
          Programma's van eisen
        </BreadcrumbNavLink>
        <BreadcrumbNavLink href={`/kwaliteit/programmas/${id}`} onClick={routeClick}>
          Concept
        </BreadcrumbNavLink>
        <BreadcrumbNavLink href={`/kwaliteit/programmas/${id}/versies/${versie}`} current onClick={routeClick}>
          Versie {versie}
        </BreadcrumbNavLink>
      </BreadcrumbNav>
      <PageHeading title={title}>{title}</PageHeading>
      {r.state === "loading" ? <Loading what="Beoordelingsstatus" /> : null}
      {r.state === "error" ? <ProblemAlert error={r.error} /> : null}
      {r.state === "ok" ? (
        <>
          <Paragraph>
            <a href={`${API}${base}/zelfevaluaties?format=xlsx`} download>
              Status per aanbieder in Excel
            </a>{" "}
            ·{" "}
            <a href={`${API}${base}/zelfevaluaties?format=csv`} download>
              als CSV
            </a>{" "}
            ·{" "}
            <a href={`${API}${base}?format=html`} target="_blank" rel="noopener">
              Het programma van eisen (HTML)<span className="kader-visually-hidden"> (opent in nieuw venster)</span>
            </a>
          </Paragraph>
          {r.data.items.length === 0 ? (
            <Paragraph>Er zijn nog geen aanbieders uitgenodigd voor deze versie.</Paragraph>
          ) : (
            <DataTable
              label="Beoordelingsstatus"
              testId="overzicht"
              caption={`Status van de ${r.data.vragen} vragen per uitgenodigde aanbieder`}
              columns={[
                {
                  header: "Aanbieder",
                  rowHeader: true,
                  cell: (x) => (
                    <RouterLink href={`/kwaliteit/programmas/${id}/versies/${versie}/aanbieders/${x.agbCode}`}>{x.naam ?? `AGB ${x.agbCode}`}</RouterLink>
                  ),
                },
                { header: "Uitgenodigd", cell: (x) => formatDate(x.uitgenodigdOp.slice(0, 10)) },
                ...vraagStatuses.map((s) => ({ header: vraagStatusLabel[s], cell: (x: (typeof r.data.items)[number]) => x.telling[s] })),
              ]}
              rows={r.data.items}
              rowKey={(x) => x.agbCode}
            />
          )}
        </>
      ) : null}
    </>
  );
}
