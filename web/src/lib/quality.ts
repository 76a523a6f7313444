import { request } from "./api.ts";

/** Types and Dutch labels of the quality-framework API (/api/v1/kwaliteitskaders, /programmas-van-eisen). */

export type QualityElement = "dienstverlening" | "vakmanschap" | "samenwerking" | "organisatie";
export type FrameworkStatus = "in-force" | "lapsed" | "superseded" | "unknown";
export type Addressee = "organisatie" | "professional" | "gemeente" | "bestuur" | "team";
export type Nature = "getal" | "ja-nee" | "document" | "verhaal";

export const elements: QualityElement[] = ["dienstverlening", "vakmanschap", "samenwerking", "organisatie"];
export const elementLabel: Record<QualityElement, string> = {
  dienstverlening: "Dienstverlening",
  vakmanschap: "Vakmanschap",
  samenwerking: "Samenwerking",
  organisatie: "Organisatie",
};
export const statusLabel: Record<FrameworkStatus, string> = { "in-force": "geldig", lapsed: "vervallen", superseded: "vervangen", unknown: "status onbekend" };
export const addresseeLabel: Record<Addressee, string> = {
  organisatie: "organisatie",
  professional: "professional",
  gemeente: "gemeente",
  bestuur: "bestuur",
  team: "(wijk)team",
};
export const natureLabel: Record<Nature, string> = { getal: "getal", "ja-nee": "ja/nee", document: "document", verhaal: "beschrijving" };

export interface FrameworkItem {
  nr: number;
  titel: string;
  jaar: number | null;
  wetten: ("wmo" | "jeugdwet")[];
  segmenten: string[];
  status: FrameworkStatus;
  criteria: number;
  perElement: Record<QualityElement, number>;
  uitgever: string;
  statusTekst: string;
  statusSinds: string | null;
  waarschuwing: string | null;
}

export interface Criterion {
  id: string;
  element: QualityElement;
  kop: string[];
  nummer: string | null;
  tekst: string;
  citaat: string;
  regel: number;
  adressaat: Addressee;
  aard: Nature;
  frequentie: { asWritten: string; maanden: number | null } | null;
  begrippen: string[];
}

export interface Framework {
  nr: number;
  titel: string;
  uitgever: string;
  jaar: number | null;
  wetten: ("wmo" | "jeugdwet")[];
  segmenten: { asWritten: string; ids: string[]; overig: string[] };
  regelHoofdstuk: number;
  status: { value: FrameworkStatus; since: string | null; text: string; regel: number | null };
  doel: string;
  gebruik: string;
  totstandkoming: string;
  opbouw: { tekst: string; delen: string[] };
  criteria: Criterion[];
  segmentenUitgebreid: string[];
  waarschuwing: string | null;
  vervallen: boolean;
}

export interface CriterionHit {
  kader: number;
  kaderTitel: string;
  criterium: string;
  element: QualityElement;
  tekst: string;
  regel: number;
  vervallen: boolean;
  kop: string[];
  adressaat: Addressee;
  aard: Nature;
  begrippen: string[];
}

export interface Segment {
  id: string;
  wet: "wmo" | "jeugdwet";
  label: string;
  naam: string;
}

export interface GeneralRequirement {
  id: string;
  paragraaf: string;
  kop: string;
  tekst: string;
  regel: number;
}

export type Checkable = { bron: "bewijs"; soorten: string[]; maxLeeftijdMaanden: number | null } | { bron: "personeel"; eis: "vog" | "registratie" };

export type PveOnderdeel =
  | { soort: "kader"; kader: number; afwijkingen: { criterium: string | null; tekst: string }[] }
  | { soort: "criterium"; kader: number; criterium: string }
  | { soort: "algemene-eisen-004"; zonder: string[] }
  | { soort: "algemeen"; eis: string }
  | { soort: "eigen"; titel: string; tekst: string; toetsbaar: Checkable | null; frequentieMaanden: number | null };

export interface PveConcept {
  titel: string;
  toelichting: string | null;
  segmenten: string[];
  producten: string[];
  onderdelen: PveOnderdeel[];
}

export interface PveEis {
  nr: number;
  key: string;
  hoofdstuk: "algemeen" | "kaders" | "criteria" | "eigen";
  titel: string;
  tekst: string;
  bron: { document: string | null; label: string; regel: number | null; citaat: string | null };
  toetsbaar: Checkable | null;
  begrippen: string[];
  frequentieMaanden: number | null;
  afwijkingen: { criterium: string | null; tekst: string }[];
  waarschuwing: string | null;
}

export interface PveVraag {
  key: string;
  titel: string;
  eisen: number[];
  begrip: string | null;
  toetsbaar: Checkable | null;
  frequentieMaanden: number | null;
}

export interface PveDocument {
  titel: string;
  toelichting: string | null;
  gemeentecode: string;
  segmenten: { id: string; naam: string }[];
  producten: { id: string; naam: string; productcode: string | null; wet: string }[];
  eisen: PveEis[];
  vragen: PveVraag[];
  waarschuwingen: string[];
}

export interface PveVersionInfo {
  pveId: string;
  versie: number;
  publishedAt: string;
  publishedBy: string;
}

