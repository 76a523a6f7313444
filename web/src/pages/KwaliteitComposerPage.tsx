import { BreadcrumbNav, BreadcrumbNavLink, Button, Fieldset, FieldsetLegend, Heading, Paragraph } from "@utrecht/component-library-react";
import { useEffect, useRef, useState } from "react";
import { ConceptBasics } from "../components/composer/ConceptBasics.tsx";
import { CriterionParts } from "../components/composer/CriterionParts.tsx";
import { type Draft, describe } from "../components/composer/concept.ts";
import { ErrorSummary } from "../components/composer/ErrorSummary.tsx";
import { FrameworkParts } from "../components/composer/FrameworkParts.tsx";
import { GeneralRequirements } from "../components/composer/GeneralRequirements.tsx";
import { useFocusLater } from "../components/composer/hooks.ts";
import { OwnRequirements } from "../components/composer/OwnRequirements.tsx";
import { PreviewSection } from "../components/composer/Preview.tsx";
import { useConceptSave } from "../components/composer/useConceptSave.ts";
import { Versions } from "../components/composer/Versions.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { SignInGate, SignInLink } from "../components/SignInGate.tsx";
import { SubmitButton } from "../components/SubmitButton.tsx";
import { useApi } from "../lib/api.ts";
import { useAuth } from "../lib/auth.tsx";
import {
  type Afwijking,
  canonicalJson,
  type FrameworkItem,
  type PveConcept,
  type PveRecord,
  type PveVersionInfo,
  pvePath,
  type Segment,
} from "../lib/quality.ts";
import { routeClick } from "../lib/router.tsx";

type Loaded = PveRecord & { versies: PveVersionInfo[] };

const heading = <PageHeading title="Programma van eisen">Programma van eisen</PageHeading>;

/** The composer: a draft with its parts, a live preview, publication as an immutable version, exports and invitations. */
export function KwaliteitComposerPage({ id }: { id: string }) {
  const auth = useAuth();
  return (
    <>
      {auth.status === "signed-out" ? heading : null}
      <SignInGate
        loading="Aanmelding"
        signedOut={
          <>
            <SignInLink /> als contractmanager.
          </>
        }
      >
        <ComposerLoader id={id} />
      </SignInGate>
    </>
  );
}

/** Loads the draft (and the frameworks and segments it refers to); a new saved version replaces the edited copy. */
function ComposerLoader({ id }: { id: string }) {
  const [reload, setReload] = useState(0);
  const r = useApi<Loaded>(pvePath(id), { cached: false, reload });
  const frameworks = useApi<{ items: FrameworkItem[] }>("/kwaliteitskaders");
  const segments = useApi<{ items: Segment[] }>("/kwaliteitskaders/segmenten");
  const [concept, setConcept] = useState<PveConcept | null>(null);
  const loadedFor = useRef<string | null>(null);

  useEffect(() => {
    if (r.state !== "ok") return;
    if (loadedFor.current === `${r.data.id}:${r.data.updatedAt}`) return;
    loadedFor.current = `${r.data.id}:${r.data.updatedAt}`;
    setConcept(r.data.concept);
  }, [r]);

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
  return (
    <Composer
      id={id}
      data={data}
      concept={concept}
      setConcept={setConcept}
      frameworks={frameworks.state === "ok" ? frameworks.data.items : []}
      segments={segments.state === "ok" ? segments.data.items : []}
      onSaved={() => setReload((n) => n + 1)}
    />
  );
}

