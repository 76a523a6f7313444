import type { AnswerBody as Antwoord } from "../../contract/quality.ts";
import { evidenceKindWord, type QuestionStatus as VraagStatus } from "../codes/quality.ts";
import { evidenceValidityMonths, type ProviderRecord, VOG_VALID_MONTHS } from "../compliance/provider.ts";
import type { StaffMemberRecord } from "../compliance/staff.ts";
import { addMonths, daysBetween, type IsoDate } from "../shared/date.ts";
import type { Problem, Result } from "../shared/problem.ts";
import type { Checkable } from "./general-requirements.ts";
import type { PveVraag } from "./pve.ts";

/**
 * Provider self-assessment of a published PvE version: per question an answer (text, validity dates, evidence
 * files), and the contract manager's review. Reviews and answers are history: every change is an event, appended.
 */

/**
 * The bodies of an answer and of a review are the contract's (one schema, with its Dutch messages); the verdicts and
 * question statuses are the code lists' (src/domain/codes/quality.ts), under the names the domain has always used.
 */
export { AnswerBody as Antwoord, ReviewBody as Beoordeling } from "../../contract/quality.ts";
export {
  QUESTION_STATUSES as vraagStatuses,
  type QuestionStatus as VraagStatus,
  questionStatusLabel as vraagStatusLabel,
  reviewVerdictLabel as oordeelLabel,
} from "../codes/quality.ts";
export { ReviewVerdict as Oordeel } from "../codes/schemas.ts";

export interface AntwoordRecord extends Antwoord {
  vraag: string;
  status: VraagStatus;
  beantwoordOp: string | null;
  beoordeeldOp: string | null;
  opmerking: string | null;
}

/** Review status counts per provider, the row of the CSV/Excel overview. */
export function statusCounts(vragen: PveVraag[], answers: AntwoordRecord[]): Record<VraagStatus, number> {
  const by = new Map(answers.map((a) => [a.vraag, a.status]));
  const counts: Record<VraagStatus, number> = { open: 0, ingediend: 0, akkoord: 0, aanvullen: 0, "niet-akkoord": 0 };
  for (const v of vragen) counts[by.get(v.key) ?? "open"]++;
  return counts;
}

export interface Herinnering {
  vraag: string;
  titel: string;
  soort: "bewijs-verloopt" | "bewijs-verlopen" | "periodiek";
  /** the date it lapses or is due */
  datum: IsoDate;
  dagen: number;
  tekst: string;
}

/**
 * The work list: evidence whose validity ends within `days` (or has ended), and periodic requirements whose last
 * approval is older than their frequency allows (due within `days`).
 */
export function reminders(vragen: PveVraag[], answers: AntwoordRecord[], today: IsoDate, days: number): Herinnering[] {
  const out: Herinnering[] = [];
  const by = new Map(answers.map((a) => [a.vraag, a]));
  for (const v of vragen) {
    const a = by.get(v.key);
    if (!a) continue;
    if (a.geldigTot) {
      const left = daysBetween(today, a.geldigTot);
      if (left <= days)
        out.push({
          vraag: v.key,
          titel: v.titel,
          soort: left < 0 ? "bewijs-verlopen" : "bewijs-verloopt",
          datum: a.geldigTot,
          dagen: left,
          tekst: left < 0 ? `bewijs verlopen op ${a.geldigTot}` : `bewijs verloopt op ${a.geldigTot} (over ${left} dagen)`,
        });
    }
    if (v.frequentieMaanden && a.status === "akkoord" && a.beoordeeldOp) {
      const base = a.geldigVan ?? a.beoordeeldOp.slice(0, 10);
      const due = addMonths(base, v.frequentieMaanden);
      const left = daysBetween(today, due);
      if (left <= days)
        out.push({
          vraag: v.key,
          titel: v.titel,
          soort: "periodiek",
          datum: due,
          dagen: left,
          tekst: `opnieuw aantonen (elke ${v.frequentieMaanden} maanden) vóór ${due}`,
        });
    }
  }
  return out.sort((x, y) => x.dagen - y.dagen);
}

/** What Kader already knows for a checkable question: a suggested answer and dates, from the compliance data. */
export interface Voorinvulling {
  toelichting: string;
  geldigVan: IsoDate | null;
  geldigTot: IsoDate | null;
  /** whether the known data meets the requirement on the peildatum */
  voldoet: boolean | null;
}

/**
 * Pre-fills a checkable question from the provider's own compliance data: organisation evidence (newest valid one of
 * the kinds asked), or counts over the staff file (no names: the gemeente sees what the provider submits).
 */
