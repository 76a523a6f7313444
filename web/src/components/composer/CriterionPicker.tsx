import { TableCell, TableRow } from "@utrecht/component-library-react";
import { useEffect, useState } from "react";
import { qs, request } from "../../lib/api.ts";
import { addresseeLabel, type CriterionHit, elementLabel, type FrameworkItem, type Segment, segmentText } from "../../lib/quality.ts";
import { KwaliteitStatus } from "../KwaliteitBits.tsx";
import { SelectField } from "../SelectField.tsx";
import { addresseeOptions, elementOptions, frameworkOptions, natureOptions, useConceptOptions } from "./frameworks.ts";
import { useDebounced, useFocusLater } from "./hooks.ts";
import { AddButton, count, lawOptions, SearchField, SearchResults } from "./SearchResults.tsx";

type CritFilters = { q: string; kader: string; element: string; segment: string; wet: string; adressaat: string; aard: string; begrip: string };
/** "concept": every segment chosen in the draft (one search per segment, merged) */
const CONCEPT = "concept";

/** Searches the library with the library page's filters, the draft's segments preselected; "Toevoegen" per criterion. */
export function CriterionPicker({
  segments,
  frameworks,
  chosenSegments,
  has,
  onAdd,
}: {
  segments: Segment[];
  frameworks: FrameworkItem[];
  chosenSegments: string[];
  has: (kader: number, criterium: string) => boolean;
  onAdd: (h: CriterionHit) => void;
}) {
  const [f, setF] = useState<CritFilters>({
    q: "",
    kader: "",
    element: "",
    segment: chosenSegments.length ? CONCEPT : "",
    wet: "",
    adressaat: "",
    aard: "",
    begrip: "",
  });
  // when the draft gets (or loses) its segments, the filter follows unless the user chose another
  const segKey = chosenSegments.join(",");
  useEffect(() => {
    setF((x) => (x.segment === "" && segKey ? { ...x, segment: CONCEPT } : x.segment === CONCEPT && !segKey ? { ...x, segment: "" } : x));
  }, [segKey]);
  const set = (k: keyof CritFilters) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const focusLater = useFocusLater();
  const term = f.q.trim();
  const segList = f.segment === CONCEPT ? chosenSegments : f.segment ? [f.segment] : [null];
  const base = {
    q: term.length >= 2 ? term : null,
    kader: f.kader,
    element: f.element,
    wet: f.wet,
    adressaat: f.adressaat,
    aard: f.aard,
    begrip: f.begrip,
    limit: 100,
  };
  const active = !!(base.q || f.kader || f.element || f.wet || f.adressaat || f.aard || f.begrip || segList[0]);
  const conceptOptions = useConceptOptions();
  const key = active ? segList.map((s) => qs({ ...base, segment: s })).join(" ") : null;
  const found = useDebounced(key, async (signal) => {
    const pages = await Promise.all(
      segList.map((s) => request<{ items: CriterionHit[]; total: number }>(`/kwaliteitskaders/criteria${qs({ ...base, segment: s })}`, { signal })),
    );
    const byKey = new Map<string, CriterionHit>();
    for (const p of pages) for (const h of p.items) byKey.set(`${h.kader}.${h.criterium}`, h);
    const items = [...byKey.values()];
    if (pages.length > 1) items.sort((a, b) => a.kader - b.kader || a.regel - b.regel);
    return { items, capped: pages.some((p) => p.total > p.items.length), total: pages.length === 1 ? pages[0]!.total : items.length };
  });

  const select = (k: keyof CritFilters, label: string, options: [string, string][], all = "Alle") => (
    <SelectField id={`c-crit-${k}`} label={label} all={all} value={f[k]} onChange={set(k)} options={options} />
  );
  const chosenNames = chosenSegments.map((s) => segments.find((x) => x.id === s)).filter((x): x is Segment => !!x);
  const conceptOption: [string, string][] = chosenNames.length
    ? [[CONCEPT, `Segmenten van dit programma (${chosenNames.map((s) => segmentText(s)).join(", ")})`]]
    : [];

  return (
    <search aria-label="Bibliotheek van kwaliteitscriteria doorzoeken">
      <div className="kader-filters">
        <SearchField
          id="c-crit-q"
          label="Zoek in de criteria"
          hint={`Een woord uit het criterium, bijvoorbeeld "klachten" of "meldcode"`}
          value={f.q}
          onChange={set("q")}
        />
        {select("kader", "Kwaliteitskader", frameworkOptions(frameworks), "Alle kaders")}
        {select("element", "Element", elementOptions)}
        {select("segment", "Inkoopsegment", [...conceptOption, ...segments.map((s): [string, string] => [s.id, segmentText(s)])], "Alle segmenten")}
        {select("wet", "Wet", lawOptions)}
        {select("adressaat", "Gericht aan", addresseeOptions)}
        {select("aard", "Aard", natureOptions)}
        {select("begrip", "Begrip (over alle kaders)", conceptOptions)}
      </div>
      <SearchResults
        statusId="criterium-zoek-status"
        searching={key !== null}
        found={found}
        idle="Kies een filter of typ een zoekwoord om criteria te zoeken."
        failed="Zoeken mislukt; controleer de zoekterm en probeer het opnieuw."
        result={(d) =>
          d.items.length === 0
            ? "Geen criteria gevonden. Probeer een ander woord of minder filters."
            : `${count(d.total, "criterium", "criteria")} gevonden${d.capped ? `, de eerste ${d.items.length} getoond; verfijn de zoekopdracht` : ""}.`
        }
        label="Gevonden criteria"
        testId="criterium-resultaten"
        columns={["Kader", "Element", "Criterium", "Voor", "Toevoegen"]}
      >
        {(items) =>
          items.map((h, i) => (
            <TableRow key={`${h.kader}.${h.criterium}`}>
              <TableCell>
                {h.kader}. {h.kaderTitel} {h.vervallen ? <KwaliteitStatus status="lapsed" /> : null}
              </TableCell>
              <TableCell>{elementLabel[h.element]}</TableCell>
              <TableCell>
                {h.tekst} <span className="kader-muted kader-code">({h.criterium})</span>
              </TableCell>
              <TableCell>{addresseeLabel[h.adressaat]}</TableCell>
              <TableCell>
                <AddButton
                  id={`c-crit-res-${i}`}
                  added={has(h.kader, h.criterium)}
                  addedText="toegevoegd"
                  label={`Toevoegen: criterium ${h.criterium} van kader ${h.kader}${h.vervallen ? " (vervallen kader)" : ""}`}
                  onAdd={() => {
                    onAdd(h);
                    focusLater(`c-crit-res-${i}`);
                  }}
                />
              </TableCell>
            </TableRow>
          ))
        }
      </SearchResults>
    </search>
  );
}
