import {
  Alert,
  BreadcrumbNav,
  BreadcrumbNavLink,
  Button,
  ButtonLink,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  FormField,
  FormFieldErrorMessage,
  FormLabel,
  Heading,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from "@utrecht/component-library-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { ComplianceGate, Expiry, StatusText, SummaryText } from "../components/Compliance.tsx";
import { LineRef } from "../components/Notes.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { TableWrap } from "../components/TableWrap.tsx";
import { API, type ApiError, qs, request, toApiError, useApi } from "../lib/api.ts";
import { useAuth } from "../lib/auth.tsx";
import { complianceRoles, evidenceKindLabel, evidenceKinds, formatDate, lawLabel, levelLabel, staffKindLabel } from "../lib/labels.ts";
import { navigate, RouterLink, useLocation } from "../lib/router.tsx";
import type { ComplianceReport, Evidence, EvidenceKind, Productenboek, Provider, ProviderDetail, Signal } from "../lib/types.ts";

/** What a check still needs, in words (the API names the facts). */
const missingLabel: Record<string, string> = {
  staff: "gegevens van medewerkers",
  rolesAvailable: "beschikbare functies",
  providerEvidence: "bewijsstukken van de aanbieder",
  contractedProducts: "gecontracteerde producten",
  traineesPerSupervisor: "bbl-leerlingen per praktijkbegeleider",
  confirmed: "bevestiging door een beoordelaar",
};

const signalFor = (signalen: Signal[], subject: string, evidence: string) => signalen.find((s) => s.subject === subject && s.evidence === evidence);

function ExpiryNote({ signal }: { signal: Signal | undefined }) {
  return signal ? (
    <>
      <br />
      <Expiry days={signal.daysLeft} />
    </>
  ) : null;
}

function ProviderFacts({ p, staff }: { p: Provider; staff: number }) {
  return (
    <DataList className="kader-facts">
      <DataListItem>
        <DataListKey>AGB-code</DataListKey>
        <DataListValue>
          <span className="kader-code">{p.agbCode}</span>
        </DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>KvK-nummer</DataListKey>
        <DataListValue>{p.kvk ? <span className="kader-code">{p.kvk}</span> : <span className="kader-muted">niet bekend</span>}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Gecontracteerd door</DataListKey>
        <DataListValue>
          {p.gemeentecodes.length ? p.gemeentecodes.map((g) => `gemeente ${g}`).join(", ") : <span className="kader-muted">geen gemeente bekend</span>}
        </DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Medewerkers</DataListKey>
        <DataListValue>{staff}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Bewijsstukken</DataListKey>
        <DataListValue>{p.evidence.length}</DataListValue>
      </DataListItem>
    </DataList>
  );
}

type ProductResult = ComplianceReport["producten"][number];

function ProductMatrix({ p, book, n }: { p: ProductResult; book: string; n: number }) {
  return (
    <section className="kader-book" aria-labelledby={`toets-${n}-h`} data-testid="product-result" data-product={p.productId}>
      <Heading level={3} id={`toets-${n}-h`}>
        {p.name}
      </Heading>
      <Paragraph>
        Oordeel: <StatusText status={p.verdict} /> ·{" "}
        {p.productcode ? <span className="kader-code">{p.productcode}</span> : <span className="kader-muted">nog geen code</span>} · {lawLabel[p.law] ?? p.law}{" "}
        · {book} · {p.staffCount === 1 ? "1 medewerker" : `${p.staffCount} medewerkers`} ·{" "}
        <RouterLink href={`/producten/${encodeURIComponent(p.productId)}`}>
          productbeschrijving<span className="kader-visually-hidden"> van {p.name}</span>
        </RouterLink>
      </Paragraph>
      {p.requirements.length === 0 ? (
        <Paragraph>Het document noemt voor dit product geen eisen.</Paragraph>
      ) : (
        <TableWrap label={`Eisen aan ${p.name}`}>
          <Table className="kader-table">
            <TableCaption className="kader-visually-hidden">
              Eisen aan {p.name} ({lawLabel[p.law] ?? p.law}) en hun toets
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Onderwerp</TableHeaderCell>
                <TableHeaderCell scope="col">Eis</TableHeaderCell>
                <TableHeaderCell scope="col">Status</TableHeaderCell>
                <TableHeaderCell scope="col">Toelichting</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {p.requirements.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: requirements are an ordered list from the document
                <TableRow key={i} className={r.status === "voldoet-niet" ? "kader-fails" : undefined} data-status={r.status}>
                  <TableHeaderCell scope="row">
                    {r.topic} <LineRef line={r.line} />
                  </TableHeaderCell>
                  <TableCell>{r.text}</TableCell>
                  <TableCell>
                    <StatusText status={r.status} />
                  </TableCell>
                  <TableCell>
                    {r.reasons.length + r.info.length + r.missing.length === 0 ? (
                      <span className="kader-muted">geen</span>
                    ) : (
                      <ul className="kader-reasons">
                        {r.reasons.map((x, j) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list
                          <li key={`r${j}`}>{x.message}</li>
                        ))}
                        {r.info.map((x, j) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list
                          <li key={`i${j}`} className="kader-muted">
                            {x}
                          </li>
                        ))}
                        {r.missing.length ? <li>Nog nodig: {r.missing.map((m) => missingLabel[m] ?? m).join(", ")}</li> : null}
                      </ul>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableWrap>
      )}
    </section>
  );
}

/** The check at a peildatum: form, summary, Excel download and the product × requirement matrix. */
function Check({ agb, reload }: { agb: string; reload: number }) {
  const { pathname, search } = useLocation();
  const applied = { peildatum: search.get("peildatum") ?? "", productenboek: search.get("productenboek") ?? "" };
  // null: untouched, so the field shows the applied value (or the server's today, which the first answer names)
  const [peil, setPeil] = useState<string | null>(null);
  const [book, setBook] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new URL (back, forward, submit) resets the fields
  useEffect(() => {
    setPeil(null);
    setBook(null);
  }, [search]);
  const report = useApi<ComplianceReport>(`/aanbieders/${agb}/compliance${qs(applied)}`, { cached: false, reload });
  const books = useApi<{ items: Productenboek[] }>("/productenboeken");
  const data = report.state === "ok" ? report.data : report.state === "loading" ? report.previous : undefined;
  const peilValue = peil ?? (applied.peildatum || data?.peildatum || "");
  const bookValue = book ?? applied.productenboek;
  const bookTitle = (id: string) => (books.state === "ok" ? (books.data.items.find((b) => b.id === id)?.title ?? id) : id);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`${pathname}${qs({ peildatum: peilValue, productenboek: bookValue })}`);
  };

  return (
    <section aria-labelledby="toets-h" className="kader-section">
      <Heading level={2} id="toets-h">
        Toets aan productenboek en programma van eisen
      </Heading>
      <form className="kader-search-form" onSubmit={submit} aria-label="Toets instellen">
        <div className="kader-filters">
          <FormField
            label={<FormLabel htmlFor="toets-peildatum">Peildatum</FormLabel>}
            input={<Textbox id="toets-peildatum" name="peildatum" type="date" value={peilValue} onChange={(e) => setPeil(e.target.value)} />}
          />
          <FormField
            label={<FormLabel htmlFor="toets-pb">Productenboek</FormLabel>}
            input={
              <Select id="toets-pb" name="productenboek" value={bookValue} onChange={(e) => setBook(e.target.value)}>
                <SelectOption value="">Alle productenboeken</SelectOption>
                {books.state === "ok"
                  ? books.data.items.map((b) => (
                      <SelectOption key={b.id} value={b.id}>
                        {b.title}
                      </SelectOption>
                    ))
                  : bookValue && <SelectOption value={bookValue}>{bookValue}</SelectOption>}
              </Select>
            }
          />
        </div>
        <div className="kader-actions">
          <Button type="submit" appearance="primary-action-button">
            Toetsen
          </Button>
        </div>
      </form>
      {report.state === "loading" && !data ? <Loading what="De toets" /> : null}
      {report.state === "error" ? <ProblemAlert error={report.error} heading="Toetsen mislukt" /> : null}
      {data ? (
        <div className={report.state === "loading" ? "kader-busy" : undefined} aria-busy={report.state === "loading"}>
          <Paragraph data-testid="check-summary">
            Peildatum {formatDate(data.peildatum)}: <SummaryText summary={data.summary} /> ({data.summary.voldoet} voldoet, {data.summary["voldoet-niet"]}{" "}
            voldoet niet, {data.summary.onbekend} onbekend). Eisen die per cliënt gelden of die een beoordelaar moet bevestigen, tellen niet mee in het oordeel.
          </Paragraph>
          <div className="kader-actions">
            <ButtonLink
              appearance="secondary-action-button"
              href={`${API}/aanbieders/${agb}/compliance${qs({ ...applied, format: "xlsx" })}`}
              download={`kader-toets-${agb}-${data.peildatum}.xlsx`}
            >
              Download de toets in Excel (.xlsx)
            </ButtonLink>
          </div>
          {data.producten.length === 0 ? (
            <Paragraph>
              Geen producten om te toetsen: het personeelsbestand noemt geen producten{applied.productenboek ? " uit dit productenboek" : ""}.
            </Paragraph>
          ) : (
            data.producten.map((p, i) => <ProductMatrix key={p.productId} p={p} book={bookTitle(p.productenboek)} n={i} />)
          )}
        </div>
      ) : null}
    </section>
  );
}