export function prefill(check: Checkable, provider: ProviderRecord | null, staff: StaffMemberRecord[], today: IsoDate): Voorinvulling {
  if (check.bron === "bewijs") {
    const candidates = (provider?.evidence ?? [])
      .filter((e) => check.soorten.includes(e.kind))
      .map((e) => {
        const months = check.maxLeeftijdMaanden ?? evidenceValidityMonths[e.kind];
        const until = e.validUntil ?? (months ? addMonths(e.date, months) : null);
        return { e, until };
      })
      .sort((a, b) => (b.until ?? "9999").localeCompare(a.until ?? "9999"));
    const best = candidates[0];
    if (!best)
      return {
        toelichting: `In Kader is geen ${check.soorten.map((s) => evidenceKindWord[s]).join(" of ")} vastgelegd.`,
        geldigVan: null,
        geldigTot: null,
        voldoet: false,
      };
    const valid = best.e.date <= today && (best.until === null || best.until >= today);
    return {
      toelichting: `${evidenceKindWord[best.e.kind]} van ${best.e.date}${best.until ? `, geldig tot ${best.until}` : ""}${best.e.scope.includes("*") ? "" : ` (scope: ${best.e.scope.join(", ")})`}${best.e.description ? ` — ${best.e.description}` : ""}.`,
      geldigVan: best.e.date,
      geldigTot: best.until,
      voldoet: valid,
    };
  }
  if (staff.length === 0)
    return { toelichting: "In Kader is geen personeelsbestand van deze aanbieder ingelezen.", geldigVan: null, geldigTot: null, voldoet: null };
  if (check.eis === "vog") {
    const counted = staff.filter((s) => s.kind !== "vrijwilliger" || s.vogDate !== null);
    const ok = counted.filter((s) => s.vogDate !== null && s.vogDate <= today && addMonths(s.vogDate, VOG_VALID_MONTHS) >= today);
    const oldest = ok.map((s) => s.vogDate!).sort()[0] ?? null;
    return {
      toelichting: `${ok.length} van ${counted.length} medewerkers hebben een VOG van hoogstens ${VOG_VALID_MONTHS} maanden oud (personeelsbestand in Kader, peildatum ${today}).`,
      geldigVan: null,
      geldigTot: oldest ? addMonths(oldest, VOG_VALID_MONTHS) : null,
      voldoet: ok.length === counted.length,
    };
  }
  const professionals = staff.filter((s) => s.level === "hbo" || s.level === "wo");
  const registered = professionals.filter((s) => s.registration && (s.registration.validUntil === null || s.registration.validUntil >= today));
  const firstEnd =
    registered
      .map((s) => s.registration!.validUntil)
      .filter((d): d is string => d !== null)
      .sort()[0] ?? null;
  return {
    toelichting: `${registered.length} van ${professionals.length} hbo/wo-medewerkers hebben een geldige beroepsregistratie (personeelsbestand in Kader, peildatum ${today}).`,
    geldigVan: null,
    geldigTot: firstEnd,
    voldoet: registered.length === professionals.length,
  };
}

/** Evidence files Kader accepts, recognised by their content (magic bytes), never by the name or the client's type. */
export const ALLOWED_FILE_TYPES = { "application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg" } as const;
export type AllowedFileType = keyof typeof ALLOWED_FILE_TYPES;
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * A file name from a client, made safe to show and to offer as a download name: names with a path (slashes,
 * backslashes, "..") or control characters are refused; other characters outside a small safe set become "_"; the
 * extension is set from the detected type.
 */
export function safeFileName(raw: string, type: AllowedFileType): Result<string> {
  const bad = (detail: string): Result<string> => ({
    ok: false,
    problems: [{ code: "invalid-input", title: "Ongeldige bestandsnaam", detail, path: "bestand" } satisfies Problem],
  });
  if (raw.length === 0) return bad("de bestandsnaam is leeg");
  if (raw.length > 255) return bad("de bestandsnaam is langer dan 255 tekens");
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused here
  if (/[\u0000-\u001f\u007f]/.test(raw)) return bad("de bestandsnaam bevat stuurtekens");
  if (/[/\\]/.test(raw) || raw.includes("..")) return bad("de bestandsnaam bevat een pad (/, \\ of ..)");
  const base = raw
    .normalize("NFC")
    .replace(/\.[A-Za-z0-9]{1,5}$/, "")
    .replace(/[^\p{L}\p{N} ._()-]/gu, "_")
    .replace(/^[.\s]+/, "")
    .trim()
    .slice(0, 100);
  return { ok: true, value: `${base || "bestand"}.${ALLOWED_FILE_TYPES[type]}` };
}
