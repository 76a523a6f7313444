import {
  Alert,
  BreadcrumbNav,
  BreadcrumbNavLink,
  Button,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldErrorMessage,
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
import { KwaliteitStatus, KwaliteitWaarschuwing } from "../components/KwaliteitBits.tsx";
import { afwId, FrameworkParts } from "../components/KwaliteitComposerKaders.tsx";
import { CriterionPicker, ProductPicker, useCriterionTexts, useFocusLater } from "../components/KwaliteitComposerPickers.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { API, type ApiError, request, toApiError, useApi } from "../lib/api.ts";
import { useAuth } from "../lib/auth.tsx";
import { formatDate } from "../lib/labels.ts";
import {
  type Afwijking,
  canonicalJson,
  checkableText,
  type CriterionHit,
  type FrameworkItem,
  type PveConcept,
  type PveDocument,
  type PveOnderdeel,
  type PveRecord,
  type PveVersionInfo,
  pvePath,
  type Segment,
  segmentText,
} from "../lib/quality.ts";
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
      const r = await request<{ items: { agbCode: string }[] }>(`${pvePath(id)}/versies/${versie}/uitnodigingen`, {
        method: "POST",
        body: { agbCodes, gecontracteerd: contracted },
      });
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
          <Checkbox id="invite-contracted" checked={contracted} onChange={(e) => setContracted(e.target.checked)} /> Ook alle aanbieders die de gemeente
          contracteert
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

type SummaryItem = { id: string | null; text: string };

/** The element a problem's path (from the API or the preview) is about, so the error summary can link to it. */
function fieldOf(path: string | undefined, concept: PveConcept): string | null {
  if (!path) return null;
  if (path === "titel" || path === "toelichting") return `c-${path}`;
  if (path.startsWith("segmenten")) return "c-segmenten";
  if (path.startsWith("producten")) return "c-producten-h";
  const a = /^onderdelen\[(\d+)\]\.afwijkingen\[(\d+)\]\.(tekst|criterium)/.exec(path);
  if (a) return afwId(Number(a[1]), Number(a[2]), a[3] === "tekst" ? "tekst" : "crit");
  const o = /^onderdelen\[(\d+)\]/.exec(path);
  if (o) return concept.onderdelen[Number(o[1])]?.soort === "algemene-eisen-004" ? "c-module" : `c-part-${o[1]}`;
  return path.startsWith("onderdelen") ? "c-onderdelen-h" : null;
}

function focusField(id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  if (!el.matches("a, button, input, select, textarea, [tabindex]")) el.setAttribute("tabindex", "-1");
  el.focus();
  el.scrollIntoView?.({ block: "center" });
}

/** A list of what is wrong, each item a link that moves the focus to the field; focused when it appears. */
function ErrorSummary({ id, heading, items, focusOnShow }: { id: string; heading: string; items: SummaryItem[]; focusOnShow: number }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focusOnShow) ref.current?.focus();
  }, [focusOnShow]);
  if (!items.length) return null;
  return (
    <section id={id} ref={ref} tabIndex={-1} aria-labelledby={`${id}-h`} data-testid={id}>
      <Alert type="error">
        <Paragraph>
          <strong id={`${id}-h`}>{heading}</strong>
        </Paragraph>
        <UnorderedList>
          {items.map((x, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt as a whole
            <UnorderedListItem key={i}>
              {x.id ? (
                <a
                  href={`#${x.id}`}
                  onClick={(e) => {
                    e.preventDefault();
                    focusField(x.id!);
                  }}
                >
                  {x.text}
                </a>
              ) : (
                x.text
              )}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </Alert>
    </section>
  );
}

/** Checks the draft before it is sent: what the API would refuse, in words, per field. */
function validate(c: PveConcept): Record<string, string> {
  const e: Record<string, string> = {};
  if (!c.titel.trim()) e["c-titel"] = "Geef het programma van eisen een titel.";
  c.onderdelen.forEach((o, i) => {
    if (o.soort !== "kader") return;
    o.afwijkingen.forEach((a, j) => {
      if (!a.tekst.trim()) e[afwId(i, j, "tekst")] = `Beschrijf afwijking ${j + 1} van kader ${o.kader}, of verwijder haar.`;
      else if (a.tekst.length > 2000) e[afwId(i, j, "tekst")] = `Afwijking ${j + 1} van kader ${o.kader} is langer dan 2000 tekens.`;
    });
  });
  return e;
}

/** The composer: a draft with its parts, a live preview, publication as an immutable version, exports and invitations. */
export function KwaliteitComposerPage({ id }: { id: string }) {
  const auth = useAuth();
  const [reload, setReload] = useState(0);
  const r = useApi<PveRecord & { versies: PveVersionInfo[] }>(auth.status === "signed-in" ? pvePath(id) : null, { cached: false, reload });
  const frameworks = useApi<{ items: FrameworkItem[] }>("/kwaliteitskaders");
  const segments = useApi<{ items: Segment[] }>("/kwaliteitskaders/segmenten");
  const [concept, setConcept] = useState<PveConcept | null>(null);
  const [eigenTitel, setEigenTitel] = useState("");
  const [eigenTekst, setEigenTekst] = useState("");
  const [eigenErrors, setEigenErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState("");
  const [melding, setMelding] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [summaryShown, setSummaryShown] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const loadedFor = useRef<string | null>(null);
  const focusLater = useFocusLater();
  const critTexts = useCriterionTexts(concept ? concept.onderdelen.flatMap((o) => (o.soort === "criterium" ? [o.kader] : [])) : []);

  useEffect(() => {
    if (r.state !== "ok") return;
    if (loadedFor.current === `${r.data.id}:${r.data.updatedAt}`) return;
    loadedFor.current = `${r.data.id}:${r.data.updatedAt}`;
    setConcept(r.data.concept);
  }, [r]);

  const heading = <PageHeading title="Programma van eisen">Programma van eisen</PageHeading>;
  if (auth.status === "unknown") return <Loading what="Aanmelding" />;
  if (auth.status !== "signed-in")
    return (
      <>
        {heading}
        <Alert type="info">
          <Paragraph>
            <RouterLink href={`/inloggen?terug=/kwaliteit/programmas/${id}`}>Log in</RouterLink> als contractmanager.
          </Paragraph>
        </Alert>
      </>
    );
  if (r.state === "error")
    return (
      <>
        {heading}
        <ProblemAlert error={r.error} />
      </>
    );
  if (r.state === "loading" && !r.previous) return <Loading what="Programma van eisen" />;
  const data = r.state === "ok" ? r.data : r.previous!;
  if (!concept) return <Loading what="Programma van eisen" />;
  const fw = frameworks.state === "ok" ? frameworks.data.items : [];
  const segs = segments.state === "ok" ? segments.data.items : [];
  const editable = auth.user?.role === "contractmanager";
  const hasModule = concept.onderdelen.some((o) => o.soort === "algemene-eisen-004");
  const dirty = canonicalJson(concept) !== canonicalJson(data.concept);
  const update = (c: Partial<PveConcept>) => setConcept({ ...concept, ...c });
  const add = (o: PveOnderdeel) => update({ onderdelen: [...concept.onderdelen, o] });
  const removePart = (i: number, focusTo: string) => {
    update({ onderdelen: concept.onderdelen.filter((_, j) => j !== i) });
    setMelding(`${describe(concept.onderdelen[i]!, fw)} verwijderd.`);
    focusLater(focusTo);
  };
  const indexed = concept.onderdelen.map((o, index) => ({ o, index }));
  const kaderParts = indexed.flatMap(({ o, index }) => (o.soort === "kader" ? [{ index, kader: o.kader, afwijkingen: o.afwijkingen }] : []));
  const critParts = indexed.flatMap(({ o, index }) => (o.soort === "criterium" ? [{ index, o }] : []));
  const eigenParts = indexed.flatMap(({ o, index }) => (o.soort === "eigen" ? [{ index, o }] : []));
  const algemeenParts = indexed.flatMap(({ o, index }) => (o.soort === "algemeen" ? [{ index, o }] : []));
  const hasCriterion = (kader: number, criterium: string) =>
    concept.onderdelen.some((o) => o.soort === "criterium" && o.kader === kader && o.criterium === criterium);
  const errs = { ...fieldErrors, ...eigenErrors };

  const showErrors = (found: Record<string, string>, extra: SummaryItem[] = []) => {
    setFieldErrors(found);
    setSummary([...Object.entries(found).map(([fid, text]) => ({ id: fid, text })), ...extra]);
    setSummaryShown((n) => n + 1);
  };

  const addCriterion = (h: CriterionHit) => {
    add({ soort: "criterium", kader: h.kader, criterium: h.criterium });
    const f = fw.find((x) => x.nr === h.kader);
    const warning = h.vervallen ? (f?.waarschuwing ?? `Kader ${h.kader} is vervallen.`) : null;
    setMelding(`Criterium ${h.criterium} van kader ${h.kader} toegevoegd.${warning ? ` Let op: ${warning}` : ""}`);
  };
  const addEigen = () => {
    const e: Record<string, string> = {};
    if (!eigenTitel.trim()) e["c-eigen-titel"] = "Geef de eigen eis een titel.";
    if (!eigenTekst.trim()) e["c-eigen-tekst"] = "Beschrijf de eigen eis.";
    setEigenErrors(e);
    const first = Object.keys(e)[0];
    if (first) {
      focusField(first);
      return;
    }
    add({ soort: "eigen", titel: eigenTitel.trim(), tekst: eigenTekst.trim(), toetsbaar: null, frequentieMaanden: null });
    setMelding(`Eigen eis "${eigenTitel.trim()}" toegevoegd.`);
    setEigenTitel("");
    setEigenTekst("");
    focusField("c-eigen-titel");
  };

  const save = async (e?: FormEvent) => {
    e?.preventDefault();
    setError(null);
    setStatus("");
    const found = validate(concept);
    if (Object.keys(found).length) {
      showErrors(found);
      return;
    }
    setFieldErrors({});
    setSummary([]);
    setBusy(true);
    try {
      await request(pvePath(id), { method: "PUT", body: concept });
      setStatus("Concept opgeslagen; het voorbeeld is bijgewerkt.");
      setReload((n) => n + 1);
    } catch (err) {
      const apiError = toApiError(err);
      const problems = apiError.problem.problems ?? [];
      if (apiError.status === 400 && problems.length) {
        const byField: Record<string, string> = {};
        const rest: SummaryItem[] = [];
        for (const p of problems) {
          const fid = fieldOf(p.path, concept);
          if (fid?.startsWith("c-afw-")) byField[fid] = p.detail;
          else rest.push({ id: fid, text: `${p.path ? `${p.path}: ` : ""}${p.detail}` });
        }
        showErrors(byField, rest);
      } else setError(apiError);
    } finally {
      setBusy(false);
    }
  };
  const publish = async () => {
    setError(null);
    setStatus("");
    if (dirty) {
      showErrors({}, [
        { id: "c-opslaan", text: "Er zijn wijzigingen die nog niet zijn opgeslagen: sla het concept eerst op; gepubliceerd wordt het opgeslagen concept." },
      ]);
      return;
    }
    setBusy(true);
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

  const eigenField = (fid: "c-eigen-titel" | "c-eigen-tekst", label: string, value: string, set: (s: string) => void, max: number) => {
    const err = eigenErrors[fid];
    const props = {
      id: fid,
      value,
      maxLength: max,
      invalid: !!err,
      "aria-describedby": err ? `${fid}-error` : undefined,
      onChange: (e: { target: { value: string } }) => set(e.target.value),
    };
    return (
      <FormField
        invalid={!!err}
        label={<FormLabel htmlFor={fid}>{label}</FormLabel>}
        errorMessage={err ? <FormFieldErrorMessage id={`${fid}-error`}>{err}</FormFieldErrorMessage> : undefined}
        input={fid === "c-eigen-titel" ? <Textbox {...props} /> : <Textarea {...props} />}
      />
    );
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
          <ErrorSummary id="c-fouten" heading="Het concept kan zo niet worden opgeslagen" items={summary} focusOnShow={summaryShown} />
          <FormField
            invalid={!!errs["c-titel"]}
            label={<FormLabel htmlFor="c-titel">Titel</FormLabel>}
            errorMessage={errs["c-titel"] ? <FormFieldErrorMessage id="c-titel-error">{errs["c-titel"]}</FormFieldErrorMessage> : undefined}
            input={
              <Textbox
                id="c-titel"
                value={concept.titel}
                maxLength={200}
                disabled={!editable}
                invalid={!!errs["c-titel"]}
                aria-describedby={errs["c-titel"] ? "c-titel-error" : undefined}
                onChange={(e) => update({ titel: e.target.value })}
              />
            }
          />
          <FormField
            label={<FormLabel htmlFor="c-toelichting">Toelichting</FormLabel>}
            input={
              <Textarea
                id="c-toelichting"
                value={concept.toelichting ?? ""}
                maxLength={5000}
                disabled={!editable}
                onChange={(e) => update({ toelichting: e.target.value || null })}
              />
            }
          />

          <Fieldset className="kader-fieldset kader-section" id="c-segmenten">
            <FieldsetLegend>Inkoopsegmenten</FieldsetLegend>
            <Paragraph className="kader-muted">De gekozen segmenten staan voorgeselecteerd bij het zoeken naar criteria.</Paragraph>
            <div className="kader-checkbox-grid">
              {segs.map((s) => (
                <FormLabel key={s.id} htmlFor={`c-seg-${s.id}`} type="checkbox">
                  <Checkbox
                    id={`c-seg-${s.id}`}
                    disabled={!editable}
                    checked={concept.segmenten.includes(s.id)}
                    onChange={(e) => update({ segmenten: e.target.checked ? [...concept.segmenten, s.id] : concept.segmenten.filter((x) => x !== s.id) })}
                  />{" "}
                  {segmentText(s)}
                </FormLabel>
              ))}
            </div>
          </Fieldset>

          <Fieldset className="kader-fieldset kader-section">
            <FieldsetLegend>Producten</FieldsetLegend>
            <Paragraph className="kader-muted">De producten uit de catalogus waarvoor dit programma van eisen geldt.</Paragraph>
            <ProductPicker
              chosen={concept.producten}
              editable={editable}
              onChange={(ids) => {
                const added = ids.find((x) => !concept.producten.includes(x));
                update({ producten: ids });
                setMelding(added ? "Product toegevoegd aan het programma van eisen." : "Product verwijderd.");
              }}
            />
          </Fieldset>

          <Heading level={3} id="c-onderdelen-h" className="kader-section">
            Eisen
          </Heading>
          <Paragraph>
            {concept.onderdelen.length === 0
              ? "Nog geen eisen opgenomen."
              : `${concept.onderdelen.length} ${concept.onderdelen.length === 1 ? "onderdeel" : "onderdelen"} opgenomen.`}
          </Paragraph>

          <Fieldset className="kader-fieldset kader-section">
            <FieldsetLegend>Algemene eisen (document 004)</FieldsetLegend>
            <FormLabel htmlFor="c-module" type="checkbox">
              <Checkbox
                id="c-module"
                disabled={!editable}
                checked={hasModule}
                onChange={(e) =>
                  update({
                    onderdelen: e.target.checked
                      ? [{ soort: "algemene-eisen-004", zonder: [] }, ...concept.onderdelen]
                      : concept.onderdelen.filter((o) => o.soort !== "algemene-eisen-004"),
                  })
                }
              />{" "}
              Algemene eisen (VOG, registratie, certificaat, klanttevredenheid, social return, meldcode, klachtenregeling …) uit document 004
            </FormLabel>
            {algemeenParts.length ? (
              <ul className="kader-picked">
                {algemeenParts.map(({ o, index }) => (
                  <li key={index} id={`c-part-${index}`}>
                    <span>{describe(o, fw)}</span>
                    {editable ? (
                      <Button appearance="subtle-button" aria-label={`Verwijderen: ${describe(o, fw)}`} onClick={() => removePart(index, "c-module")}>
                        Verwijderen
                      </Button>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </Fieldset>

          <Fieldset className="kader-fieldset kader-section">
            <FieldsetLegend>Hele kwaliteitskaders, met afwijkingen</FieldsetLegend>
            <FrameworkParts
              parts={kaderParts}
              frameworks={fw}
              editable={editable}
              errors={errs}
              focusLater={focusLater}
              onAdd={(nr) => {
                add({ soort: "kader", kader: nr, afwijkingen: [] });
                const f = fw.find((x) => x.nr === nr);
                setMelding(`Kader ${nr} toegevoegd.${f?.waarschuwing ? ` Let op: ${f.waarschuwing}` : ""}`);
                focusLater(`c-kader-${concept.onderdelen.length}-add`);
              }}
              onChange={(index, afwijkingen: Afwijking[]) =>
                update({ onderdelen: concept.onderdelen.map((o, j) => (j === index && o.soort === "kader" ? { ...o, afwijkingen } : o)) })
              }
              onRemove={(index) => removePart(index, "c-kader")}
            />
          </Fieldset>

          <Fieldset className="kader-fieldset kader-section">
            <FieldsetLegend>Losse criteria</FieldsetLegend>
            {critParts.length === 0 ? (
              <Paragraph>Nog geen losse criteria opgenomen.</Paragraph>
            ) : (
              <ul className="kader-picked" aria-label="Opgenomen criteria" data-testid="gekozen-criteria">
                {critParts.map(({ o, index }) => {
                  const f = fw.find((x) => x.nr === o.kader);
                  return (
                    <li key={index} id={`c-part-${index}`}>
                      <span>
                        <span className="kader-code">{o.criterium}</span> {critTexts[o.kader]?.[o.criterium] ?? ""}{" "}
                        <span className="kader-muted">
                          (kader {o.kader}: {f?.titel ?? "onbekend"})
                        </span>{" "}
                        {f && f.status !== "in-force" ? <KwaliteitStatus status={f.status} /> : null}
                      </span>
                      {editable ? (
                        <Button
                          appearance="subtle-button"
                          aria-label={`Verwijderen: criterium ${o.criterium} van kader ${o.kader}`}
                          onClick={() => removePart(index, "c-crit-q")}
                        >
                          Verwijderen
                        </Button>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            )}
            {[...new Set(critParts.map(({ o }) => o.kader))].map((nr) => {
              const w = fw.find((x) => x.nr === nr)?.waarschuwing;
              return w ? <KwaliteitWaarschuwing key={nr}>{w}</KwaliteitWaarschuwing> : null;
            })}
            {editable ? <CriterionPicker segments={segs} frameworks={fw} chosenSegments={concept.segmenten} has={hasCriterion} onAdd={addCriterion} /> : null}
          </Fieldset>

          <Fieldset className="kader-fieldset kader-section">
            <FieldsetLegend>Aanvullende eisen van de gemeente</FieldsetLegend>
            {eigenParts.length === 0 ? (
              <Paragraph>Nog geen eigen eisen.</Paragraph>
            ) : (
              <ul className="kader-picked" aria-label="Eigen eisen">
                {eigenParts.map(({ o, index }) => (
                  <li key={index} id={`c-part-${index}`}>
                    <span>
                      <strong>{o.titel}</strong> — {o.tekst}
                    </span>
                    {editable ? (
                      <Button appearance="subtle-button" aria-label={`Verwijderen: eigen eis ${o.titel}`} onClick={() => removePart(index, "c-eigen-titel")}>
                        Verwijderen
                      </Button>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            {editable ? (
              <>
                {eigenField("c-eigen-titel", "Eigen eis: titel", eigenTitel, setEigenTitel, 200)}
                {eigenField("c-eigen-tekst", "Eigen eis: tekst", eigenTekst, setEigenTekst, 5000)}
                <Button appearance="secondary-action-button" onClick={addEigen}>
                  Eigen eis toevoegen
                </Button>
              </>
            ) : null}
          </Fieldset>

          <div role="status" className="kader-visually-hidden" data-testid="composer-melding">
            {melding}
          </div>
          {editable ? (
            <div className="kader-actions kader-section">
              <Button id="c-opslaan" type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
                Concept opslaan
              </Button>
              <Button appearance="secondary-action-button" busy={busy} disabled={busy || !data.voorbeeld} onClick={publish}>
                Publiceren als nieuwe versie
              </Button>
              {dirty ? <Paragraph className="kader-muted">Er zijn wijzigingen die nog niet zijn opgeslagen.</Paragraph> : null}
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
            <ErrorSummary
              id="c-problemen"
              heading="Dit concept kan nog niet worden gepubliceerd:"
              items={(data.problemen ?? []).map((p) => ({ id: fieldOf(p.path, data.concept), text: `${p.path ? `${p.path}: ` : ""}${p.detail}` }))}
              focusOnShow={0}
            />
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