function StaffList({ detail }: { detail: ProviderDetail }) {
  const { staff, signalen } = detail;
  if (staff.length === 0) return <Paragraph>Er is nog geen personeelsbestand ingelezen.</Paragraph>;
  return (
    <TableWrap label="Medewerkers">
      <Table className="kader-table" data-testid="staff">
        <TableCaption>
          {staff.length === 1 ? "1 medewerker" : `${staff.length} medewerkers`}; bewijs dat binnen 60 dagen verloopt of verlopen is, staat erbij
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Naam</TableHeaderCell>
            <TableHeaderCell scope="col">Opleiding</TableHeaderCell>
            <TableHeaderCell scope="col">Soort</TableHeaderCell>
            <TableHeaderCell scope="col">Rol</TableHeaderCell>
            <TableHeaderCell scope="col">Registratie</TableHeaderCell>
            <TableHeaderCell scope="col">VOG</TableHeaderCell>
            <TableHeaderCell scope="col">Producten</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {staff.map((s, i) => {
            const reg = s.registration;
            const vog = signalFor(signalen, s.name, "VOG");
            const regSignal = reg ? signalFor(signalen, s.name, `registratie ${reg.register} ${reg.number}`) : undefined;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: staff records have no id; the list is replaced as a whole
              <TableRow key={i} className={vog || regSignal ? "kader-expiring" : undefined}>
                <TableHeaderCell scope="row">{s.name}</TableHeaderCell>
                <TableCell>
                  {levelLabel(s.level)}
                  {s.careRelated ? null : <span className="kader-muted"> (niet zorggerelateerd)</span>}
                  {s.workingLevel ? <span className="kader-muted">; werk- en denkniveau {levelLabel(s.workingLevel)}</span> : null}
                </TableCell>
                <TableCell>{staffKindLabel[s.kind] ?? s.kind}</TableCell>
                <TableCell>{s.role}</TableCell>
                <TableCell>
                  {reg ? (
                    <>
                      {reg.register} <span className="kader-code">{reg.number}</span>
                      <br />
                      {reg.validUntil ? `geldig tot ${formatDate(reg.validUntil)}` : <span className="kader-muted">geen einddatum</span>}
                      <ExpiryNote signal={regSignal} />
                    </>
                  ) : (
                    <span className="kader-muted">geen</span>
                  )}
                </TableCell>
                <TableCell>
                  {s.vogDate ? formatDate(s.vogDate) : <span className="kader-muted">niet bekend</span>}
                  <ExpiryNote signal={vog} />
                </TableCell>
                <TableCell>
                  {s.products.map((k, j) => (
                    <span key={k}>
                      {j > 0 ? ", " : null}
                      <span className="kader-code">{k}</span>
                    </span>
                  ))}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableWrap>
  );
}

const emptyEvidence = { kind: "kwaliteitscertificaat" as EvidenceKind, date: "", validUntil: "", scope: "", description: "" };

/** The provider's evidence; a contractmanager or the aanbieder itself adds or removes items, which PUTs the whole list. */
function EvidenceSection({ detail, canWrite, onSaved }: { detail: ProviderDetail; canWrite: boolean; onSaved: () => void }) {
  const { provider: p, signalen } = detail;
  const [form, setForm] = useState(emptyEvidence);
  const [dateMissing, setDateMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState("");
  const errorRef = useRef<HTMLDivElement>(null);
  const set = (k: keyof typeof emptyEvidence) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const save = async (items: Evidence[], done: string) => {
    setBusy(true);
    setError(null);
    setMessage("");
    try {
      await request<Provider>(`/aanbieders/${p.agbCode}/bewijs`, { method: "PUT", body: { items } });
      setMessage(done);
      onSaved();
      return true;
    } catch (e) {
      setError(toApiError(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setDateMissing(!form.date);
    if (!form.date) {
      document.getElementById("bewijs-date")?.focus();
      return;
    }
    const scope = form.scope.split(/[;,\s]+/).filter(Boolean);
    const item: Evidence = {
      kind: form.kind,
      date: form.date,
      validUntil: form.validUntil || null,
      scope: scope.length ? scope : ["*"],
      description: form.description.trim() || null,
    };
    if (await save([...p.evidence, item], `${evidenceKindLabel[item.kind]} toegevoegd.`)) setForm(emptyEvidence);
  };

  return (
    <section aria-labelledby="bewijs-h" className="kader-section">
      <Heading level={2} id="bewijs-h">
        Bewijsstukken
      </Heading>
      {p.evidence.length === 0 ? (
        <Paragraph>Er zijn nog geen bewijsstukken vastgelegd.</Paragraph>
      ) : (
        <TableWrap label="Bewijsstukken">
          <Table className="kader-table" data-testid="evidence">
            <TableCaption>{p.evidence.length === 1 ? "1 bewijsstuk" : `${p.evidence.length} bewijsstukken`}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Soort</TableHeaderCell>
                <TableHeaderCell scope="col">Datum</TableHeaderCell>
                <TableHeaderCell scope="col">Geldig tot</TableHeaderCell>
                <TableHeaderCell scope="col">Geldt voor</TableHeaderCell>
                <TableHeaderCell scope="col">Omschrijving</TableHeaderCell>
                {canWrite ? (
                  <TableHeaderCell scope="col">
                    <span className="kader-visually-hidden">Acties</span>
                  </TableHeaderCell>
                ) : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {p.evidence.map((ev, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: evidence items have no id; the list is saved as a whole
                <TableRow key={i}>
                  <TableHeaderCell scope="row">
                    {evidenceKindLabel[ev.kind] ?? ev.kind}
                    <ExpiryNote signal={signalFor(signalen, p.name, ev.kind)} />
                  </TableHeaderCell>
                  <TableCell>{formatDate(ev.date)}</TableCell>
                  <TableCell>{ev.validUntil ? formatDate(ev.validUntil) : <span className="kader-muted">geen einddatum</span>}</TableCell>
                  <TableCell>{ev.scope.includes("*") ? "hele organisatie" : ev.scope.join(", ")}</TableCell>
                  <TableCell>{ev.description ?? <span className="kader-muted">geen</span>}</TableCell>
                  {canWrite ? (
                    <TableCell>
                      <Button
                        appearance="subtle-button"
                        disabled={busy}
                        onClick={() =>
                          save(
                            p.evidence.filter((_, j) => j !== i),
                            `${evidenceKindLabel[ev.kind]} verwijderd.`,
                          )
                        }
                      >
                        Verwijderen
                        <span className="kader-visually-hidden">
                          {" "}
                          ({evidenceKindLabel[ev.kind]}, {formatDate(ev.date)})
                        </span>
                      </Button>
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableWrap>
      )}
      <p role="status" className="kader-status">
        {message}
      </p>
      {error ? (
        <div ref={errorRef} tabIndex={-1}>
          <ProblemAlert error={error} heading="Opslaan mislukt" />
        </div>
      ) : null}
      {canWrite ? (
        <>
          <Heading level={3}>Bewijsstuk toevoegen</Heading>
          <form className="kader-search-form" onSubmit={add} noValidate aria-label="Bewijsstuk toevoegen">
            <div className="kader-filters">
              <FormField
                label={<FormLabel htmlFor="bewijs-kind">Soort</FormLabel>}
                input={
                  <Select id="bewijs-kind" name="kind" value={form.kind} onChange={set("kind")}>
                    {evidenceKinds.map((k) => (
                      <SelectOption key={k} value={k}>
                        {evidenceKindLabel[k]}
                      </SelectOption>
                    ))}
                  </Select>
                }
              />
              <FormField
                invalid={dateMissing}
                label={<FormLabel htmlFor="bewijs-date">Datum</FormLabel>}
                description={<span id="bewijs-date-hint">Afgifte-, audit- of onderzoeksdatum</span>}
                errorMessage={dateMissing ? <FormFieldErrorMessage id="bewijs-date-error">Vul de datum in.</FormFieldErrorMessage> : undefined}
                input={
                  <Textbox
                    id="bewijs-date"
                    name="date"
                    type="date"
                    required
                    invalid={dateMissing}
                    aria-describedby={dateMissing ? "bewijs-date-hint bewijs-date-error" : "bewijs-date-hint"}
                    value={form.date}
                    onChange={set("date")}
                  />
                }
              />
              <FormField
                label={<FormLabel htmlFor="bewijs-until">Geldig tot</FormLabel>}
                description={<span id="bewijs-until-hint">Alleen als het stuk een einddatum noemt</span>}
                input={
                  <Textbox
                    id="bewijs-until"
                    name="validUntil"
                    type="date"
                    aria-describedby="bewijs-until-hint"
                    value={form.validUntil}
                    onChange={set("validUntil")}
                  />
                }
              />
              <FormField
                label={<FormLabel htmlFor="bewijs-scope">Geldt voor</FormLabel>}
                description={<span id="bewijs-scope-hint">Productcodes of product-id's, gescheiden door ; (leeg: de hele organisatie)</span>}
                input={<Textbox id="bewijs-scope" name="scope" aria-describedby="bewijs-scope-hint" value={form.scope} onChange={set("scope")} />}
              />
              <FormField
                label={<FormLabel htmlFor="bewijs-desc">Omschrijving (niet verplicht)</FormLabel>}
                input={<Textbox id="bewijs-desc" name="description" maxLength={500} value={form.description} onChange={set("description")} />}
              />
            </div>
            <div className="kader-actions">
              <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
                Bewijsstuk toevoegen
              </Button>
            </div>
          </form>
        </>
      ) : null}
    </section>
  );
}

export function ProviderPage({ agb }: { agb: string }) {
  const auth = useAuth();
  const allowed = auth.status === "signed-in" && !!auth.user && complianceRoles.includes(auth.user.role);
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

function ProviderBody({ detail, canWrite, reload, onSaved }: { detail: ProviderDetail; canWrite: boolean; reload: number; onSaved: () => void }) {
  return (
    <>
      <ProviderFacts p={detail.provider} staff={detail.staff.length} />
      {detail.signalen.length ? (
        <Alert type="warning">
          <Paragraph>
            {detail.signalen.length === 1 ? "1 bewijsstuk verloopt" : `${detail.signalen.length} bewijsstukken verlopen`} binnen 60 dagen of{" "}
            {detail.signalen.length === 1 ? "is" : "zijn"} al verlopen; zie de medewerkers en bewijsstukken hieronder en{" "}
            <RouterLink href="/signalen">alle signalen</RouterLink>.
          </Paragraph>
        </Alert>
      ) : null}
      <Check agb={detail.provider.agbCode} reload={reload} />
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
