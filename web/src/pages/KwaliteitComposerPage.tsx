import {
  Alert,
  BreadcrumbNav,
  BreadcrumbNavLink,
  Button,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormLabel,
  Heading,
  OrderedList,
  OrderedListItem,
  Paragraph,
  Select,
  SelectOption,
  Textarea,
  Textbox,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { KwaliteitWaarschuwing } from "../components/KwaliteitBits.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { API, type ApiError, request, toApiError, useApi } from "../lib/api.ts";
import { useAuth } from "../lib/auth.tsx";
import { formatDate } from "../lib/labels.ts";
import { checkableText, type FrameworkItem, type PveConcept, type PveDocument, type PveOnderdeel, type PveRecord, type PveVersionInfo, pvePath, type Segment } from "../lib/quality.ts";
import { routeClick, RouterLink } from "../lib/router.tsx";

const chapterTitle = { algemeen: "Algemene eisen", kaders: "Kwaliteitskaders", criteria: "Kwaliteitscriteria", eigen: "Aanvullende eisen" } as const;

function describe(o: PveOnderdeel, frameworks: FrameworkItem[]): string {
  const f = (nr: number) => frameworks.find((x) => x.nr === nr);
  switch (o.soort) {
    case "algemene-eisen-004":
      return `Algemene eisen uit het programma van eisen van document 004${o.zonder.length ? ` (zonder ${o.zonder.join(", ")})` : ""}`;
    case "algemeen":
      return `Algemene eis ${o.eis}`;
    case "kader":
      return `Kader ${o.kader}: ${f(o.kader)?.titel ?? "onbekend"}${o.afwijkingen.length ? `, met ${o.afwijkingen.length} afwijking(en)` : ""}`;
    case "criterium":
      return `Criterium ${o.criterium} van kader ${o.kader}: ${f(o.kader)?.titel ?? "onbekend"}`;
    case "eigen":
      return `Eigen eis: ${o.titel}`;
  }
}

function Preview({ doc }: { doc: PveDocument }) {
  return (
    <div data-testid="voorbeeld">
      {doc.waarschuwingen.map((w) => (
        <KwaliteitWaarschuwing key={w}>{w}</KwaliteitWaarschuwing>
      ))}
      <Paragraph>
        {doc.eisen.length} eisen, {doc.vragen.length} vragen in de zelfevaluatie (eisen met hetzelfde begrip worden één keer gevraagd).
      </Paragraph>
      {(["algemeen", "kaders", "criteria", "eigen"] as const).map((h) => {
        const eisen = doc.eisen.filter((e) => e.hoofdstuk === h);
        if (!eisen.length) return null;
        return (
          <section key={h} aria-labelledby={`vb-${h}`}>
            <Heading level={3} id={`vb-${h}`}>
              {chapterTitle[h]}
            </Heading>
            <OrderedList start={eisen[0]!.nr}>
              {eisen.map((e) => (
                <OrderedListItem key={e.key} value={e.nr}>
                  <strong>{e.titel}</strong> — {e.tekst}
                  {e.afwijkingen.map((a) => (
                    <span key={a.tekst} className="kader-block">
                      Afwijking{a.criterium ? ` op ${a.criterium}` : ""}: {a.tekst}
                    </span>
                  ))}
                  <span className="kader-block kader-muted">
                    {checkableText(e.toetsbaar)} · {e.bron.label}
                    {e.waarschuwing ? " · vervallen kader" : ""}
                  </span>
                </OrderedListItem>
              ))}
            </OrderedList>
          </section>
        );
      })}
    </div>
  );
}

function Versions({ id, versies, onInvited }: { id: string; versies: PveVersionInfo[]; onInvited: () => void }) {
  const [versie, setVersie] = useState(String(versies.at(-1)?.versie ?? ""));
  const [agbs, setAgbs] = useState("");
  const [contracted, setContracted] = useState(false);
  const [msg, setMsg] = useState<{ ok: string } | { error: ApiError } | null>(null);
  useEffect(() => setVersie(String(versies.at(-1)?.versie ?? "")), [versies]);
  if (!versies.length) return <Paragraph>Nog niet gepubliceerd.</Paragraph>;
  const invite = async (e: FormEvent) => {
    e.preventDefault();
    setMsg(null);
    try {
      const agbCodes = agbs.split(/[\s,;]+/).filter(Boolean);
      const r = await request<{ items: { agbCode: string }[] }>(`${pvePath(id)}/versies/${versie}/uitnodigingen`, { method: "POST", body: { agbCodes, gecontracteerd: contracted } });
      setMsg({ ok: `Uitgenodigd voor versie ${versie}: ${r.items.map((x) => x.agbCode).join(", ")}.` });
      setAgbs("");
      onInvited();
    } catch (err) {
      setMsg({ error: toApiError(err) });
    }
  };
  return (
    <>
      <UnorderedList data-testid="versies">
        {versies.map((v) => (
          <UnorderedListItem key={v.versie}>
            Versie {v.versie}, gepubliceerd {formatDate(v.publishedAt.slice(0, 10))} door {v.publishedBy}:{" "}
            <a href={`${API}${pvePath(id)}/versies/${v.versie}?format=html`} target="_blank" rel="noopener">
              HTML om te publiceren<span className="kader-visually-hidden"> (versie {v.versie}, opent in nieuw venster)</span>
            </a>{" "}
            ·{" "}
            <a href={`${API}${pvePath(id)}/versies/${v.versie}?format=docx`} download>
              Word<span className="kader-visually-hidden"> (versie {v.versie})</span>
            </a>{" "}
            · <RouterLink href={`/kwaliteit/programmas/${id}/versies/${v.versie}`}>Beoordeling van aanbieders (versie {v.versie})</RouterLink>
          </UnorderedListItem>
        ))}
      </UnorderedList>
      <form className="kader-search-form kader-form" onSubmit={invite} aria-labelledby="invite-h" noValidate>
        <Heading level={3} id="invite-h">
          Aanbieders uitnodigen
        </Heading>
        <div className="kader-filters">
          <FormField
            label={<FormLabel htmlFor="invite-versie">Versie</FormLabel>}
            input={
              <Select id="invite-versie" value={versie} onChange={(e) => setVersie(e.target.value)}>
                {versies.map((v) => (
                  <SelectOption key={v.versie} value={String(v.versie)}>
                    {`Versie ${v.versie}`}
                  </SelectOption>
                ))}
              </Select>
            }
          />
          <FormField
            label={<FormLabel htmlFor="invite-agb">AGB-codes</FormLabel>}
            description={<span id="invite-agb-hint">8 cijfers per aanbieder, gescheiden door komma's</span>}
            input={<Textbox id="invite-agb" aria-describedby="invite-agb-hint" value={agbs} onChange={(e) => setAgbs(e.target.value)} />}
          />
        </div>
        <FormLabel htmlFor="invite-contracted" type="checkbox">
          <Checkbox id="invite-contracted" checked={contracted} onChange={(e) => setContracted(e.target.checked)} /> Ook alle aanbieders die de gemeente contracteert
        </FormLabel>
        <div className="kader-actions">
          <Button type="submit" appearance="secondary-action-button">
            Uitnodigen
          </Button>
        </div>
        <div role="status">{msg && "ok" in msg ? msg.ok : null}</div>
        {msg && "error" in msg ? <ProblemAlert error={msg.error} heading="Uitnodigen mislukt" /> : null}
      </form>
    </>
  );
}

/** The composer: a draft with its parts, a live preview, publication as an immutable version, exports and invitations. */
export function KwaliteitComposerPage({ id }: { id: string }) {
  const auth = useAuth();
  const [reload, setReload] = useState(0);
  const r = useApi<PveRecord & { versies: PveVersionInfo[] }>(auth.status === "signed-in" ? pvePath(id) : null, { cached: false, reload });
  const frameworks = useApi<{ items: FrameworkItem[] }>("/kwaliteitskaders");
  const segments = useApi<{ items: Segment[] }>("/kwaliteitskaders/segmenten");
  const [concept, setConcept] = useState<PveConcept | null>(null);
  const [producten, setProducten] = useState("");
  const [kader, setKader] = useState("");
  const [critKader, setCritKader] = useState("");
  const [critId, setCritId] = useState("");
  const [eigenTitel, setEigenTitel] = useState("");
  const [eigenTekst, setEigenTekst] = useState("");
  const [status, setStatus] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const loadedFor = useRef<string | null>(null);

  useEffect(() => {
    if (r.state !== "ok") return;
    if (loadedFor.current === `${r.data.id}:${r.data.updatedAt}`) return;
    loadedFor.current = `${r.data.id}:${r.data.updatedAt}`;
    setConcept(r.data.concept);
    setProducten(r.data.concept.producten.join("\n"));
  }, [r]);

  const heading = <PageHeading title="Programma van eisen">Programma van eisen</PageHeading>;
  if (auth.status === "unknown") return <Loading what="Aanmelding" />;
  if (auth.status !== "signed-in") return <>{heading}<Alert type="info"><Paragraph><RouterLink href={`/inloggen?terug=/kwaliteit/programmas/${id}`}>Log in</RouterLink> als contractmanager.</Paragraph></Alert></>;
  if (r.state === "error") return <>{heading}<ProblemAlert error={r.error} /></>;
  if (r.state === "loading" && !r.previous) return <Loading what="Programma van eisen" />;
  const data = r.state === "ok" ? r.data : r.previous!;
  if (!concept) return <Loading what="Programma van eisen" />;
  const fw = frameworks.state === "ok" ? frameworks.data.items : [];
  const editable = auth.user?.role === "contractmanager";
  const hasModule = concept.onderdelen.some((o) => o.soort === "algemene-eisen-004");
  const update = (c: Partial<PveConcept>) => setConcept({ ...concept, ...c });
  const add = (o: PveOnderdeel) => update({ onderdelen: [...concept.onderdelen, o] });
  const lapsed = fw.find((f) => String(f.nr) === kader && f.waarschuwing);

  const save = async (e?: FormEvent) => {
    e?.preventDefault();
    setBusy(true);
    setError(null);
    setStatus("");
    try {
      const body = { ...concept, producten: producten.split(/\s+/).filter(Boolean) };
      await request(pvePath(id), { method: "PUT", body });
      setStatus("Concept opgeslagen; het voorbeeld is bijgewerkt.");
      setReload((n) => n + 1);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const publish = async () => {
    setBusy(true);
    setError(null);
    setStatus("");
    try {
      const res = await request<{ versie: number }>(`${pvePath(id)}/versies`, { method: "POST" });
      setStatus(`Gepubliceerd als versie ${res.versie}. Deze versie verandert niet meer.`);
      setReload((n) => n + 1);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <BreadcrumbNav label="Kruimelpad">
        <BreadcrumbNavLink href="/kwaliteit/programmas" onClick={routeClick}>
          Programma's van eisen
        </BreadcrumbNavLink>
        <BreadcrumbNavLink href={`/kwaliteit/programmas/${id}`} current onClick={routeClick}>
          {data.concept.titel}
        </BreadcrumbNavLink>
      </BreadcrumbNav>
      <PageHeading title={`Programma van eisen: ${data.concept.titel}`}>Programma van eisen: {data.concept.titel}</PageHeading>
      <div className="kader-composer">
        <form onSubmit={save} className="kader-form" aria-labelledby="concept-h" noValidate>
          <Heading level={2} id="concept-h">
            Concept
          </Heading>
          <FormField label={<FormLabel htmlFor="c-titel">Titel</FormLabel>} input={<Textbox id="c-titel" value={concept.titel} maxLength={200} disabled={!editable} onChange={(e) => update({ titel: e.target.value })} />} />
          <FormField
            label={<FormLabel htmlFor="c-toelichting">Toelichting</FormLabel>}
            input={<Textarea id="c-toelichting" value={concept.toelichting ?? ""} disabled={!editable} onChange={(e) => update({ toelichting: e.target.value || null })} />}
          />
          <Fieldset>
            <FieldsetLegend>Inkoopsegmenten</FieldsetLegend>
            <div className="kader-checkbox-grid">
              {(segments.state === "ok" ? segments.data.items : []).map((s) => (
                <FormLabel key={s.id} htmlFor={`c-seg-${s.id}`} type="checkbox">
                  <Checkbox
                    id={`c-seg-${s.id}`}
                    disabled={!editable}
                    checked={concept.segmenten.includes(s.id)}
                    onChange={(e) => update({ segmenten: e.target.checked ? [...concept.segmenten, s.id] : concept.segmenten.filter((x) => x !== s.id) })}
                  />{" "}
                  {s.wet === "wmo" ? "Wmo" : "Jeugdhulp"} {s.label} {s.wet === "wmo" ? "" : s.naam}
                </FormLabel>
              ))}
            </div>
          </Fieldset>
          <FormField
            label={<FormLabel htmlFor="c-producten">Producten (product-id's uit de catalogus, één per regel)</FormLabel>}
            description={
              <span id="c-producten-hint">
                Bijvoorbeeld 000-begeleiding-dagbesteding.wmo.02A03; zoek ze op bij <RouterLink href="/producten">Producten zoeken</RouterLink>
              </span>
            }
            input={<Textarea id="c-producten" aria-describedby="c-producten-hint" value={producten} disabled={!editable} onChange={(e) => setProducten(e.target.value)} />}
          />
          <Fieldset>
            <FieldsetLegend>Onderdelen</FieldsetLegend>
            {concept.onderdelen.length === 0 ? <Paragraph>Nog geen onderdelen.</Paragraph> : null}
            <OrderedList data-testid="onderdelen">
              {concept.onderdelen.map((o, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional in the draft
                <OrderedListItem key={i}>
                  {describe(o, fw)}{" "}
                  {editable ? (
                    <Button appearance="subtle-button" onClick={() => update({ onderdelen: concept.onderdelen.filter((_, j) => j !== i) })}>
                      Verwijderen<span className="kader-visually-hidden">: {describe(o, fw)}</span>
                    </Button>
                  ) : null}
                </OrderedListItem>
              ))}
            </OrderedList>
            {editable ? (
              <>
                <FormLabel htmlFor="c-module" type="checkbox">
                  <Checkbox
                    id="c-module"
                    checked={hasModule}
                    onChange={(e) =>
                      update({ onderdelen: e.target.checked ? [{ soort: "algemene-eisen-004", zonder: [] }, ...concept.onderdelen] : concept.onderdelen.filter((o) => o.soort !== "algemene-eisen-004") })
                    }
                  />{" "}
                  Algemene eisen (VOG, registratie, certificaat, klanttevredenheid, social return, meldcode, klachtenregeling …) uit document 004
                </FormLabel>
                <div className="kader-filters">
                  <FormField
                    label={<FormLabel htmlFor="c-kader">Heel kwaliteitskader</FormLabel>}
                    input={
                      <Select id="c-kader" value={kader} onChange={(e) => setKader(e.target.value)}>
                        <SelectOption value="">Kies een kader</SelectOption>
                        {fw.map((f) => (
                          <SelectOption key={f.nr} value={String(f.nr)}>
                            {`${f.nr}. ${f.titel}${f.waarschuwing ? " (vervallen)" : ""}`}
                          </SelectOption>
                        ))}
                      </Select>
                    }
                  />
                  <Button appearance="secondary-action-button" disabled={!kader} onClick={() => { add({ soort: "kader", kader: Number(kader), afwijkingen: [] }); setKader(""); }}>
                    Kader toevoegen
                  </Button>
                </div>
                {lapsed?.waarschuwing ? <KwaliteitWaarschuwing>{lapsed.waarschuwing}</KwaliteitWaarschuwing> : null}
                <div className="kader-filters">
                  <FormField
                    label={<FormLabel htmlFor="c-crit-kader">Criterium uit kader</FormLabel>}
                    input={
                      <Select id="c-crit-kader" value={critKader} onChange={(e) => setCritKader(e.target.value)}>
                        <SelectOption value="">Kies een kader</SelectOption>
                        {fw.map((f) => (
                          <SelectOption key={f.nr} value={String(f.nr)}>
                            {`${f.nr}. ${f.titel}`}
                          </SelectOption>
                        ))}
                      </Select>
                    }
                  />
                  <FormField label={<FormLabel htmlFor="c-crit-id">Criterium-id (bv. o03)</FormLabel>} input={<Textbox id="c-crit-id" value={critId} maxLength={6} onChange={(e) => setCritId(e.target.value.trim())} />} />
                  <Button appearance="secondary-action-button" disabled={!critKader || !critId} onClick={() => { add({ soort: "criterium", kader: Number(critKader), criterium: critId }); setCritId(""); }}>
                    Criterium toevoegen
                  </Button>
                </div>
                <div className="kader-filters">
                  <FormField label={<FormLabel htmlFor="c-eigen-titel">Eigen eis: titel</FormLabel>} input={<Textbox id="c-eigen-titel" value={eigenTitel} maxLength={200} onChange={(e) => setEigenTitel(e.target.value)} />} />
                  <FormField label={<FormLabel htmlFor="c-eigen-tekst">Eigen eis: tekst</FormLabel>} input={<Textbox id="c-eigen-tekst" value={eigenTekst} maxLength={5000} onChange={(e) => setEigenTekst(e.target.value)} />} />
                  <Button
                    appearance="secondary-action-button"
                    disabled={!eigenTitel || !eigenTekst}
                    onClick={() => {
                      add({ soort: "eigen", titel: eigenTitel, tekst: eigenTekst, toetsbaar: null, frequentieMaanden: null });
                      setEigenTitel("");
                      setEigenTekst("");
                    }}
                  >
                    Eigen eis toevoegen
                  </Button>
                </div>
              </>
            ) : null}
          </Fieldset>
          {editable ? (
            <div className="kader-actions">
              <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
                Concept opslaan
              </Button>
              <Button appearance="secondary-action-button" busy={busy} disabled={busy || !data.voorbeeld} onClick={publish}>
                Publiceren als nieuwe versie
              </Button>
            </div>
          ) : null}
          <div role="status" data-testid="composer-status">
            {status}
          </div>
          {error ? <ProblemAlert error={error} heading="Niet gelukt" /> : null}
        </form>
        <section aria-labelledby="preview-h" className="kader-section">
          <Heading level={2} id="preview-h">
            Voorbeeld (opgeslagen concept)
          </Heading>
          <Paragraph>
            <a href={`${API}${pvePath(id)}/concept?format=html`} target="_blank" rel="noopener">
              Voorbeeld als HTML<span className="kader-visually-hidden"> (opent in nieuw venster)</span>
            </a>{" "}
            ·{" "}
            <a href={`${API}${pvePath(id)}/concept?format=docx`} download>
              Voorbeeld als Word
            </a>
          </Paragraph>
          {data.voorbeeld ? (
            <Preview doc={data.voorbeeld} />
          ) : (
            <Alert type="error">
              <Paragraph>
                <strong>Dit concept kan nog niet worden gepubliceerd:</strong>
              </Paragraph>
              <UnorderedList>
                {(data.problemen ?? []).map((p) => (
                  <UnorderedListItem key={`${p.path}${p.detail}`}>
                    {p.path ? <span className="kader-code">{p.path}</span> : null}: {p.detail}
                  </UnorderedListItem>
                ))}
              </UnorderedList>
            </Alert>
          )}
        </section>
        <section aria-labelledby="versions-h" className="kader-section">
          <Heading level={2} id="versions-h">
            Gepubliceerde versies
          </Heading>
          <Versions id={id} versies={data.versies} onInvited={() => setReload((n) => n + 1)} />
        </section>
      </div>
    </>
  );
}
