/**
 * The code lists of Kader, each defined once: a const list and a Dutch label table in a zod-free file (the web app
 * imports those files as values), and the zod enums in ./schemas.ts (schema and type under one name).
 */
export { ACTIONS, type Action, RESOURCES, type Resource } from "./access.ts";
export { EENHEDEN, eenheidLabel, isEenheid, isTariffEenheid, TARIFF_EENHEDEN } from "./eenheid.ts";
export { Finding } from "./finding.ts";
export { FREQUENTIES, frequentieLabel } from "./frequentie.ts";
export { httpStatusOf, PROBLEM_CODES, type ProblemCode } from "./problem.ts";
export { isProductcategorie, JW_PRODUCTCATEGORIEEN, PRODUCTCATEGORIEEN, productcategorieLabel, WMO_PRODUCTCATEGORIEEN } from "./productcategorie.ts";
export { JW_REDENEN_BEEINDIGING, REDENEN_WIJZIGING, redenWijzigingLabel, WMO_REDENEN_BEEINDIGING } from "./reden.ts";
export { explainRetourcode, isRetourcode, RETOURCODES, retourcodeExplanation, retourcodeLabel, retourcodeText } from "./retourcodes.ts";
export { EVIDENCE_KINDS, evidenceKindLabel } from "./evidence.ts";
export {
  ADDRESSEES,
  addresseeLabel,
  evidenceKindWord,
  FRAMEWORK_STATUSES,
  frameworkStatusLabel,
  NATURES,
  natureLabel,
  QUALITY_ELEMENTS,
  QUESTION_STATUSES,
  qualityElementLabel,
  questionStatusLabel,
  REVIEW_VERDICTS,
  reviewVerdictLabel,
  SEGMENT_IDS,
} from "./quality.ts";
export { ROLES, roleLabel, roleTitle } from "./role.ts";
export {
  Addressee,
  Eenheid,
  EvidenceKind,
  Frequentie,
  FrameworkStatus,
  Nature,
  Productcategorie,
  QualityElement,
  QuestionStatus,
  ReviewVerdict,
  Role,
  RedenBeeindiging,
  RedenWijziging,
  Retourcode,
  SegmentId,
  Standaard,
  TariffEenheid,
  Verwijzer,
  Wet,
} from "./schemas.ts";
export { SEVERITIES, type Severity, severityLabel } from "./severity.ts";
export { VERWIJZERS, verwijzerLabel } from "./verwijzer.ts";
export { berichtPrefix, type BerichtPrefix, STANDAARDEN, standaardLabel, standaardOfBericht, standaardOfWet, WETTEN, wetLabel, wetOfStandaard } from "./wet.ts";
