export type Law = "wmo" | "jeugdwet";
export type UnitCode = "01" | "04" | "14" | "16" | "82" | "83" | "84";
export type SectionStatus = "given" | "volgt-nog" | "niet-van-toepassing" | "niet-vermeld";
export type NoteKind = "contradiction" | "incomplete" | "ambiguity" | "remark";

export interface Reading {
  asWritten: string;
  line: number;
  value: string | null;
}

export interface Note {
  kind: NoteKind;
  text: string;
  line: number | null;
  readings: Reading[];
}

export interface Productenboek {
  id: string;
  title: string;
  source: string;
  documentType: "productenboek" | "programma-van-eisen" | string;
  issuer: { region: string | null; gemeenten: { name: string; gemeentecode: string }[]; asWritten: string | null; line: number | null };
  version: { label: string | null; date: string | null; status: "concept" | "definitief" | "onbekend" | string; line: number | null };
  validFrom: string;
  laws: Law[];
  uitvoeringsvariant: string | null;
  description: string;
  notes: Note[];
  productCount: number;
}

export interface ProductSummary {
  id: string;
  productenboekId: string;
  name: string;
  kind: string;
  law: Law;
  productcategorie: string | null;
  productcode: string | null;
  codeStatus: "given" | "pending";
  codeAsWritten: string;
  variant: string | null;
  unit: UnitCode | null;
  unitStatus: SectionStatus;
  unitAsWritten: string | null;
  sectionsPending: string[];
  contestedTopics: string[];
  notes: number;
  requirementCount: number;
  topics: string[];
  description: string;
  source: { file: string; line: number };
}

export interface SearchPage {
  items: ProductSummary[];
  total: number;
  limit: number;
  offset: number;
}

export interface Section {
  status: SectionStatus;
  line: number | null;
  asWritten: string | null;
}

export interface Product {
  id: string;
  productenboekId: string;
  name: string;
  kind: string;
  law: Law;
  productcategorie: string | null;
  productcode: string | null;
  codeStatus: "given" | "pending";
  codeAsWritten: string;
  variant: string | null;
  unit: {
    code: UnitCode | null;
    status: SectionStatus;
    asWritten: string | null;
    line: number | null;
    definition: { text: string } | null;
  };
  description: string;
  source: { file: string; line: number; endLine: number | null };
  sections: Record<string, Section>;
  notes: Note[];
  attributes: Record<string, string | number | boolean>;
  siblings: string[];
}

export interface ProductDetail {
  product: Product;
  summary: ProductSummary;
  version: number;
  validFrom: string;
  validTo: string | null;
  requirements: { topic: string; text: string; asWritten: string; line: number }[];
  siblings: { id: string; law: Law; productcode: string | null }[];
}

export interface Comparison {
  products: { id: string; productenboekId: string; name: string; productcode: string | null; law: Law; variant: string | null }[];
  rows: { aspect: string; label: string; values: (string | null)[]; differs: boolean }[];
}
