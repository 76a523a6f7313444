import { z } from "zod";
import { EENHEDEN, type Eenheid as EenheidCode, TARIFF_EENHEDEN, type TariffEenheid as TariffEenheidCode } from "./eenheid.ts";
import { FREQUENTIES, type Frequentie as FrequentieCode } from "./frequentie.ts";
import { PRODUCTCATEGORIEEN, type Productcategorie as ProductcategorieCode } from "./productcategorie.ts";
import {
  ADDRESSEES,
  type Addressee as AddresseeCode,
  FRAMEWORK_STATUSES,
  type FrameworkStatus as FrameworkStatusCode,
  NATURES,
  type Nature as NatureCode,
  QUALITY_ELEMENTS,
  QUESTION_STATUSES,
  type QualityElement as QualityElementCode,
  type QuestionStatus as QuestionStatusCode,
  REVIEW_VERDICTS,
  type ReviewVerdict as ReviewVerdictCode,
  SEGMENT_IDS,
  type SegmentId as SegmentIdCode,
} from "./quality.ts";
import {
  REDENEN_WIJZIGING,
  type RedenBeeindiging as RedenBeeindigingCode,
  type RedenWijziging as RedenWijzigingCode,
  WMO_REDENEN_BEEINDIGING,
} from "./reden.ts";
import { RETOURCODES, type Retourcode as RetourcodeCode } from "./retourcodes.ts";
import { EVIDENCE_KINDS, type EvidenceKind as EvidenceKindCode } from "./evidence.ts";
import { ROLES, type Role as RoleCode } from "./role.ts";
import { VERWIJZERS, type Verwijzer as VerwijzerCode } from "./verwijzer.ts";
import { STANDAARDEN, type Standaard as StandaardCode, WETTEN, type Wet as WetCode } from "./wet.ts";

/** The zod enums of the code lists: schema and type under one name. The lists and labels are in the zod-free files. */
export const Wet = z.enum(WETTEN);
export type Wet = WetCode;
export const Standaard = z.enum(STANDAARDEN);
export type Standaard = StandaardCode;
export const Eenheid = z.enum(EENHEDEN);
export type Eenheid = EenheidCode;
/** The units the tariff model calculates with: a subset of Eenheid. */
export const TariffEenheid = z.enum(TARIFF_EENHEDEN);
export type TariffEenheid = TariffEenheidCode;
export const Frequentie = z.enum(FREQUENTIES);
export type Frequentie = FrequentieCode;
export const Verwijzer = z.enum(VERWIJZERS);
export type Verwijzer = VerwijzerCode;
export const RedenWijziging = z.enum(REDENEN_WIJZIGING);
export type RedenWijziging = RedenWijzigingCode;
export const RedenBeeindiging = z.enum(WMO_REDENEN_BEEINDIGING);
export type RedenBeeindiging = RedenBeeindigingCode;
export const Retourcode = z.enum(RETOURCODES);
export type Retourcode = RetourcodeCode;
export const Role = z.enum(ROLES);
export type Role = RoleCode;
export const EvidenceKind = z.enum(EVIDENCE_KINDS);
export type EvidenceKind = EvidenceKindCode;
export const Productcategorie = z.enum(PRODUCTCATEGORIEEN);
export type Productcategorie = ProductcategorieCode;
export const QualityElement = z.enum(QUALITY_ELEMENTS);
export type QualityElement = QualityElementCode;
export const Addressee = z.enum(ADDRESSEES);
export type Addressee = AddresseeCode;
export const Nature = z.enum(NATURES);
export type Nature = NatureCode;
export const SegmentId = z.enum(SEGMENT_IDS);
export type SegmentId = SegmentIdCode;
export const FrameworkStatus = z.enum(FRAMEWORK_STATUSES);
export type FrameworkStatus = FrameworkStatusCode;
export const ReviewVerdict = z.enum(REVIEW_VERDICTS);
export type ReviewVerdict = ReviewVerdictCode;
export const QuestionStatus = z.enum(QUESTION_STATUSES);
export type QuestionStatus = QuestionStatusCode;
