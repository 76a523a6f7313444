import { DataList, DataListItem, DataListKey, DataListValue, Heading, Link, Paragraph, StatusBadge } from "@utrecht/component-library-react";
import { DataTable } from "../components/DataTable.tsx";
import { ExportLinks } from "../components/ExportLinks.tsx";
import { NoteList } from "../components/Notes.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { qs, useApi } from "../lib/api.ts";
import { documentTypeLabel, formatDate, lawLabel, noteKindLabel, versionStatusLabel } from "../lib/labels.ts";
import { RouterLink } from "../lib/router.tsx";
import type { NoteKind, Productenboek } from "../lib/types.ts";

const statusBadge: Record<string, string> = { definitief: "success", concept: "warning", onbekend: "neutral" };

function NoteCounts({ pb }: { pb: Productenboek }) {
  const counts = new Map<NoteKind, number>();
  for (const n of pb.notes) counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1);
  if (counts.size === 0) return <span className="kader-muted">geen</span>;
  return (
    <>
      {[...counts].map(([k, n], i) => (
        <span key={k}>
          {i > 0 ? ", " : null}
          {n}× {noteKindLabel[k].toLowerCase()}
        </span>
      ))}
    </>
  );
}

function VersionStatus({ pb }: { pb: Productenboek }) {
  return <StatusBadge status={statusBadge[pb.version.status] ?? "neutral"}>{versionStatusLabel[pb.version.status] ?? pb.version.status}</StatusBadge>;
}

export function ProductenboekenPage() {
  const books = useApi<{ items: Productenboek[]; total: number }>("/productenboeken");
  return (
    <>
      <PageHeading title="Productenboeken">Productenboeken</PageHeading>
      <Paragraph className="kader-lead">
        De documenten waaruit Kader zijn producten haalt. Waar een document iets tegenstrijdigs zegt, iets nog niet invult of onduidelijk is, staat dat bij het
        document als kanttekening: Kader kiest nooit stilzwijgend.
      </Paragraph>
      {books.state === "loading" ? <Loading what="Productenboeken" /> : null}
      {books.state === "error" ? <ProblemAlert error={books.error} heading="Productenboeken konden niet worden geladen" /> : null}
      {books.state === "ok" ? (
        <>
          <DataTable
            label="Productenboeken"
            caption={`${books.data.items.length} productenboeken en programma's van eisen`}
            columns={[
              { header: "Titel", cell: (pb) => <Link href={`#pb-${pb.id}`}>{pb.title}</Link> },
              { header: "Brondocument", cell: (pb) => <span className="kader-code">{pb.source}</span> },
              { header: "Status", cell: (pb) => <VersionStatus pb={pb} /> },
              { header: "Wetten", cell: (pb) => pb.laws.map((l) => lawLabel[l]).join(", ") },
              { header: "Geldig vanaf", cell: (pb) => formatDate(pb.validFrom) },
              {
                header: "Producten",
                cell: (pb) => (
                  <RouterLink href={`/producten${qs({ productenboek: pb.id })}`}>
                    {pb.productCount}
                    <span className="kader-visually-hidden"> producten in {pb.title}</span>
                  </RouterLink>
                ),
              },
              { header: "Kanttekeningen", cell: (pb) => <NoteCounts pb={pb} /> },
            ]}
            rows={books.data.items}
            rowKey={(pb) => pb.id}
          />
          {books.data.items.map((pb) => (
            <section key={pb.id} id={`pb-${pb.id}`} className="kader-book" aria-labelledby={`pb-${pb.id}-h`}>
              <Heading level={2} id={`pb-${pb.id}-h`}>
                {pb.title}
              </Heading>
              <Paragraph>{pb.description}</Paragraph>
              <DataList className="kader-facts">
                <DataListItem>
                  <DataListKey>Soort document</DataListKey>
                  <DataListValue>{documentTypeLabel[pb.documentType] ?? pb.documentType}</DataListValue>
                </DataListItem>
                <DataListItem>
                  <DataListKey>Brondocument</DataListKey>
                  <DataListValue>
                    <span className="kader-code">{pb.source}</span>
                  </DataListValue>
                </DataListItem>
                <DataListItem>
                  <DataListKey>Versie</DataListKey>
                  <DataListValue>
                    <VersionStatus pb={pb} /> {pb.version.label ?? "geen versie vermeld"}
                    {pb.version.date ? ` (${formatDate(pb.version.date)})` : null}
                    {pb.version.line ? <span className="kader-line"> — regel {pb.version.line}</span> : null}
                  </DataListValue>
                </DataListItem>
                <DataListItem>
                  <DataListKey>Uitgever</DataListKey>
                  <DataListValue>
                    {pb.issuer.region ?? (pb.issuer.gemeenten.length ? pb.issuer.gemeenten.map((g) => `${g.name} (${g.gemeentecode})`).join(", ") : null) ?? (
                      <span className="kader-muted">niet vermeld in het document</span>
                    )}
                  </DataListValue>
                </DataListItem>
                <DataListItem>
                  <DataListKey>Wetten</DataListKey>
                  <DataListValue>{pb.laws.map((l) => lawLabel[l]).join(", ")}</DataListValue>
                </DataListItem>
                <DataListItem>
                  <DataListKey>Geldig vanaf</DataListKey>
                  <DataListValue>{formatDate(pb.validFrom)}</DataListValue>
                </DataListItem>
                <DataListItem>
                  <DataListKey>Uitvoeringsvariant</DataListKey>
                  <DataListValue>{pb.uitvoeringsvariant ?? <span className="kader-muted">niet vermeld</span>}</DataListValue>
                </DataListItem>
                <DataListItem>
                  <DataListKey>Producten</DataListKey>
                  <DataListValue>
                    <RouterLink href={`/producten${qs({ productenboek: pb.id })}`}>
                      {pb.productCount} producten bekijken
                      <span className="kader-visually-hidden"> uit {pb.title}</span>
                    </RouterLink>
                  </DataListValue>
                </DataListItem>
              </DataList>
              <Heading level={3}>Kanttekeningen bij dit document</Heading>
              <NoteList notes={pb.notes} />
            </section>
          ))}
          <Heading level={2} className="kader-section">
            Exporteren
          </Heading>
          <ExportLinks />
        </>
      ) : null}
    </>
  );
}