export interface PveRecord {
  id: string;
  gemeentecode: string;
  concept: PveConcept;
  updatedAt: string;
  versies: PveVersionInfo[] | number;
  voorbeeld?: PveDocument | null;
  problemen?: { code: string; title: string; detail: string; path?: string }[];
}

export type VraagStatus = "open" | "ingediend" | "akkoord" | "aanvullen" | "niet-akkoord";
export const vraagStatuses: VraagStatus[] = ["open", "ingediend", "akkoord", "aanvullen", "niet-akkoord"];
export const vraagStatusLabel: Record<VraagStatus, string> = {
  open: "nog niet beantwoord",
  ingediend: "wacht op beoordeling",
  akkoord: "akkoord",
  aanvullen: "aanvullen",
  "niet-akkoord": "niet akkoord",
};
export const vraagStatusBadge: Record<VraagStatus, string> = {
  open: "neutral",
  ingediend: "warning",
  akkoord: "success",
  aanvullen: "warning",
  "niet-akkoord": "danger",
};

export interface Antwoord {
  vraag: string;
  toelichting: string;
  geldigVan: string | null;
  geldigTot: string | null;
  status: VraagStatus;
  beantwoordOp: string | null;
  beoordeeldOp: string | null;
  opmerking: string | null;
}

export interface FileMeta {
  id: string;
  vraag: string;
  naam: string;
  mime: string;
  grootte: number;
  uploadedAt: string;
  uploadedBy: string;
}

export interface HistoryEvent {
  vraag: string;
  at: string;
  username: string;
  soort: "antwoord" | "bestand" | "beoordeling";
  data: Record<string, unknown>;
}

export interface VraagView extends PveVraag {
  status: VraagStatus;
  antwoord: Antwoord | null;
  bestanden: FileMeta[];
  geschiedenis: HistoryEvent[];
  voorinvulling: { toelichting: string; geldigVan: string | null; geldigTot: string | null; voldoet: boolean | null } | null;
}

export interface AssessmentView {
  pve: { id: string; versie: number; titel: string; gemeentecode: string };
  aanbieder: { agbCode: string; naam: string | null };
  document: PveDocument;
  vragen: VraagView[];
  telling: Record<VraagStatus, number>;
  herinneringen: { vraag: string; titel: string; soort: string; datum: string; dagen: number; tekst: string }[];
}

export interface OverviewRow {
  agbCode: string;
  naam: string | null;
  uitgenodigdOp: string;
  telling: Record<VraagStatus, number>;
  vragen: number;
}

const evidenceWords: Record<string, string> = {
  kwaliteitscertificaat: "kwaliteitscertificaat",
  "kwaliteitshandboek-audit": "kwaliteitshandboek met audit",
  klanttevredenheidsonderzoek: "klanttevredenheidsonderzoek",
};

/** How a requirement is checked, in words. */
export function checkableText(t: Checkable | null): string {
  if (!t) return "beschrijvend";
  if (t.bron === "bewijs") return `toetsbaar: ${t.soorten.map((s) => evidenceWords[s] ?? s).join(" of ")}`;
  return t.eis === "vog" ? "toetsbaar: VOG's uit het personeelsbestand" : "toetsbaar: beroepsregistraties uit het personeelsbestand";
}

export const pvePath = (id: string) => `/programmas-van-eisen/${encodeURIComponent(id)}`;
export const assessmentPath = (id: string, v: number, agb: string) => `${pvePath(id)}/versies/${v}/zelfevaluaties/${agb}`;

/** Uploads one evidence file as multipart/form-data (built by hand so the shared request helper can send it). */
export function uploadEvidence(id: string, v: number, agb: string, vraag: string, file: File): Promise<FileMeta> {
  const boundary = `----kader${Math.random().toString(16).slice(2)}`;
  const safeName = file.name.replace(/["\r\n]/g, "_");
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="bestand"; filename="${safeName}"\r\nContent-Type: ${file.type || "application/octet-stream"}\r\n\r\n`;
  const body = new Blob([head, file, `\r\n--${boundary}--\r\n`]);
  return request<FileMeta>(`${assessmentPath(id, v, agb)}/vragen/${encodeURIComponent(vraag)}/bestanden`, {
    method: "POST",
    raw: { body, type: `multipart/form-data; boundary=${boundary}` },
  });
}

/** A purchasing segment in words, as the library and the composer show it. */
export const segmentText = (s: Segment) => `${s.wet === "wmo" ? "Wmo" : "Jeugdhulp"} ${s.label}${s.wet === "wmo" ? "" : ` ${s.naam}`}`;

/** A deviation ("afwijking") from a framework referenced as a whole. */
export type Afwijking = { criterium: string | null; tekst: string };

/** The same value with object keys sorted, as JSON: to compare a draft with the stored one (jsonb reorders keys). */
export function canonicalJson(v: unknown): string {
  const sort = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.map(sort)
      : x && typeof x === "object"
        ? Object.fromEntries(
            Object.entries(x as Record<string, unknown>)
              .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
              .map(([k, y]) => [k, sort(y)]),
          )
        : x;
  return JSON.stringify(sort(v));
}
