import {
  BreadcrumbNav,
  BreadcrumbNavLink,
  ButtonLink,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Paragraph,
  StatusBadge,
} from "@utrecht/component-library-react";
import { DataTable } from "../components/DataTable.tsx";
import { NoteList } from "../components/Notes.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { CodeCell } from "../components/ProductBits.tsx";
import { qs, useApi } from "../lib/api.ts";
import { formatDate, kindLabel, lawLabel, sectionStatusLabel, unitLabel } from "../lib/labels.ts";
import { RouterLink, routeClick } from "../lib/router.tsx";
import type { ProductDetail, Productenboek, SectionStatus } from "../lib/types.ts";

const sectionBadge: Record<SectionStatus, string> = {
  given: "success",
  "volgt-nog": "warning",
  "niet-vermeld": "neutral",
  "niet-van-toepassing": "neutral",
};

/** "bijlageOpleidingen" → "bijlage opleidingen" */
const humanize = (key: string) => {
  const s = key.replace(/([a-z])([A-Z0-9])/g, "$1 $2").toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
};

/** A requirement the document marks as contested. */
const contested = (r: { text: string }) => r.text.startsWith("betwist");

function Breadcrumbs({ name }: { name: string }) {
  return (
    <BreadcrumbNav aria-label="Kruimelpad">
      <BreadcrumbNavLink href="/" Link={RouterLink} index={0}>
        Start
      </BreadcrumbNavLink>
      <BreadcrumbNavLink href="/producten" Link={RouterLink} index={1}>
        Producten zoeken
      </BreadcrumbNavLink>
      <BreadcrumbNavLink href={window.location.pathname} Link={RouterLink} current index={2}>
        {name}
      </BreadcrumbNavLink>
    </BreadcrumbNav>
  );
}

export function ProductPage({ id }: { id: string }) {
  const detail = useApi<ProductDetail>(`/products/${encodeURIComponent(id)}`);
  const books = useApi<{ items: Productenboek[] }>("/productenboeken");
  const name = detail.state === "ok" ? detail.data.product.name : detail.state === "error" ? "Product niet gevonden" : "Product";
  const bookId = detail.state === "ok" ? detail.data.product.productenboekId : null;
  const book = books.state === "ok" && bookId ? books.data.items.find((b) => b.id === bookId) : undefined;

  // the heading keeps its place while the product loads, so the focus that navigation put on it stays there
  return (
    <>
      <Breadcrumbs name={name} />
      <p className="kader-pre-heading">{book ? book.title : bookId}</p>
      <PageHeading title={name}>{name}</PageHeading>
      {detail.state === "loading" ? <Loading what="Productgegevens" /> : null}
      {detail.state === "error" ? (
        <>
          <ProblemAlert error={detail.error} />
          <Paragraph>
            <RouterLink href="/producten">Zoek een ander product</RouterLink>
          </Paragraph>
        </>
      ) : null}
      {detail.state === "ok" ? <ProductBody detail={detail.data} book={book} /> : null}
    </>
  );
}

