import {
  BreadcrumbNav,
  BreadcrumbNavLink,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  OrderedList,
  OrderedListItem,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { KwaliteitStatus, KwaliteitWaarschuwing } from "../components/KwaliteitBits.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { useApi } from "../lib/api.ts";
import { lawLabel } from "../lib/labels.ts";
import { addresseeLabel, elementLabel, elements, type Framework, natureLabel } from "../lib/quality.ts";
import { routeClick } from "../lib/router.tsx";

/** One framework: what it is for, how to use it in procurement, and every criterion per element. */
export function KwaliteitKaderPage({ nr }: { nr: string }) {
  const r = useApi<Framework>(`/kwaliteitskaders/${encodeURIComponent(nr)}`);
  if (r.state === "loading") return <Loading what="Kwaliteitskader" />;
  if (r.state === "error")
    return (
      <>
        <PageHeading title="Kwaliteitskader niet gevonden">Kwaliteitskader niet gevonden</PageHeading>
        <ProblemAlert error={r.error} />
      </>
    );
  const f = r.data;
  return (
    <>
      <BreadcrumbNav label="Kruimelpad">
        <BreadcrumbNavLink href="/kwaliteit" onClick={routeClick}>
          Kwaliteitskaders
        </BreadcrumbNavLink>
        <BreadcrumbNavLink href={`/kwaliteit/kaders/${f.nr}`} current onClick={routeClick}>
          Kader {f.nr}
        </BreadcrumbNavLink>
      </BreadcrumbNav>
      <PageHeading title={f.titel}>
        {f.nr}. {f.titel}
      </PageHeading>
      {f.waarschuwing ? <KwaliteitWaarschuwing>{f.waarschuwing}</KwaliteitWaarschuwing> : null}
      <DataList className="kader-datalist">
        <DataListItem>
          <DataListKey>Uitgever</DataListKey>
          <DataListValue>{f.uitgever}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Jaar</DataListKey>
          <DataListValue>{f.jaar ?? "niet vermeld"}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Wet</DataListKey>
          <DataListValue>{f.wetten.map((w) => lawLabel[w]).join(", ")}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Inkoopsegment</DataListKey>
          <DataListValue>
            {f.segmenten.asWritten}
            {f.segmentenUitgebreid.length ? <span className="kader-muted"> ({f.segmentenUitgebreid.join(", ")})</span> : null}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Status</DataListKey>
          <DataListValue>
            <KwaliteitStatus status={f.status.value} /> {f.status.since ? `per ${f.status.since}` : null}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Bron</DataListKey>
          <DataListValue>document 003, vanaf regel {f.regelHoofdstuk}</DataListValue>
        </DataListItem>
      </DataList>
      <Heading level={2}>Waar het kader voor is</Heading>
      <Paragraph>{f.doel}</Paragraph>
      <Heading level={2}>Gebruik bij inkoop</Heading>
      <Paragraph>{f.gebruik}</Paragraph>
      <Heading level={2}>Totstandkoming en opbouw</Heading>
      <Paragraph>{f.totstandkoming}</Paragraph>
      <Paragraph>{f.opbouw.tekst}</Paragraph>
      {f.opbouw.delen.length ? (
        <UnorderedList>
          {f.opbouw.delen.map((d) => (
            <UnorderedListItem key={d}>{d}</UnorderedListItem>
          ))}
        </UnorderedList>
      ) : null}
      {elements.map((el) => {
        const cs = f.criteria.filter((c) => c.element === el);
        return (
          <section key={el} className="kader-section" aria-labelledby={`el-${el}`}>
            <Heading level={2} id={`el-${el}`}>
              {elementLabel[el]} ({cs.length})
            </Heading>
            {cs.length === 0 ? (
              <Paragraph className="kader-muted">Het document noemt hier geen criteria.</Paragraph>
            ) : (
              <OrderedList className="kader-criteria">
                {cs.map((c) => (
                  <OrderedListItem key={c.id} id={c.id}>
                    {c.kop.length ? <span className="kader-pre-heading">{c.kop.join(" › ")}</span> : null}
                    <Paragraph>{c.tekst}</Paragraph>
                    <Paragraph className="kader-muted">
                      <span className="kader-code">{c.id}</span> · voor {addresseeLabel[c.adressaat]} · {natureLabel[c.aard]}
                      {c.frequentie ? ` · ${c.frequentie.asWritten}` : ""} · regel {c.regel}
                      {c.begrippen.length ? ` · begrippen: ${c.begrippen.join(", ")}` : ""}
                    </Paragraph>
                  </OrderedListItem>
                ))}
              </OrderedList>
            )}
          </section>
        );
      })}
    </>
  );
}
