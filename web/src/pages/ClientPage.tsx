import {
  Alert,
  BreadcrumbNav,
  BreadcrumbNavLink,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Paragraph,
} from "@utrecht/component-library-react";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { Bsn, CareGate, CareStatus, FindingList } from "../components/CareBits.tsx";
import { ToewijzingPanel } from "../components/CareToewijzing.tsx";
import { DataTable } from "../components/DataTable.tsx";
import { GrantForm } from "../components/GrantForm.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { useSignedInAs } from "../components/SignInGate.tsx";
import { useApi } from "../lib/api.ts";
import { useAuth } from "../lib/auth.tsx";
import { careRoles, formatDay, omvangText, verwijzerLabel, wetLabel } from "../lib/care-labels.ts";
import type { Beschikking, ClientOverview, GrantAnswer } from "../lib/care-types.ts";
import { RouterLink } from "../lib/router.tsx";
import type { Role } from "../lib/types.ts";

/** Whole years of age on a date. */
function ageOn(birth: string, date: Date): number {
  const [by, bm, bd] = birth.split("-").map(Number) as [number, number, number];
  const m = date.getMonth() + 1;
  const d = date.getDate();
  return date.getFullYear() - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

function ClientFacts({ o, role }: { o: ClientOverview; role: Role | undefined }) {
  const c = o.client;
  const a = c.adres;
  const street = [a.straat, a.huisnummer].filter(Boolean).join(" ");
  const address = [street, [a.postcode, a.plaats].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  return (
    <DataList className="kader-facts" data-testid="client-facts">
      <DataListItem>
        <DataListKey>BSN</DataListKey>
        <DataListValue>
          <Bsn bsn={c.bsn} role={role} />
        </DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Geboortedatum</DataListKey>
        <DataListValue>
          {formatDay(c.geboortedatum)} <span className="kader-muted">({ageOn(c.geboortedatum, new Date())} jaar)</span>
        </DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Adres</DataListKey>
        <DataListValue>{address || <span className="kader-muted">niet bekend</span>}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Gemeente</DataListKey>
        <DataListValue>
          <span className="kader-code">{c.gemeentecode}</span>
        </DataListValue>
      </DataListItem>
    </DataList>
  );
}

function BeschikkingBlock({ b, name }: { b: Beschikking; name: (productId: string) => string }) {
  return (
    <section className="kader-book" aria-labelledby={`b-${b.id}-h`} data-testid="beschikking">
      <Heading level={3} id={`b-${b.id}-h`}>
        Beschikking {b.beschikkingnummer}
      </Heading>
      <Paragraph>
        {wetLabel[b.wet] ?? b.wet} · afgegeven op {formatDay(b.afgiftedatum)} · geldig van {formatDay(b.ingangsdatum)} tot en met {formatDay(b.einddatum)} ·
        verwijzer: {b.verwijzer ? (verwijzerLabel[b.verwijzer] ?? b.verwijzer) : "niet opgegeven"} · door {b.createdBy}
      </Paragraph>
      <DataTable
        label={`Producten van beschikking ${b.beschikkingnummer}`}
        caption={`Producten van beschikking ${b.beschikkingnummer}`}
        captionProps={{ className: "kader-visually-hidden" }}
        columns={[
          {
            header: "Product",
            rowHeader: true,
            cell: (p) => <RouterLink href={`/producten/${encodeURIComponent(p.productId)}`}>{name(p.productId)}</RouterLink>,
          },
          { header: "Aanbieder", cell: (p) => <span className="kader-code">{p.aanbieder}</span> },
          {
            header: "Periode",
            cell: (p) => (
              <>
                {formatDay(p.ingangsdatum)} t/m {formatDay(p.einddatum)}
                {p.verlengingen ? <span className="kader-muted"> ({p.verlengingen === 1 ? "1 verlenging" : `${p.verlengingen} verlengingen`})</span> : null}
              </>
            ),
          },
          {
            header: "Omvang",
            cell: (p) => (
              <>
                {omvangText(p)}
                {p.afstandKm !== null && p.afstandKm !== undefined ? <span className="kader-muted">; {p.afstandKm} km enkele reis</span> : null}
              </>
            ),
          },
          {
            header: "Resultaatgebieden",
            cell: (p) => (p.resultaatgebieden.length ? p.resultaatgebieden.join(", ") : <span className="kader-muted">geen</span>),
          },
        ]}
        rows={b.producten}
        // the products of a beschikking are a fixed list
        rowKey={(_, i) => i}
      />
      {b.bevindingen.length ? (
        <>
          <Paragraph>
            <strong>Bevindingen van de toets bij het afgeven</strong>
          </Paragraph>
          <FindingList findings={b.bevindingen} productName={name} />
        </>
      ) : null}
      {b.override ? (
        <Alert type="info" data-testid="override">
          <Paragraph>
            <strong>Afgegeven met een onderbouwde afwijking</strong> door {b.override.door} op {formatDay(b.override.op)}:
          </Paragraph>
          <Paragraph>
            <q>{b.override.motivering}</q>
          </Paragraph>
        </Alert>
      ) : null}
    </section>
  );
}

function ToewijzingenSection({ o, role, onChanged }: { o: ClientOverview; role: Role | undefined; onChanged: (message: string) => void }) {
  if (o.toewijzingen.length === 0) return <Paragraph>Er zijn nog geen toewijzingen.</Paragraph>;
  return (
    <>
      <DataTable
        label="Toewijzingen"
        testId="toewijzingen"
        caption={`Toewijzingen van ${o.client.naam}`}
        columns={[
          {
            header: "Nummer",
            rowHeader: true,
            cell: (t) => (
              <>
                <span className="kader-code">{t.toewijzingnummer}</span> <span className="kader-muted">({wetLabel[t.wet] ?? t.wet})</span>
              </>
            ),
          },
          {
            header: "Product",
            cell: (t) => (
              <>
                {t.productNaam ?? t.productId}
                {t.productcode ? (
                  <>
                    {" "}
                    <span className="kader-code">{t.productcode}</span>
                  </>
                ) : null}
              </>
            ),
          },
          { header: "Aanbieder", cell: (t) => <span className="kader-code">{t.agbCode}</span> },
          {
            header: "Periode",
            cell: (t) => (
              <>
                {formatDay(t.ingangsdatum)} t/m {t.einddatum ? formatDay(t.einddatum) : "open"}
                {t.startdatum ? <span className="kader-muted"> (gestart {formatDay(t.startdatum)})</span> : null}
              </>
            ),
          },
          { header: "Omvang", cell: (t) => omvangText(t) },
          { header: "Status", cell: (t) => <CareStatus status={t.status} /> },
        ]}
        rows={o.toewijzingen}
        rowKey={(t) => `${t.wet}-${t.toewijzingnummer}`}
        rowProps={(t) => ({ "data-nummer": t.toewijzingnummer })}
      />
      {o.toewijzingen.map((t) => (
        <details key={`${t.wet}-${t.toewijzingnummer}`} className="kader-details" data-testid="toewijzing-details" data-nummer={t.toewijzingnummer}>
          <summary>
            Toewijzing {t.toewijzingnummer} ({t.productNaam ?? t.productId}): historie{role === "controller" ? "" : " en wijzigingen"}
          </summary>
          <DetailsBody>
            <ToewijzingPanel t={t} role={role} onChanged={(_, message) => onChanged(message)} />
          </DetailsBody>
        </details>
      ))}
    </>
  );
}

/** Renders the panel only once its <details> has been opened (it loads the history). */
function DetailsBody({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const details = ref.current?.parentElement;
    if (!(details instanceof HTMLDetailsElement)) return;
    const on = () => setOpen(details.open);
    on();
    details.addEventListener("toggle", on);
    return () => details.removeEventListener("toggle", on);
  }, []);
  return <div ref={ref}>{open ? children : null}</div>;
}

/** A client: personal data, beschikkingen with their findings, toewijzingen with history and actions, the grant form. */
export function ClientPage({ id }: { id: string }) {
  const auth = useAuth();
  const role = auth.user?.role;
  const allowed = useSignedInAs(careRoles);
  const [reload, setReload] = useState(0);
  const [message, setMessage] = useState("");
  const overview = useApi<ClientOverview>(allowed ? `/clienten/${encodeURIComponent(id)}` : null, { cached: false, reload });
  const shown =
    overview.state === "ok" ? overview.data : overview.state === "loading" && overview.previous?.client.id === Number(id) ? overview.previous : undefined;
  const name = shown ? shown.client.naam : overview.state === "error" ? "Cliënt niet beschikbaar" : "Cliënt";
  const messageRef = useRef<HTMLParagraphElement>(null);

  const productName = (productId: string) => shown?.toewijzingen.find((t) => t.productId === productId)?.productNaam ?? productId;
  const granted = (a: GrantAnswer) => {
    setMessage(
      `Beschikking ${a.beschikking.beschikkingnummer} is afgegeven: ${a.toewijzingen.length === 1 ? "toewijzing" : "toewijzingen"} ${a.toewijzingen.map((t) => t.toewijzingnummer).join(", ")}.`,
    );
    setReload((n) => n + 1);
    setTimeout(() => messageRef.current?.focus(), 0);
  };

  return (
    <>
      <BreadcrumbNav aria-label="Kruimelpad">
        <BreadcrumbNavLink href="/clienten" Link={RouterLink} index={0}>
          Cliënten
        </BreadcrumbNavLink>
        <BreadcrumbNavLink href={`/clienten/${id}`} Link={RouterLink} current index={1}>
          {name}
        </BreadcrumbNavLink>
      </BreadcrumbNav>
      <p className="kader-pre-heading">Cliënt</p>
      <PageHeading title={name}>{name}</PageHeading>
      <CareGate roles={careRoles} what="een cliëntpagina">
        {overview.state === "loading" && !shown ? <Loading what="Gegevens van de cliënt" /> : null}
        {overview.state === "error" ? <ProblemAlert error={overview.error} /> : null}
        {shown ? (
          <>
            {shown.client.demo ? <Paragraph className="kader-muted">Dit is een synthetische demo-cliënt: de gegevens zijn verzonnen.</Paragraph> : null}
            <ClientFacts o={shown} role={role} />
            <p role="status" ref={messageRef} tabIndex={-1} className="kader-status kader-outcome" data-testid="client-message">
              {message}
            </p>
            <section aria-labelledby="beschikkingen-h" className="kader-section">
              <Heading level={2} id="beschikkingen-h">
                Beschikkingen
              </Heading>
              {shown.beschikkingen.length === 0 ? (
                <Paragraph>Er zijn nog geen beschikkingen.</Paragraph>
              ) : (
                shown.beschikkingen.map((b) => <BeschikkingBlock key={b.id} b={b} name={productName} />)
              )}
            </section>
            <section aria-labelledby="toewijzingen-h" className="kader-section">
              <Heading level={2} id="toewijzingen-h">
                Toewijzingen
              </Heading>
              <ToewijzingenSection
                o={shown}
                role={role}
                onChanged={(m) => {
                  setMessage(m);
                  setReload((n) => n + 1);
                }}
              />
            </section>
            {role === "toegang" ? <GrantForm client={shown.client} onGranted={granted} /> : null}
          </>
        ) : null}
      </CareGate>
    </>
  );
}
