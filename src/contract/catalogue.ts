import { z } from "zod";
import { Eenheid, Wet } from "../domain/codes/schemas.ts";
import { PUBLIC, type RouteSpec, route } from "./route.ts";

/**
 * The catalogue routes of the API (public: the catalogue holds no personal data): productenboeken, products (search,
 * detail, versions), compare and export. Each schema and its type under one name.
 */

// ---------------------------------------------------------------------------------------------- code lists

/** the law of a product (src/domain/codes: the one list) */
export const Law = Wet;
export type Law = Wet;
/** iStandaarden WJ756 (LDT_Eenheid) */
export const UnitCode = Eenheid;
export type UnitCode = Eenheid;
export const SectionStatus = z.enum(["given", "volgt-nog", "niet-van-toepassing", "niet-vermeld"]);
export type SectionStatus = z.output<typeof SectionStatus>;
export const NoteKind = z.enum(["contradiction", "incomplete", "ambiguity", "remark"]);
export type NoteKind = z.output<typeof NoteKind>;
export const ProductKind = z.enum([
  "begeleiding-individueel",
  "begeleiding-specialistisch",
  "begeleiding-intensief",
  "begeleiding-groep",
  "dagbesteding",
  "vervoer",
  "persoonlijke-verzorging",
  "kortdurend-verblijf",
  "verblijf",
  "beschermd-wonen",
  "pleegzorg",
  "gezinshuis",
  "behandeling",
  "behandeling-ggz",
  "diagnostiek",
  "crisis",
  "huishoudelijke-hulp",
  "jeugdhulp-ambulant",
  "overig",
]);
export type ProductKind = z.output<typeof ProductKind>;
/** staff levels of the rules */
export const Level = z.enum(["mbo1", "mbo2", "mbo3", "mbo4", "hbo5", "hbo", "wo"]);
export type Level = z.output<typeof Level>;

/** a real calendar date as JJJJ-MM-DD (2026-02-30 is not one) */
const calendarDate = z.string().refine((s) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}, "geen geldige datum (JJJJ-MM-DD)");

// ---------------------------------------------------------------------------------------------- requests

const productCode = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().regex(/^[0-9]{2}[0-9A-Z]{3}$/, "een productcode is 5 tekens, zoals 02A03"));

/** Query parameters of a product search, as they arrive from the API or the CLI (strings). */
export const ProductSearchParams = z
  .object({
    q: z.string().trim().min(1, "zoekterm is leeg").max(200, "zoekterm is langer dan 200 tekens").optional(),
    law: Law.optional(),
    unit: z.union([UnitCode, z.literal("none")]).optional(),
    productcategorie: z
      .string()
      .regex(/^[0-9]{2}$/, "productcategorie is 2 cijfers, zoals 02")
      .optional(),
    code: productCode.optional(),
    productenboek: z
      .string()
      .regex(/^[a-z0-9-]+$/, "onbekend productenboek-id")
      .optional(),
    kind: ProductKind.optional(),
    asOf: calendarDate.optional(),
    sort: z.enum(["relevance", "code", "name", "productenboek"]).optional(),
    limit: z.coerce.number().int("limit is een geheel getal").min(1, "limit is minimaal 1").max(500, "limit is hoogstens 500").default(50),
    offset: z.coerce.number().int("offset is een geheel getal").min(0, "offset is minimaal 0").default(0),
  })
  .strict();
export type ProductSearchParams = z.input<typeof ProductSearchParams>;

/** `?asOf=JJJJ-MM-DD`: the catalogue as it was (or will be) on that day; default today. */
export const AsOfQuery = z.object({ asOf: calendarDate.optional() }).strict();
export type AsOfQuery = z.input<typeof AsOfQuery>;

/** Exactly one of ids (2 to 10, comma separated), code (across productenboeken) or kind. */
export const CompareQuery = z
  .object({
    ids: z.string().optional(),
    code: z.string().optional(),
    kind: z.string().optional(),
    asOf: z.string().optional(),
  })
  .strict();
