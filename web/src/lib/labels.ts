import { EENHEDEN, eenheidLabel } from "../../../src/domain/codes/eenheid.ts";
import { wetLabel } from "../../../src/domain/codes/wet.ts";
import type { EvidenceKind, Law, NoteKind, RequirementStatus, Role, SectionStatus, Tenant, UnitCode } from "./types.ts";
import { evidenceKindLabel } from "../../../src/domain/codes/evidence.ts";
import { roleTitle } from "../../../src/domain/codes/role.ts";

/** Dutch words for the codes the API uses. */

/** The law and the WJ756 unit: the one code list of src/domain/codes (values from its zod-free modules). */
export const lawLabel: Record<Law, string> = wetLabel;
export const unitLabel: Record<UnitCode, string> = eenheidLabel;
export const unitCodes: readonly UnitCode[] = EENHEDEN;

export const sectionStatusLabel: Record<SectionStatus, string> = {
  given: "vermeld",
  "volgt-nog": "volgt nog",
  "niet-van-toepassing": "niet van toepassing",
  "niet-vermeld": "niet vermeld",
};

export const noteKindLabel: Record<NoteKind, string> = {
  contradiction: "Tegenstrijdig",
  incomplete: "Onvolledig",
  ambiguity: "Onduidelijk",
  remark: "Opmerking",
};

/** NL Design System status-badge variant per note kind. */
export const noteKindStatus: Record<NoteKind, string> = {
  contradiction: "danger",
  incomplete: "warning",
  ambiguity: "warning",
  remark: "neutral",
};

/** The role with what it is (Toegang (consulent)), as the signed-in user and the account form show it. */
export const roleLabel: Record<Role, string> = roleTitle;

export const kindLabel: Record<string, string> = {
  "begeleiding-individueel": "Begeleiding individueel",
  "begeleiding-specialistisch": "Begeleiding specialistisch",
  "begeleiding-intensief": "Begeleiding intensief",
  "begeleiding-groep": "Begeleiding groep",
  dagbesteding: "Dagbesteding",
  vervoer: "Vervoer",
  "persoonlijke-verzorging": "Persoonlijke verzorging",
  "kortdurend-verblijf": "Kortdurend verblijf",
  verblijf: "Verblijf",
  "beschermd-wonen": "Beschermd wonen",
  pleegzorg: "Pleegzorg",
  gezinshuis: "Gezinshuis",
  behandeling: "Behandeling",
  "behandeling-ggz": "Behandeling ggz",
  diagnostiek: "Diagnostiek",
  crisis: "Crisis",
  "huishoudelijke-hulp": "Huishoudelijke hulp",
  "jeugdhulp-ambulant": "Jeugdhulp ambulant",
  overig: "Overig",
};

export const documentTypeLabel: Record<string, string> = {
  productenboek: "Productenboek",
  "programma-van-eisen": "Programma van eisen",
};

export const versionStatusLabel: Record<string, string> = {
  concept: "concept",
  definitief: "definitief",
  onbekend: "onbekend",
};

/** Compliance: a verdict or requirement status in words, and its badge (never colour alone). */
export const statusLabel: Record<RequirementStatus, string> = {
  voldoet: "voldoet",
  "voldoet-niet": "voldoet niet",
  onbekend: "onbekend",
  "te-beoordelen": "te beoordelen",
  "per-client": "per cliënt",
};
export const statusBadge: Record<RequirementStatus, string> = {
  voldoet: "success",
  "voldoet-niet": "danger",
  onbekend: "warning",
  "te-beoordelen": "neutral",
  "per-client": "neutral",
};

export { evidenceKindLabel };
export const evidenceKinds = Object.keys(evidenceKindLabel) as EvidenceKind[];

export const staffKindLabel: Record<string, string> = {
  werknemer: "werknemer",
  zzp: "zzp'er",
  uitzendkracht: "uitzendkracht",
  bbl: "bbl-leerling",
  stagiair: "stagiair",
  vrijwilliger: "vrijwilliger",
  ervaringsdeskundige: "ervaringsdeskundige",
};

/** mbo4 → "MBO-4", hbo → "HBO". */
export const levelLabel = (l: string) => l.toUpperCase().replace(/(\d)$/, "-$1");

/** Who sees provider compliance: a contractmanager (providers its gemeente contracts) and an aanbieder (its own). */
export const complianceRoles: Role[] = ["contractmanager", "aanbieder"];

export function tenantLabel(t: Tenant): string {
  if (!t) return "geen organisatie";
  return t.kind === "gemeente" ? `Gemeente ${t.name.replace(/^gemeente\s+/i, "")} (${t.gemeentecode})` : `${t.name} (AGB ${t.agbCode})`;
}

const dateFmt = new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric" });
/** 2026-01-01 → "1 januari 2026" (dates are calendar days; no time zone shifts). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return dateFmt.format(new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

export const formatNumber = (n: number) => new Intl.NumberFormat("nl-NL").format(n);
