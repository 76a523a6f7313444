import { z } from "zod";
import { TariffEenheid } from "../codes/schemas.ts";

/** Staff levels a tariff can be built on (the catalogue's finer levels map to these, see model.ts). */
export const TariffLevel = z.enum(["mbo2", "mbo3", "mbo4", "hbo", "wo"]);
export type TariffLevel = z.infer<typeof TariffLevel>;

const fraction = (name: string) =>
  z
    .number({ error: `${name} is een getal (0,05 = 5%)` })
    .min(0, `${name} mag niet negatief zijn`)
    .max(1, `${name} is een fractie tussen 0 en 1 (boven 100% kan niet)`);

/**
 * The named, versioned parameters of the default tariff model (docs/tariefmodel.md). Money in whole cents; shares as
 * fractions. Example values ship in tarieven/ and are examples, not CAO figures.
 */
export const TariffParameters = z
  .object({
    peiljaar: z.number().int().min(2000).max(2100),
    /** a label for the set, e.g. "voorbeeld 2026" */
    naam: z.string().min(1).max(200).optional(),
    salarissen: z.partialRecord(
      TariffLevel,
      z.object({ maandsalaris: z.number().int("maandsalaris in hele centen").positive("maandsalaris moet positief zijn") }).strict(),
    ),
    vakantiegeld: fraction("vakantiegeld"),
    eindejaarsuitkering: fraction("eindejaarsuitkering"),
    werkgeverslasten: fraction("werkgeverslasten"),
    ort: fraction("ort"),
    contracturenPerJaar: z.number().positive("contracturenPerJaar moet positief zijn").max(3000, "contracturenPerJaar is hoogstens 3000"),
    nietProductief: z.record(z.string().min(1), fraction("nietProductief")).refine((r) => Object.values(r).reduce((a, b) => a + b, 0) < 1, {
      message: "de niet-productieve tijd samen moet kleiner zijn dan 100%",
    }),
    overhead: fraction("overhead"),
    kapitaallasten: fraction("kapitaallasten"),
    leegstand: fraction("leegstand"),
    risico: fraction("risico"),
    indexatie: z.number().min(-0.5, "indexatie is minimaal -50%").max(1, "indexatie is hoogstens 100%"),
    dagdeelUren: z.number().positive().max(12),
    /** the unit per product id where the productenboek states none (01 minuut, 04 uur, 16 dagdeel) */
    eenheden: z.record(z.string().min(1), TariffEenheid).default({}),
    /** function mix per product id, overriding what the product description implies */
    mix: z
      .record(
        z.string().min(1),
        z.partialRecord(TariffLevel, fraction("mix")).refine((m) => Math.abs(Object.values(m).reduce((a, b) => a + (b ?? 0), 0) - 1) < 1e-9, {
          message: "een mix telt op tot 100%",
        }),
      )
      .default({}),
  })
  .strict();
export type TariffParameters = z.output<typeof TariffParameters>;