export type CompareQuery = z.input<typeof CompareQuery>;

export const ExportQuery = z
  .object({
    format: z.enum(["json", "csv", "xlsx"]).default("json"),
    asOf: calendarDate.optional(),
  })
  .strict();
export type ExportQuery = z.input<typeof ExportQuery>;

export const IdParams = z.object({ id: z.string() });

// ---------------------------------------------------------------------------------------------- answers

export const Reading = z.object({ asWritten: z.string(), line: z.number().int(), value: z.string().nullable() });
export type Reading = z.output<typeof Reading>;

export const Note = z.object({ kind: NoteKind, text: z.string(), line: z.number().int().nullable(), readings: z.array(Reading) });
export type Note = z.output<typeof Note>;

export const Section = z.object({ status: SectionStatus, line: z.number().int().nullable(), asWritten: z.string().nullable() });
export type Section = z.output<typeof Section>;

export const Unit = z.object({
  code: UnitCode.nullable(),
  status: SectionStatus,
  asWritten: z.string().nullable(),
  line: z.number().int().nullable(),
  /** extra semantics a document defines for the unit (e.g. 004: a dagdeel is 2.5 to 4.5 hours) */
  definition: z
    .object({
      minHours: z.number().nullable(),
      maxHours: z.number().nullable(),
      overMaxCountsAs: z.number().int().nullable(),
      text: z.string(),
    })
    .nullable(),
});
export type Unit = z.output<typeof Unit>;

/** A rule of the requirements language (docs/catalogue-authoring.md): `op` and its own fields, nested in all/any/not. */
export const Rule = z.looseObject({ op: z.string() });
export type Rule = z.output<typeof Rule>;

export const Requirement = z.object({
  topic: z.string(),
  asWritten: z.string(),
  line: z.number().int(),
  rule: Rule,
  law: Law.optional(),
});
export type Requirement = z.output<typeof Requirement>;

export const Attributes = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

/** What names a product: the same fields in the full product and in its headline. */
const productIdentity = {
  name: z.string(),
  kind: ProductKind,
  law: Law,
  productcategorie: z.string().nullable(),
  productcode: z.string().nullable(),
  codeStatus: z.enum(["given", "pending"]),
  codeAsWritten: z.string(),
  variant: z.string().nullable(),
};

/** A product as Kader knows it: one per (productenboek, law, productcode, variant). */
export const Product = z.object({
  id: z.string(),
  productenboekId: z.string(),
  ...productIdentity,
  unit: Unit,
  description: z.string(),
  source: z.object({ file: z.string(), line: z.number().int(), endLine: z.number().int().nullable() }),
  sections: z.record(z.string(), Section),
  requirements: z.array(Requirement),
  notes: z.array(Note),
  attributes: Attributes,
  /** other products expanded from the same description (e.g. the Jeugd twin of a Wmo product) */
  siblings: z.array(z.string()),
});
export type Product = z.output<typeof Product>;

const Meaning = z.enum(["average", "maximum"]);
/** The headline figures of a product, projected from its firm rules (the list and export view). */
export const ProductHeadline = z.object({
  id: z.string(),
  ...productIdentity,
  unit: UnitCode.nullable(),
  unitStatus: SectionStatus,
  unitAsWritten: z.string().nullable(),
  staffing: z
    .object({
      minShareAtOrAbove: z.array(z.object({ level: Level, share: z.number() })),
      restAtLeast: Level.nullable(),
      functionMix: z.partialRecord(Level, z.number()).nullable(),
      allowedLevels: z.array(Level).nullable(),
    })
    .nullable(),
  groupSize: z.object({ clientsPerStaff: z.number(), meaning: z.enum(["average", "maximum", "tariff-assumption", "ratio"]) }).nullable(),
  clientsPerGroup: z.object({ clients: z.number(), meaning: Meaning }).nullable(),
  ageRange: z.object({ minAge: z.number().nullable(), maxAgeExclusive: z.number().nullable() }).nullable(),
  available24x7: z.boolean(),
  startWithinHours: z.number().nullable(),
  responseMinutes: z.number().nullable(),
  evaluationEveryMonths: z.number().nullable(),
  maxDurationMonths: z.number().nullable(),
  maxDurationWeeks: z.number().nullable(),
  description: z.string(),
});

