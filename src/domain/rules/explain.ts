import { levelLabel, type Level, type Rule } from "./rule.ts";

export const pct = (share: number): string => `${Math.round(share * 1000) / 10}%`.replace(".", ",");
export const num = (n: number): string => String(n).replace(".", ",");
const lv = (l: Level) => levelLabel[l];

const roleLabel: Record<string, string> = {
  "hbo-professional": "een hbo-professional",
  "wo-professional": "een wo-professional",
  gedragswetenschapper: "een gedragswetenschapper",
  "big-of-skj-geregistreerde": "een BIG- of SKJ-geregistreerde professional",
  "big-geregistreerde": "een BIG-geregistreerde professional",
  "skj-geregistreerde": "een SKJ-geregistreerde professional",
  psychiater: "een psychiater",
  arts: "een arts",
  regiebehandelaar: "een regiebehandelaar",
  verpleegkundige: "een verpleegkundige",
  spv: "een sociaal-psychiatrisch verpleegkundige",
  psycholoog: "een psycholoog",
  orthopedagoog: "een orthopedagoog",
  "gz-psycholoog": "een GZ-psycholoog",
  ervaringsdeskundige: "een ervaringsdeskundige",
  praktijkbegeleider: "een praktijkbegeleider",
  casusregisseur: "een casusregisseur",
  chauffeur: "een chauffeur",
  psychotherapeut: "een psychotherapeut",
  "klinisch-psycholoog": "een klinisch psycholoog",
  systeemtherapeut: "een systeemtherapeut",
  vaktherapeut: "een vaktherapeut",
  "maatschappelijk-werker": "een maatschappelijk werker",
  "mdft-supervisor": "een MDFT-supervisor",
  "pedagogisch-medewerker": "een pedagogisch medewerker",
};

const purposeLabel: Record<string, string> = {
  consultatie: "beschikbaar voor consultatie",
  ruggespraak: "beschikbaar voor ruggespraak",
  overleg: "beschikbaar voor overleg",
  "betrokken-bij-plan": "betrokken bij het opstellen en evalueren van het plan",
  "akkoord-plan": "beoordeelt het plan en geeft akkoord",
  uitvoering: "voert de zorg uit",
  eindverantwoordelijk: "is eindverantwoordelijk",
  aanwezig: "is aanwezig",
  werkbegeleiding: "geeft werkbegeleiding",
  supervisie: "houdt toezicht (supervisie)",
};

export const providerEvidenceLabel = {
  kwaliteitscertificaat: "geldig kwaliteitscertificaat",
  "kwaliteitshandboek-audit": "kwaliteitshandboek met auditrapport",
  klanttevredenheidsonderzoek: "klanttevredenheidsonderzoek",
  "gedragsverklaring-aanbesteden": "Gedragsverklaring Aanbesteden",
  "verklaring-belastingdienst": "verklaring Belastingdienst",
  "kvk-uittreksel": "KvK-uittreksel",
};

const meaningLabel = { average: "gemiddeld", maximum: "maximaal", "tariff-assumption": "tariefaanname:", ratio: "verhouding" };
const responseLabel = {
  start: "start van de zorg",
  "on-site": "ter plaatse (aanrijtijd)",
  contact: "eerste contact",
  placement: "plaatsing",
};

const plural = {
  dag: "dagen",
  dagdeel: "dagdelen",
  uur: "uren",
  minuut: "minuten",
  etmaal: "etmalen",
  contact: "contacten",
  traject: "trajecten",
  rit: "ritten",
};

function duration(minutes: number): string {
  if (minutes % 60 === 0) return `${minutes / 60} uur`;
  return `${num(minutes)} minuten`;
}

/** A combination inside a combination is put between brackets, so "A óf (B en C)" cannot be misread. */
const nested = (r: Rule): string => (r.op === "all" || r.op === "any" ? `(${explain(r)})` : explain(r));