function Composer({
  id,
  data,
  concept,
  setConcept,
  frameworks: fw,
  segments,
  onSaved,
}: {
  id: string;
  data: Loaded;
  concept: PveConcept;
  setConcept: (c: PveConcept) => void;
  frameworks: FrameworkItem[];
  segments: Segment[];
  onSaved: () => void;
}) {
  const auth = useAuth();
  const [announcement, setAnnouncement] = useState("");
  const focusLater = useFocusLater();
  const dirty = canonicalJson(concept) !== canonicalJson(data.concept);
  const { save, publish, action, status, fieldErrors, summary, summaryShown } = useConceptSave(id, concept, dirty, onSaved);
  const editable = auth.user?.role === "contractmanager";
  const update = (c: Partial<PveConcept>) => setConcept({ ...concept, ...c });
  const draft: Draft = {
    concept,
    frameworks: fw,
    editable,
    update,
    add: (o) => update({ onderdelen: [...concept.onderdelen, o] }),
    removePart: (i, focusTo) => {
      update({ onderdelen: concept.onderdelen.filter((_, j) => j !== i) });
      setAnnouncement(`${describe(concept.onderdelen[i]!, fw)} verwijderd.`);
      focusLater(focusTo);
    },
    announce: setAnnouncement,
  };
  const kaderParts = concept.onderdelen.flatMap((o, index) => (o.soort === "kader" ? [{ index, kader: o.kader, afwijkingen: o.afwijkingen }] : []));

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
          <ConceptBasics concept={concept} segments={segments} editable={editable} errors={fieldErrors} update={update} announce={setAnnouncement} />

          <Heading level={3} id="c-onderdelen-h" className="kader-section">
            Eisen
          </Heading>
          <Paragraph>
            {concept.onderdelen.length === 0
              ? "Nog geen eisen opgenomen."
              : `${concept.onderdelen.length} ${concept.onderdelen.length === 1 ? "onderdeel" : "onderdelen"} opgenomen.`}
          </Paragraph>
          <GeneralRequirements draft={draft} />
          <Fieldset className="kader-fieldset kader-section">
            <FieldsetLegend>Hele kwaliteitskaders, met afwijkingen</FieldsetLegend>
            <FrameworkParts
              parts={kaderParts}
              frameworks={fw}
              editable={editable}
              errors={fieldErrors}
              focusLater={focusLater}
              onAdd={(nr) => {
                draft.add({ soort: "kader", kader: nr, afwijkingen: [] });
                const f = fw.find((x) => x.nr === nr);
                setAnnouncement(`Kader ${nr} toegevoegd.${f?.waarschuwing ? ` Let op: ${f.waarschuwing}` : ""}`);
                focusLater(`c-kader-${concept.onderdelen.length}-add`);
              }}
              onChange={(index, afwijkingen: Afwijking[]) =>
                update({ onderdelen: concept.onderdelen.map((o, j) => (j === index && o.soort === "kader" ? { ...o, afwijkingen } : o)) })
              }
              onRemove={(index) => draft.removePart(index, "c-kader")}
            />
          </Fieldset>
          <CriterionParts draft={draft} segments={segments} />
          <OwnRequirements draft={draft} />

          <div role="status" className="kader-visually-hidden" data-testid="composer-melding">
            {announcement}
          </div>
          {editable ? (
            <div className="kader-actions kader-section">
              <Button id="c-opslaan" type="submit" appearance="primary-action-button" busy={action.busy} disabled={action.busy}>
                Concept opslaan
              </Button>
              <SubmitButton type="button" appearance="secondary-action-button" busy={action.busy} disabled={!data.voorbeeld} onClick={publish}>
                Publiceren als nieuwe versie
              </SubmitButton>
              {dirty ? <Paragraph className="kader-muted">Er zijn wijzigingen die nog niet zijn opgeslagen.</Paragraph> : null}
            </div>
          ) : null}
          <div role="status" data-testid="composer-status">
            {status}
          </div>
          {action.error ? <ProblemAlert error={action.error} heading="Niet gelukt" /> : null}
        </form>
        <PreviewSection id={id} data={data} />
        <section aria-labelledby="versions-h" className="kader-section">
          <Heading level={2} id="versions-h">
            Gepubliceerde versies
          </Heading>
          <Versions id={id} versies={data.versies} onInvited={onSaved} />
        </section>
      </div>
    </>
  );
}
