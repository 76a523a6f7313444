/**
 * A conversion plan: how running toewijzingen move to the products of a new productenboek on one change date,
 * without new beschikkingen (docs/conversie.md). Data, validated by zod; computed by `proposeConversion`.
 */
import { z } from "zod";
import { Eenheid, Frequentie, Wet } from "../care/codes.ts";

const IsoDate = z.iso.date({ error: "een datum als JJJJ-MM-DD" });
const Categorie = z.string().regex(/^[0-9]{2}$/, "een productcategorie is 2 cijfers");

/** A quote from the source document with its line (checked against the document by a test). */
export const Bron = z.object({ asWritten: z.string().min(1), line: z.number().int().positive() }).strict();
export type Bron = z.infer<typeof Bron>;

/**
 * Which running toewijzingen a rule takes: by productcode and/or by the product id (a label) they were granted with.
 * Old products that are not in the catalogue (the interventieniveaus) are recognised by their label.
 */
export const Van = z
  .object({
    naam: z.string().min(1),
    productcodes: z.array(z.string().regex(/^[0-9A-Z]{5}$/, "een productcode is 5 tekens")).default([]),
    productIds: z.array(z.string().min(1)).default([]),
    wet: Wet.optional(),
  })
  .strict()
  .refine((v) => v.productcodes.length + v.productIds.length > 0, { message: "noem minstens één productcode of product-id" });
export type Van = z.infer<typeof Van>;

/** How a reported figure becomes the new toewijzing's volume: the period the provider reports in and the new frequentie. */
export const Volume = z
  .object({
    /** the period the uitvraag asks the figure for */
    uitvraagPer: z.enum(["week", "maand"]),
    /** WMO757 of the new toewijzing: 2 per week, 4 per maand */
    frequentie: Frequentie.refine((f) => f === "2" || f === "4", { message: "alleen per week (2) of per maand (4)" }),
  })
  .strict();
export type Volume = z.infer<typeof Volume>;

/**
 * A target of the conversion. `product` (and `productLang`) are catalogue product ids with `{wet}` for the law;
 * where a target has a short and a long variant the remaining duration decides (≤ 12 months: kort). `categorie`
 * is the ProductCategorie a 301 carries while the product has no code yet (aspecifieke toewijzing).
 */
export const Doel = z
  .object({
    naam: z.string().min(1),
    product: z.string().includes("{wet}"),
    /** the long variant; null: the target has only the short one (longer durations need a person's decision) */
    productLang: z.string().includes("{wet}").nullable().optional(),
    categorie: z.object({ wmo: Categorie, jeugdwet: Categorie }).strict(),
    /** WJ756 where the catalogue names no unit for the product (vervoer: "per inwoner per dag" → 84 stuks) */
    eenheid: Eenheid.optional(),
  })
  .strict();
export type Doel = z.infer<typeof Doel>;

const Band = z.object({ totKm: z.number().int().positive(), doel: z.string() }).strict();

export const Regel = z.discriminatedUnion("soort", [
  /** one old product → one target; the volume from the reported hours */
  z.object({ soort: z.literal("vast"), id: z.string(), van: Van, doel: z.string(), volume: Volume, bron: z.array(Bron).min(1) }).strict(),
  /**
   * the provider reports hours per old level; each level maps to a target. `meeste-uren`: the whole volume goes to
   * the target with most hours (a tie is for a person); `splitsen`: one new toewijzing per target with hours.
   */
  z
    .object({
      soort: z.literal("uren-per-niveau"),
      id: z.string(),
      van: Van,
      niveaus: z.record(z.string().regex(/^[0-9]{1,2}$/), z.string()),
      keuze: z.enum(["meeste-uren", "splitsen"]),
      volume: Volume,
      bron: z.array(Bron).min(1),
    })
    .strict(),
  /** dagbesteding: dagdelen from reported presence, the module from the answer, vervoer by distance band */
  z
    .object({
      soort: z.literal("dagbesteding"),
      id: z.string(),
      van: Van,
      modules: z.record(z.string().regex(/^M[0-9]$/), z.string()),
      volume: Volume,
      vervoer: z.object({ regulier: z.array(Band).min(1), rolstoel: z.array(Band).min(1), frequentie: Frequentie }).strict(),
      bron: z.array(Bron).min(1),
    })
    .strict(),
]);
export type Regel = z.infer<typeof Regel>;

export const OpenPunt = z.object({ tekst: z.string().min(1), line: z.number().int().positive().nullable() }).strict();

export const ConversiePlan = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, "kleine letters, cijfers en streepjes"),
    titel: z.string().min(1),
    productenboek: z.string().min(1),
    document: z.string().min(1),
    wijzigingsdatum: IsoDate,
    uitvraagVanaf: IsoDate.nullable(),
    /** LDT_RedenWijziging on the ended toewijzingen: 10 overgang naar nieuwe bekostigingssystematiek */
    redenWijziging: z.literal("10"),
    /** the uitvraag looks back over this many months (the period the figures are averaged over) */
    uitvraagMaanden: z.number().int().min(1).max(12),
    doelen: z.record(z.string(), Doel),
    regels: z.array(Regel).min(1),
    openPunten: z.array(OpenPunt),
    bron: z.array(Bron),
  })
  .strict()
  .superRefine((p, ctx) => {
    const targets = (r: Regel): [string, string][] =>
      r.soort === "vast"
        ? [["doel", r.doel]]
        : r.soort === "uren-per-niveau"
          ? Object.entries(r.niveaus).map(([k, d]) => [`niveaus.${k}`, d])
          : [
              ...Object.entries(r.modules).map(([k, d]): [string, string] => [`modules.${k}`, d]),
              ...r.vervoer.regulier.map((b, i): [string, string] => [`vervoer.regulier.${i}.doel`, b.doel]),
              ...r.vervoer.rolstoel.map((b, i): [string, string] => [`vervoer.rolstoel.${i}.doel`, b.doel]),
            ];
    p.regels.forEach((r, i) => {
      for (const [path, d] of targets(r))
        if (!p.doelen[d]) ctx.addIssue({ code: "custom", message: `onbekend doel "${d}"`, path: ["regels", i, ...path.split(".")] });
      if (r.soort === "dagbesteding")
        for (const kind of ["regulier", "rolstoel"] as const)
          r.vervoer[kind].forEach((b, j) => {
            if (j > 0 && b.totKm <= r.vervoer[kind][j - 1]!.totKm)
              ctx.addIssue({ code: "custom", message: "kilometerbanden oplopend", path: ["regels", i, "vervoer", kind, j, "totKm"] });
          });
    });
    const ids = p.regels.map((r) => r.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: "custom", message: `regel-id "${id}" komt twee keer voor`, path: ["regels", i, "id"] });
    });
  });
export type ConversiePlan = z.infer<typeof ConversiePlan>;
