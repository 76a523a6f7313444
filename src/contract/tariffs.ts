import { z } from "zod";
import { TariffEenheid } from "../domain/codes/schemas.ts";
import { PUBLIC, type RouteSpec, route } from "./route.ts";

/**
 * The tariff routes of the API: calculations on public catalogue data with the caller's parameters (nothing is
 * stored; no personal data). Money in whole cents, shares as fractions, exact figures as decimal strings
 * (docs/tariefmodel.md). Each schema and its type under one name.
 */

/** Staff levels a tariff can be built on */
export const TariffLevel = z.enum(["mbo2", "mbo3", "mbo4", "hbo", "wo"]);
export type TariffLevel = z.output<typeof TariffLevel>;
/** the units of the default model: 01 minuut, 04 uur, 16 dagdeel */
export const TariffUnit = TariffEenheid;
export type TariffUnit = z.output<typeof TariffUnit>;

/**
 * The named parameters of the tariff model, as a request carries them. The use case checks them as a whole with the
 * model's own schema (src/domain/tariffs/parameters.ts: ranges, sums, Dutch problems naming each field); this is
 * their shape for the OpenAPI document and the typed client.
 */
export const TariffParameters = z.object({
  peiljaar: z.number().int(),
  /** a label for the set, e.g. "voorbeeld 2026" */
  naam: z.string().optional(),
  salarissen: z.partialRecord(TariffLevel, z.object({ maandsalaris: z.number().int() })),
  vakantiegeld: z.number(),
  eindejaarsuitkering: z.number(),
  werkgeverslasten: z.number(),
  ort: z.number(),
  contracturenPerJaar: z.number(),
  nietProductief: z.record(z.string(), z.number()),
  overhead: z.number(),
  kapitaallasten: z.number(),
  leegstand: z.number(),
  risico: z.number(),
  indexatie: z.number(),
  dagdeelUren: z.number(),
  /** the unit per product id where the productenboek states none */
  eenheden: z.record(z.string(), TariffUnit).default({}),
  /** function mix per product id, overriding what the product description implies */
  mix: z.record(z.string(), z.partialRecord(TariffLevel, z.number())).default({}),
});
/** a complete set (as the model reads it; a request may leave out `eenheden` and `mix`) */
export type TariffParameters = z.output<typeof TariffParameters>;

export const CalculateTariffRequest = z.object({ productId: z.string(), parameters: TariffParameters });
export type CalculateTariffRequest = z.input<typeof CalculateTariffRequest>;
export const TariffParametersRequest = z.object({ parameters: TariffParameters });
export type TariffParametersRequest = z.input<typeof TariffParametersRequest>;
export const ScenarioRequest = z.object({ a: TariffParameters, b: TariffParameters });
export type ScenarioRequest = z.input<typeof ScenarioRequest>;

/** `?format=xlsx` for the calculating workbook; anything else answers JSON */
export const TariffBookQuery = z.object({ format: z.enum(["json", "xlsx"]).optional().catch(undefined) });
export type TariffBookQuery = z.input<typeof TariffBookQuery>;

export const ProductenboekParams = z.object({ id: z.string() });

export const TariffStep = z.object({
  naam: z.string(),
  /** exact, as a decimal string with a point */
  waarde: z.string(),
  formule: z.string(),
  kostenpost: z.enum(["beroepskracht", "niet-productieve uren", "overhead", "kapitaallasten, leegstand en risico", "indexatie", "groepsgrootte", "eenheid"]),
});
export type TariffStep = z.output<typeof TariffStep>;

export const TariffResult = z.discriminatedUnion("ok", [
  z.object({
    ok: z.literal(true),
    productId: z.string(),
    eenheid: TariffUnit,
    /** rounded half up to whole cents, once, at the end */
    tariefPerEenheid: z.number().int(),
    uurtarief: z.string(),
    mix: z.partialRecord(TariffLevel, z.number()),
    mixSource: z.string(),
    stappen: z.array(TariffStep),
  }),
  /** what the model lacks to compute the product */
  z.object({ ok: z.literal(false), productId: z.string(), onbekend: z.array(z.string()) }),
]);
export type TariffResult = z.output<typeof TariffResult>;

export const TariffBook = z.object({ productenboek: z.string(), results: z.array(TariffResult) });
export type TariffBook = z.output<typeof TariffBook>;

/** b − a in cents; null where a product has no tariff */
export const TariffDifference = z.object({
  productId: z.string(),
  a: z.number().int().nullable(),
  b: z.number().int().nullable(),
  verschil: z.number().int().nullable(),
});
export type TariffDifference = z.output<typeof TariffDifference>;

export const TariffScenario = z.object({ rows: z.array(TariffDifference) });
export type TariffScenario = z.output<typeof TariffScenario>;

export const TariffSensitivity = z.object({ variants: z.array(z.object({ variant: z.string(), rows: z.array(TariffDifference) })) });
export type TariffSensitivity = z.output<typeof TariffSensitivity>;

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const tariffsRoutes = {
  calculateTariff: route({
    method: "POST",
    path: "/api/v1/tarieven/bereken",
    summary: "Tarief van één product met elke stap (docs/tariefmodel.md)",
    body: CalculateTariffRequest,
    bodyParsedBy: "use-case",
    response: TariffResult,
    errors: [400, 404, 413],
    access: PUBLIC,
  }),
  calculateProductenboekTariffs: route({
    method: "POST",
    path: "/api/v1/tarieven/productenboeken/:id",
    summary: "Tarieven van een productenboek; ?format=xlsx voor de rekenende werkmap",
    params: ProductenboekParams,
    query: TariffBookQuery,
    body: TariffParametersRequest,
    bodyParsedBy: "use-case",
    response: TariffBook,
    files: [XLSX],
    errors: [400, 404, 413],
    access: PUBLIC,
  }),
  compareTariffScenarios: route({
    method: "POST",
    path: "/api/v1/tarieven/productenboeken/:id/scenario",
    summary: "Twee parametersets vergeleken: per product het verschil in centen",
    params: ProductenboekParams,
    body: ScenarioRequest,
    bodyParsedBy: "use-case",
    response: TariffScenario,
    errors: [400, 404, 413],
    access: PUBLIC,
  }),
  tariffSensitivity: route({
    method: "POST",
    path: "/api/v1/tarieven/productenboeken/:id/gevoeligheid",
    summary: "Effect van +1 punt ziekte, overhead en HBO-aandeel op elk tarief",
    params: ProductenboekParams,
    body: TariffParametersRequest,
    bodyParsedBy: "use-case",
    response: TariffSensitivity,
    errors: [400, 404, 413],
    access: PUBLIC,
  }),
} as const satisfies Record<string, RouteSpec>;