function ProductBody({ detail, book }: { detail: ProductDetail; book: Productenboek | undefined }) {
  const { product: p, requirements, siblings } = detail;
  const sections = Object.entries(p.sections);
  const unitSection = p.unit.status !== "given" ? [["eenheid", { status: p.unit.status, line: p.unit.line, asWritten: p.unit.asWritten }] as const] : [];
  const allSections = [...unitSection, ...sections];

  return (
    <>
      <Paragraph lead className="kader-lead">
        {p.description}
      </Paragraph>

      <div className="kader-actions">
        <ButtonLink appearance="primary-action-button" href={`/vergelijken${qs({ ids: p.id })}`} onClick={routeClick}>
          Vergelijk met…
        </ButtonLink>
        <ButtonLink appearance="secondary-action-button" href={`/tarieven${qs({ product: p.id })}`} onClick={routeClick}>
          Tarief berekenen
        </ButtonLink>
        {p.productcode ? (
          <ButtonLink appearance="secondary-action-button" href={`/vergelijken${qs({ code: p.productcode })}`} onClick={routeClick}>
            Alle producten met code {p.productcode} vergelijken
          </ButtonLink>
        ) : null}
      </div>

      <Heading level={2} className="kader-section">
        Gegevens
      </Heading>
      <DataList className="kader-facts">
        <DataListItem>
          <DataListKey>Productcode</DataListKey>
          <DataListValue>
            <CodeCell p={p} full />
            {p.productcode && p.codeAsWritten !== p.productcode ? <span className="kader-muted"> (in het document: {p.codeAsWritten})</span> : null}
          </DataListValue>
        </DataListItem>
        {siblings.length > 0 ? (
          <DataListItem>
            <DataListKey>Andere codes voor deze beschrijving</DataListKey>
            <DataListValue>
              {siblings.map((s, i) => (
                <span key={s.id}>
                  {i > 0 ? ", " : null}
                  <RouterLink href={`/producten/${encodeURIComponent(s.id)}`}>
                    {s.productcode ?? "nog geen code"} ({lawLabel[s.law]})
                  </RouterLink>
                </span>
              ))}
            </DataListValue>
          </DataListItem>
        ) : null}
        <DataListItem>
          <DataListKey>Productcategorie</DataListKey>
          <DataListValue>{p.productcategorie ?? <span className="kader-muted">nog niet bekend</span>}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Wet</DataListKey>
          <DataListValue>{lawLabel[p.law]}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Soort product</DataListKey>
          <DataListValue>{kindLabel[p.kind] ?? p.kind}</DataListValue>
        </DataListItem>
        {p.variant ? (
          <DataListItem>
            <DataListKey>Variant</DataListKey>
            <DataListValue>{p.variant}</DataListValue>
          </DataListItem>
        ) : null}
        <DataListItem>
          <DataListKey>Eenheid (WJ756)</DataListKey>
          <DataListValue>
            {p.unit.code ? (
              `${p.unit.code} ${unitLabel[p.unit.code]}`
            ) : (
              <StatusBadge status={sectionBadge[p.unit.status]}>{sectionStatusLabel[p.unit.status]}</StatusBadge>
            )}
            {p.unit.asWritten ? <span> — in het document: “{p.unit.asWritten}”</span> : null}
            {p.unit.line ? <span className="kader-line"> (regel {p.unit.line})</span> : null}
            {p.unit.definition ? <span className="kader-muted"> {p.unit.definition.text}</span> : null}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Versie in Kader</DataListKey>
          <DataListValue>
            versie {detail.version}, geldig vanaf {formatDate(detail.validFrom)}
            {detail.validTo ? ` tot en met ${formatDate(detail.validTo)}` : " (geen einddatum)"}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Bron</DataListKey>
          <DataListValue>
            <span className="kader-code">{p.source.file}</span>, regel {p.source.line}
            {p.source.endLine ? ` tot en met ${p.source.endLine}` : null}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Productenboek</DataListKey>
          <DataListValue>
            <RouterLink href={`/productenboeken#pb-${p.productenboekId}`}>{book ? book.title : p.productenboekId}</RouterLink>
          </DataListValue>
        </DataListItem>
        {Object.entries(p.attributes).map(([k, v]) => (
          <DataListItem key={k}>
            <DataListKey>{humanize(k)}</DataListKey>
            <DataListValue>{typeof v === "boolean" ? (v ? "ja" : "nee") : String(v)}</DataListValue>
          </DataListItem>
        ))}
      </DataList>

      <section aria-labelledby="notes-h" className="kader-section">
        <Heading level={2} id="notes-h">
          Kanttekeningen ({p.notes.length})
        </Heading>
        <Paragraph className="kader-muted">Tegenstrijdigheden met hun lezingen, onvolledigheden en onduidelijkheden in het document.</Paragraph>
        <NoteList notes={p.notes} file={p.source.file} />
      </section>

      <section aria-labelledby="sections-h" className="kader-section">
        <Heading level={2} id="sections-h">
          Onderdelen die ontbreken of nog volgen
        </Heading>
        {allSections.length === 0 ? (
          <Paragraph>Alle onderdelen staan in het document.</Paragraph>
        ) : (
          <DataTable
            label="Onderdelen"
            caption="Status van onderdelen van de productbeschrijving"
            columns={[
              { header: "Onderdeel", rowHeader: true, cell: ([k]) => humanize(k) },
              { header: "Status", cell: ([, s]) => <StatusBadge status={sectionBadge[s.status]}>{sectionStatusLabel[s.status]}</StatusBadge> },
              {
                header: "In het document",
                cell: ([, s]) => (
                  <>
                    {s.asWritten ? <q>{s.asWritten}</q> : <span className="kader-muted">niets</span>}
                    {s.line ? <span className="kader-line"> (regel {s.line})</span> : null}
                  </>
                ),
              },
            ]}
            rows={allSections}
            rowKey={([k]) => k}
          />
        )}
      </section>

      <section aria-labelledby="req-h" className="kader-section">
        <Heading level={2} id="req-h">
          Eisen ({requirements.length})
        </Heading>
        <Paragraph className="kader-muted">
          Elke eis in Kaders woorden, met de woorden van het document en de regel waar ze staan. Betwiste eisen noemen alle lezingen.
        </Paragraph>
        {requirements.length === 0 ? (
          <Paragraph>Het document noemt voor dit product geen eisen.</Paragraph>
        ) : (
          <DataTable
            label="Eisen"
            caption={`Eisen aan ${p.name}`}
            columns={[
              {
                header: "Onderwerp",
                rowHeader: true,
                cell: (r) => (
                  <>
                    {r.topic}
                    {contested(r) ? (
                      <>
                        {" "}
                        <StatusBadge status="warning">betwist</StatusBadge>
                      </>
                    ) : null}
                  </>
                ),
              },
              { header: "Eis", cell: (r) => r.text },
              { header: "Zoals in het document", cell: (r) => <q>{r.asWritten}</q> },
              { header: "Regel", cell: (r) => r.line },
            ]}
            rows={requirements}
            // requirements are an ordered list from the document
            rowKey={(_, i) => i}
            rowProps={(r) => ({ className: contested(r) ? "kader-contested" : undefined })}
          />
        )}
      </section>

      <section aria-labelledby="sib-h" className="kader-section">
        <Heading level={2} id="sib-h">
          Verwante producten
        </Heading>
        {siblings.length === 0 ? (
          <Paragraph>Deze beschrijving heeft geen andere producten (bijvoorbeeld een Jeugdwet-tweeling van een Wmo-product).</Paragraph>
        ) : (
          <ul>
            {siblings.map((s) => (
              <li key={s.id}>
                <RouterLink href={`/producten/${encodeURIComponent(s.id)}`}>
                  {p.name} — {s.productcode ?? "nog geen code"} ({lawLabel[s.law]})
                </RouterLink>
              </li>
            ))}
          </ul>
        )}
        {p.productcode ? (
          <Paragraph>
            <RouterLink href={`/producten${qs({ q: p.productcode })}`}>Zoek andere producten met code {p.productcode}</RouterLink>
          </Paragraph>
        ) : null}
      </section>
    </>
  );
}
