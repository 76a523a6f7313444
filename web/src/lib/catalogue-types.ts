/** The catalogue's API shapes: the contract's types (src/contract/catalogue.ts), nothing copied by hand. */
export type {
  Comparison,
  Law,
  Note,
  NoteKind,
  Product,
  ProductDetail,
  Productenboek,
  ProductSummary,
  Reading,
  SearchPage,
  Section,
  SectionStatus,
  UnitCode,
} from "../../../src/contract/catalogue.ts";