/** The rule as a Dutch sentence, for screens and exports. */
export function explain(rule: Rule): string {
  switch (rule.op) {
    case "all":
      return rule.rules.length === 0 ? "geen eisen" : rule.rules.map(nested).join("; en ");
    case "any":
      return rule.rules.length === 0 ? "geen van de alternatieven (onvervulbaar)" : `één van: ${rule.rules.map(nested).join(" óf ")}`;
    case "not":
      return `niet: ${explain(rule.rule)}`;
    case "contested":
      return `betwist — het document zegt het op ${rule.readings.length} manieren: ${rule.readings
        .map((r) => `(${r.label}${r.line ? `, regel ${r.line}` : ""}) ${explain(r.rule)}`)
        .join(" / ")}`;
    case "staffShare":
      return `minimaal ${pct(rule.minShare)} van de medewerkers op ${lv(rule.atOrAbove)}-niveau of hoger${
        rule.restAtLeast ? `, de overige medewerkers minimaal ${lv(rule.restAtLeast)}` : ""
      }${rule.basis === "hours" ? " (gerekend in uren)" : rule.basis === "headcount" ? " (gerekend in personen)" : ""}`;
    case "functionMix":
      return `functiemix ${Object.entries(rule.mix)
        .map(([l, s]) => `${pct(s ?? 0)} ${lv(l as Level)}`)
        .join(" / ")}`;
    case "allowedLevels":
      return `medewerkers op niveau ${rule.levels.map(lv).join(", ")} (of hoger)`;
    case "minLevel":
      return `${rule.task}: minimaal ${lv(rule.level)}`;
    case "roleAvailable":
      return `${roleLabel[rule.role] ?? rule.role}${rule.level ? ` (minimaal ${lv(rule.level)})` : ""} ${purposeLabel[rule.purpose]}`;
    case "groupSize":
      return `${meaningLabel[rule.meaning]} ${num(rule.clientsPerStaff)} cliënten per begeleider${rule.excludesVolunteers ? " (exclusief vrijwilligers)" : ""}`;
    case "clientsPerGroup":
      return `${rule.meaning === "average" ? "gemiddeld" : "maximaal"} ${num(rule.clients)} cliënten per groep`;
    case "hoursPerWeek":
      return `${rule.of}: ${[
        rule.average !== null ? `gemiddeld ${num(rule.average)}` : null,
        rule.min !== null ? `minimaal ${num(rule.min)}` : null,
        rule.max !== null ? `maximaal ${num(rule.max)}` : null,
      ]
        .filter(Boolean)
        .join(" en ")} uur per week`;
    case "sessionDuration":
      return `duur per keer ${{ average: "gemiddeld", exact: "", minimum: "minimaal", maximum: "maximaal" }[rule.meaning]} ${num(rule.hours)} uur`.replace(
        "  ",
        " ",
      );
    case "availability":
      return `${rule.schedule} ${rule.mode === "presence" ? "aanwezigheid" : "bereikbaarheid"}`;
    case "responseTime":
      return `${responseLabel[rule.kind]} binnen ${duration(rule.withinMinutes)}`;
    case "durationCap": {
      const u = rule.unit === "weeks" ? "weken" : "maanden";
      const parts = [`maximaal ${num(rule.max)} ${u}`];
      if (rule.min) parts.unshift(`minimaal ${num(rule.min)} ${u}`);
      if (rule.extension) parts.push(`verlenging met ${num(rule.extension)} ${u}${rule.maxExtensions !== null ? ` (hoogstens ${rule.maxExtensions}×)` : ""}`);
      if (rule.totalMax) parts.push(`in totaal maximaal ${num(rule.totalMax)} ${u}`);
      return parts.join(", ");
    }
    case "age":
      if (rule.minAge !== null && rule.maxAgeExclusive !== null)
        return `leeftijd van ${num(rule.minAge)} tot ${num(rule.maxAgeExclusive)} jaar (t/m ${num(rule.maxAgeExclusive - 1)})`;
      if (rule.minAge !== null) return `leeftijd ${num(rule.minAge)} jaar of ouder`;
      return `leeftijd jonger dan ${num(rule.maxAgeExclusive ?? 0)} jaar`;
    case "combination":
      return {
        requires: `alleen in combinatie met ${rule.products.join(" of ")}`,
        excludes: `niet in combinatie met ${rule.products.join(" of ")}`,
        "billed-separately": `${rule.products.join(", ")} apart te declareren`,
        included: `${rule.products.join(", ")} inbegrepen`,
      }[rule.kind];
    case "portfolioDuty":
      return `verplichting voor het aanbod: ${rule.duty}${rule.requiresProducts.length ? ` (ook gecontracteerd: ${rule.requiresProducts.join(" of ")})` : ""}`;
    case "providerEvidence":
      return `${providerEvidenceLabel[rule.evidence]}${rule.maxAgeMonths ? ` niet ouder dan ${num(rule.maxAgeMonths)} maanden` : ""}${rule.mustCoverProduct ? ", met een scope die dit product dekt" : ""}`;
    case "traineesPerSupervisor":
      return `een praktijkbegeleider begeleidt tegelijk hoogstens ${rule.max} BBL-leerlingen`;
    case "evaluation":
      return `evaluatie minimaal elke ${num(rule.everyMonths)} maanden`;
    case "planDeadline":
      return `${rule.plan} binnen ${num(rule.within)} ${{ days: "dagen", weeks: "weken", months: "maanden" }[rule.unit]} na ${rule.from}`;
    case "escalation":
      return `${rule.direction === "afschalen" ? "afschalen" : "opschalen"}${rule.to ? ` naar ${rule.to}` : " waar mogelijk"}`;
    case "evidence": {
      // de-words take "geldige", het-words "geldig"
      const name = {
        vog: "geldige VOG",
        diploma: "geldig diploma",
        kwaliteitscertificaat: "geldig kwaliteitscertificaat",
        rijbewijs: "geldig rijbewijs",
        ervaringscertificaat: "geldig ervaringscertificaat",
        registratie: "geldige registratie",
        licentie: "geldige licentie",
      }[rule.evidence];
      const parts = [name];
      if (rule.maxAgeMonths) parts.push(`niet ouder dan ${num(rule.maxAgeMonths)} maanden`);
      if (rule.issuedBeforeStartMaxMonths) parts.push(`afgegeven hoogstens ${num(rule.issuedBeforeStartMaxMonths)} maanden voor indiensttreding`);
      return parts.join(", ");
    }
    case "registration":
      return `medewerkers vanaf ${lv(rule.appliesFromLevel)} geregistreerd in ${rule.registers.join(" of ")}`;
    case "volume": {
      const bound = rule.max ?? rule.min;
      const unit = bound === 1 ? rule.unit : plural[rule.unit];
      return `${[rule.min !== null ? `minimaal ${num(rule.min)}` : null, rule.max !== null ? `maximaal ${num(rule.max)}` : null]
        .filter(Boolean)
        .join(" en ")} ${unit} per ${rule.per}`;
    }
    case "distanceBand":
      return `enkele reis van ${num(rule.minKm)} tot en met ${num(rule.maxKm)} km`;
    case "judgement":
      return `ter beoordeling: ${rule.text}`;
    default: {
      const never: never = rule;
      return never;
    }
  }
}
