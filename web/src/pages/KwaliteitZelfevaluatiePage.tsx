import {
  Alert,
  BreadcrumbNav,
  BreadcrumbNavLink,
  Button,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormLabel,
  Heading,
  Paragraph,
  RadioButton,
  Textarea,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import { KwaliteitWaarschuwing, VraagStatusBadge } from "../components/KwaliteitBits.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { SubmitButton } from "../components/SubmitButton.tsx";
import { TextField } from "../components/TextField.tsx";
import { UploadField } from "../components/UploadField.tsx";
import { useAction } from "../lib/action.ts";
import { API, request, useApi } from "../lib/api.ts";
import { useAuth } from "../lib/auth.tsx";
import { formatDate } from "../lib/labels.ts";
import { type AssessmentView, assessmentPath, checkableText, type PveEis, uploadEvidence, type VraagView } from "../lib/quality.ts";
import { routeClick } from "../lib/router.tsx";

const oordelen = [
  ["akkoord", "Akkoord"],
  ["aanvullen", "Aanvullen"],
  ["niet-akkoord", "Niet akkoord"],
] as const;

function AnswerForm({ base, v, onSaved }: { base: { id: string; versie: number; agb: string }; v: VraagView; onSaved: () => void }) {
  const [toelichting, setToelichting] = useState(v.antwoord?.toelichting ?? "");
  const [van, setVan] = useState(v.antwoord?.geldigVan ?? "");
  const [tot, setTot] = useState(v.antwoord?.geldigTot ?? "");
  const [file, setFile] = useState<File | null>(null);
  const [msg, setMsg] = useState("");
  const save = useAction();
  const idp = `a-${v.key.replace(/[^a-z0-9]/gi, "-")}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMsg("");
    void save.run(async () => {
      await request(`${assessmentPath(base.id, base.versie, base.agb)}/vragen/${encodeURIComponent(v.key)}`, {
        method: "PUT",
        body: { toelichting, geldigVan: van || null, geldigTot: tot || null },
      });
      if (file) await uploadEvidence(base.id, base.versie, base.agb, v.key, file);
      setMsg(file ? "Antwoord en bewijsstuk opgeslagen." : "Antwoord opgeslagen.");
      setFile(null);
      onSaved();
    });
  };
  return (
    <form onSubmit={submit} className="kader-form" aria-label={`Antwoord: ${v.titel}`} noValidate>
      {v.voorinvulling ? (
        <Alert type={v.voorinvulling.voldoet === false ? "warning" : "info"}>
          <Paragraph>
            <strong>Wat Kader al weet:</strong> {v.voorinvulling.toelichting}
          </Paragraph>
          <Button
            appearance="subtle-button"
            onClick={() => {
              setToelichting(v.voorinvulling!.toelichting);
              setVan(v.voorinvulling!.geldigVan ?? "");
              setTot(v.voorinvulling!.geldigTot ?? "");
            }}
          >
            Overnemen in het antwoord<span className="kader-visually-hidden">: {v.titel}</span>
          </Button>
        </Alert>
      ) : null}
      <FormField
        label={<FormLabel htmlFor={`${idp}-t`}>Toelichting</FormLabel>}
        input={<Textarea id={`${idp}-t`} value={toelichting} maxLength={10000} onChange={(e) => setToelichting(e.target.value)} />}
      />
      <div className="kader-filters">
        <TextField id={`${idp}-van`} label="Geldig van" type="date" value={van} onChange={setVan} />
        <TextField id={`${idp}-tot`} label="Geldig tot" type="date" value={tot} onChange={setTot} />
        <UploadField
          id={`${idp}-f`}
          label="Bewijsstuk (PDF, PNG of JPEG, hoogstens 5 MB)"
          accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
          required={false}
          onFile={setFile}
        />
      </div>
      <SubmitButton busy={save.busy}>
        Antwoord opslaan<span className="kader-visually-hidden">: {v.titel}</span>
      </SubmitButton>
      <div role="status">{msg}</div>
      {save.error ? <ProblemAlert error={save.error} heading="Opslaan mislukt" /> : null}
    </form>
  );
}

function ReviewForm({ base, v, onSaved }: { base: { id: string; versie: number; agb: string }; v: VraagView; onSaved: () => void }) {
  const [oordeel, setOordeel] = useState<string>("");
  const [opmerking, setOpmerking] = useState("");
  const [msg, setMsg] = useState("");
  const save = useAction();
  const idp = `r-${v.key.replace(/[^a-z0-9]/gi, "-")}`;
  if (!v.antwoord) return <Paragraph className="kader-muted">Nog niet beantwoord: er is niets te beoordelen.</Paragraph>;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMsg("");
    void save.run(async () => {
      await request(`${assessmentPath(base.id, base.versie, base.agb)}/vragen/${encodeURIComponent(v.key)}/beoordeling`, {
        method: "POST",
        body: { oordeel, opmerking },
      });
      setMsg("Beoordeling opgeslagen.");
      setOpmerking("");
      onSaved();
    });
  };
  return (
    <form onSubmit={submit} className="kader-form" noValidate aria-label={`Beoordeling: ${v.titel}`}>
      <Fieldset>
        <FieldsetLegend>Oordeel</FieldsetLegend>
        {oordelen.map(([value, label]) => (
          <FormLabel key={value} htmlFor={`${idp}-${value}`} type="radio" className="kader-radio">
            <RadioButton id={`${idp}-${value}`} name={`${idp}-oordeel`} value={value} checked={oordeel === value} onChange={() => setOordeel(value)} /> {label}
          </FormLabel>
        ))}
      </Fieldset>
      <FormField
        label={<FormLabel htmlFor={`${idp}-o`}>Opmerking voor de aanbieder</FormLabel>}
        description={<span id={`${idp}-o-hint`}>Verplicht bij aanvullen en niet akkoord</span>}
        input={
          <Textarea id={`${idp}-o`} aria-describedby={`${idp}-o-hint`} value={opmerking} maxLength={5000} onChange={(e) => setOpmerking(e.target.value)} />
        }
      />
      <Button type="submit" appearance="primary-action-button" disabled={!oordeel}>
        Beoordeling opslaan<span className="kader-visually-hidden">: {v.titel}</span>
      </Button>
      <div role="status">{msg}</div>
      {save.error ? <ProblemAlert error={save.error} heading="Beoordelen mislukt" /> : null}
    </form>
  );
}

function History({ v }: { v: VraagView }) {
  if (!v.geschiedenis.length) return null;
  const words = { antwoord: "antwoord", bestand: "bewijsstuk", beoordeling: "beoordeling" } as const;
  return (
    <details className="kader-details">
      <summary>Geschiedenis ({v.geschiedenis.length})</summary>
      <UnorderedList>
        {v.geschiedenis.map((h, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the history is append-only and never reorders
          <UnorderedListItem key={i}>
            {h.at.slice(0, 16).replace("T", " ")} · {h.username} · {words[h.soort]}
            {h.soort === "beoordeling"
              ? `: ${String(h.data.oordeel)}${h.data.opmerking ? ` — ${String(h.data.opmerking)}` : ""}`
              : h.soort === "bestand"
                ? `: ${String(h.data.naam)}`
                : ""}
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </details>
  );
}

/** One aanbieder's self-assessment of a published version: the aanbieder answers, the gemeente reviews. */
export function KwaliteitZelfevaluatiePage({ id, versie, agb }: { id: string; versie: string; agb: string }) {
  const auth = useAuth();
  const [reload, setReload] = useState(0);
  const path = assessmentPath(id, Number(versie), agb);
  const r = useApi<AssessmentView>(auth.status === "signed-in" ? path : null, { cached: false, reload });
  const heading = <PageHeading title="Zelfevaluatie">Zelfevaluatie</PageHeading>;
  if (auth.status === "unknown") return <Loading what="Aanmelding" />;
  if (auth.status !== "signed-in")
    return (
      <>
        {heading}
        <Alert type="info">
          <Paragraph>Log in om de zelfevaluatie te zien.</Paragraph>
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
  if (r.state === "loading" && !r.previous) return <Loading what="Zelfevaluatie" />;
  const a = r.state === "ok" ? r.data : r.previous!;
  const t = auth.user?.tenant;
  const isProvider = t?.kind === "aanbieder" && t.agbCode === agb;
  const isReviewer = auth.user?.role === "contractmanager" && t?.kind === "gemeente" && t.gemeentecode === a.pve.gemeentecode;
  const eisByNr = new Map(a.document.eisen.map((e) => [e.nr, e]));
  const base = { id, versie: Number(versie), agb };
  const done = () => setReload((n) => n + 1);
  const title = `Zelfevaluatie ${a.aanbieder.naam ?? `AGB ${agb}`}: ${a.pve.titel} (versie ${a.pve.versie})`;
  return (
    <>
      <BreadcrumbNav label="Kruimelpad">
        <BreadcrumbNavLink href="/kwaliteit/programmas" onClick={routeClick}>
          Programma's van eisen
        </BreadcrumbNavLink>
        {isReviewer ? (
          <BreadcrumbNavLink href={`/kwaliteit/programmas/${id}/versies/${versie}`} onClick={routeClick}>
            Versie {versie}
          </BreadcrumbNavLink>
        ) : null}
        <BreadcrumbNavLink href={`/kwaliteit/programmas/${id}/versies/${versie}/aanbieders/${agb}`} current onClick={routeClick}>
          {a.aanbieder.naam ?? agb}
        </BreadcrumbNavLink>
      </BreadcrumbNav>
      <PageHeading title={title}>{title}</PageHeading>
      <Paragraph data-testid="telling">
        {a.vragen.length} vragen: {a.telling.akkoord} akkoord, {a.telling.ingediend} wachten op beoordeling, {a.telling.aanvullen} aanvullen,{" "}
        {a.telling["niet-akkoord"]} niet akkoord, {a.telling.open} nog niet beantwoord.
      </Paragraph>
      {a.herinneringen.length ? (
        <Alert type="warning">
          <Paragraph>
            <strong>Herinneringen</strong>
          </Paragraph>
          <UnorderedList>
            {a.herinneringen.map((h) => (
              <UnorderedListItem key={`${h.vraag}${h.soort}`}>
                {h.titel}: {h.tekst}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </Alert>
      ) : null}
      {a.vragen.map((v, i) => (
        <section key={v.key} className="kader-section kader-vraag" aria-labelledby={`vraag-${i}`} data-testid={`vraag-${v.key}`}>
          <Heading level={2} id={`vraag-${i}`}>
            Vraag {i + 1}. {v.titel}
          </Heading>
          <Paragraph>
            <VraagStatusBadge status={v.status} />{" "}
            <span className="kader-muted">
              {checkableText(v.toetsbaar)}
              {v.frequentieMaanden ? ` · elke ${v.frequentieMaanden} maanden` : ""}
            </span>
          </Paragraph>
          <UnorderedList>
            {v.eisen.map((nr) => {
              const e = eisByNr.get(nr) as PveEis;
              return (
                <UnorderedListItem key={nr}>
                  Eis {nr}. {e.tekst} <span className="kader-muted">({e.bron.label})</span>
                </UnorderedListItem>
              );
            })}
          </UnorderedList>
          {v.eisen
            .map((nr) => eisByNr.get(nr)?.waarschuwing)
            .filter((w): w is string => !!w)
            .slice(0, 1)
            .map((w) => (
              <KwaliteitWaarschuwing key={w}>{w}</KwaliteitWaarschuwing>
            ))}
          {v.antwoord ? (
            <div className="kader-answer">
              <Paragraph>
                <strong>Antwoord</strong> ({formatDate((v.antwoord.beantwoordOp ?? "").slice(0, 10))}): {v.antwoord.toelichting || "—"}
                {v.antwoord.geldigTot ? ` Geldig tot ${formatDate(v.antwoord.geldigTot)}.` : ""}
              </Paragraph>
              {v.antwoord.opmerking ? (
                <Paragraph>
                  <strong>Opmerking van de gemeente:</strong> {v.antwoord.opmerking}
                </Paragraph>
              ) : null}
            </div>
          ) : null}
          {v.bestanden.length ? (
            <UnorderedList aria-label={`Bewijsstukken bij vraag ${i + 1}`}>
              {v.bestanden.map((f) => (
                <UnorderedListItem key={f.id}>
                  <a href={`${API}${path}/bestanden/${f.id}`} download={f.naam}>
                    {f.naam}
                  </a>{" "}
                  <span className="kader-muted">({Math.ceil(f.grootte / 1024)} kB)</span>
                </UnorderedListItem>
              ))}
            </UnorderedList>
          ) : null}
          {isProvider ? <AnswerForm base={base} v={v} onSaved={done} /> : null}
          {isReviewer ? <ReviewForm base={base} v={v} onSaved={done} /> : null}
          <History v={v} />
        </section>
      ))}
    </>
  );
}