/** A product in a list: its headline figures, what is still pending or contested, and where it is written. */
export const ProductSummary = ProductHeadline.extend({
  productenboekId: z.string(),
  sectionsPending: z.array(z.string()),
  contestedTopics: z.array(z.string()),
  notes: z.number().int(),
  requirementCount: z.number().int(),
  /** the topics of the requirements, for lists; the detail view renders the requirements themselves */
  topics: z.array(z.string()),
  source: z.object({ file: z.string(), line: z.number().int() }),
});
export type ProductSummary = z.output<typeof ProductSummary>;

export const SearchPage = z.object({ items: z.array(ProductSummary), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });
export type SearchPage = z.output<typeof SearchPage>;

export const ProductDetail = z.object({
  product: Product,
  summary: ProductSummary,
  version: z.number().int(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  requirements: z.array(z.object({ topic: z.string(), text: z.string(), asWritten: z.string(), line: z.number().int() })),
  siblings: z.array(z.object({ id: z.string(), law: Law, productcode: z.string().nullable() })),
});
export type ProductDetail = z.output<typeof ProductDetail>;

export const Table = z.object({
  title: z.string(),
  line: z.number().int(),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  notes: z.array(Note),
});
export type Table = z.output<typeof Table>;

/** A productenboek (or programma van eisen) as its source document describes it. */
export const ProductenboekInfo = z.object({
  id: z.string(),
  title: z.string(),
  source: z.string(),
  documentType: z.enum(["productenboek", "programma-van-eisen"]),
  issuer: z.object({
    region: z.string().nullable(),
    gemeenten: z.array(z.object({ name: z.string(), gemeentecode: z.string().nullable() })),
    asWritten: z.string().nullable(),
    line: z.number().int().nullable(),
  }),
  version: z.object({
    label: z.string().nullable(),
    date: z.string().nullable(),
    status: z.enum(["concept", "definitief", "onbekend"]),
    line: z.number().int().nullable(),
  }),
  validFrom: z.string(),
  laws: z.array(Law),
  uitvoeringsvariant: z.enum(["inspanningsgericht", "outputgericht", "taakgericht"]).nullable(),
  description: z.string(),
  notes: z.array(Note),
  tables: z.record(z.string(), Table),
});

/** A productenboek in the list: with the number of its products in force. */
export const Productenboek = ProductenboekInfo.extend({ productCount: z.number().int() });
export type Productenboek = z.output<typeof Productenboek>;

export const ProductenboekList = z.object({ items: z.array(Productenboek), total: z.number().int() });
export type ProductenboekList = z.output<typeof ProductenboekList>;

/** One productenboek with the ids of its products and their summaries (at most 500). */
export const ProductenboekDetail = ProductenboekInfo.extend({ productIds: z.array(z.string()), products: z.array(ProductSummary) });
export type ProductenboekDetail = z.output<typeof ProductenboekDetail>;

export const VersionInfo = z.object({
  version: z.number().int(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  hash: z.string(),
  loadedAt: z.string(),
});
export type VersionInfo = z.output<typeof VersionInfo>;

export const ProductVersions = z.object({ id: z.string(), versions: z.array(VersionInfo) });
export type ProductVersions = z.output<typeof ProductVersions>;

/** One aspect of the products side by side; `differs` marks rows whose values are not all the same. */
export const ComparisonRow = z.object({ aspect: z.string(), label: z.string(), values: z.array(z.string().nullable()), differs: z.boolean() });
export type ComparisonRow = z.output<typeof ComparisonRow>;

export const Comparison = z.object({
  products: z.array(
    z.object({ id: z.string(), productenboekId: z.string(), name: z.string(), productcode: z.string().nullable(), law: Law, variant: z.string().nullable() }),
  ),
  rows: z.array(ComparisonRow),
});
export type Comparison = z.output<typeof Comparison>;

/** A product in the open export format kader.productenboek/v1 (docs/productenboek-format.md). */
export const ExportProduct = ProductHeadline.extend({
  unitDefinition: Unit.shape.definition,
  sections: z.record(z.string(), Section),
  requirements: z.array(z.object({ topic: z.string(), text: z.string(), asWritten: z.string(), line: z.number().int(), rule: Rule })),
  notes: z.array(Note),
  attributes: Attributes,
  siblings: z.array(z.string()),
  source: z.object({ file: z.string(), line: z.number().int(), endLine: z.number().int().nullable() }),
});
export type ExportProduct = z.output<typeof ExportProduct>;

export const ExportDocument = z.object({
  /** kader.productenboek/v1 */
  format: z.string(),
  asOf: z.string(),
  productenboeken: z.array(ProductenboekInfo.extend({ products: z.array(ExportProduct) })),
});
export type ExportDocument = z.output<typeof ExportDocument>;

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// ---------------------------------------------------------------------------------------------- routes

export const catalogueRoutes = {
  listProductenboeken: route({
    method: "GET",
    path: "/api/v1/productenboeken",
    summary: "Productenboeken met het aantal producten (asOf: de stand op die datum)",
    query: AsOfQuery,
    queryParsedBy: "use-case",
    response: ProductenboekList,
    errors: [400],
    access: PUBLIC,
  }),
  getProductenboek: route({
    method: "GET",
    path: "/api/v1/productenboeken/:id",
    summary: "Eén productenboek met zijn producten",
    params: IdParams,
    query: AsOfQuery,
    queryParsedBy: "use-case",
    response: ProductenboekDetail,
    errors: [400, 404],
    access: PUBLIC,
  }),
  searchProducts: route({
    method: "GET",
    path: "/api/v1/products",
    summary: "Producten zoeken en filteren (wet, eenheid, productcategorie, code, productenboek, soort, asOf), gepagineerd",
    query: ProductSearchParams,
    queryParsedBy: "use-case",
    response: SearchPage,
    errors: [400],
    access: PUBLIC,
  }),
  getProduct: route({
    method: "GET",
    path: "/api/v1/products/:id",
    summary: "Eén product: de eisen in het Nederlands met bronregel, de samenvatting en de versie",
    params: IdParams,
    query: AsOfQuery,
    queryParsedBy: "use-case",
    response: ProductDetail,
    errors: [400, 404],
    access: PUBLIC,
  }),
  listProductVersions: route({
    method: "GET",
    path: "/api/v1/products/:id/versions",
    summary: "De versies van een product (geldig van/tot)",
    params: IdParams,
    response: ProductVersions,
    errors: [404],
    access: PUBLIC,
  }),
  compareProducts: route({
    method: "GET",
    path: "/api/v1/compare",
    summary: "Producten naast elkaar: precies één van ids (2 tot 10), code (over productenboeken heen) of kind",
    query: CompareQuery,
    queryParsedBy: "use-case",
    response: Comparison,
    errors: [400, 404],
    access: PUBLIC,
  }),
  exportCatalogue: route({
    method: "GET",
    path: "/api/v1/export",
    summary: "Export (kader.productenboek/v1 als JSON, of CSV/XLSX met één rij per product)",
    query: ExportQuery,
    queryParsedBy: "use-case",
    response: ExportDocument,
    files: ["text/csv", XLSX],
    errors: [400],
    access: PUBLIC,
  }),
} as const satisfies Record<string, RouteSpec>;
