import { z } from "zod";
import { isValidBsn } from "../care/bsn.ts";
import { AgbCode, CONTROL_CHARACTER, Eenheid, Gemeentecode, IsoDateString, Wet } from "../care/codes.ts";
import { isWholeMonth } from "../care/period.ts";

/**
 * A declaratie as Kader reads it (JSON, CSV or — later — a WMO323/JW323 message): one aanbieder, one gemeente, one
 * law, one calendar month. Amounts and tariffs in euro cents, volumes in whole units, as in the standard.
 * Documented in docs/zorgketen.md ("Declaratie-invoer").
 */
export const Bsn = z.string().refine(isValidBsn, { message: "ongeldig BSN (9 cijfers en de elfproef)" });

export { CONTROL_CHARACTER };
const Text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((v) => !CONTROL_CHARACTER.test(v), { message: "bevat een stuurteken (zoals U+0000); alleen gewone tekens zijn toegestaan" });

export const DagUren = z.object({ datum: IsoDateString, uren: z.number().nonnegative().max(24) }).strict();

export const Prestatie = z
  .object({
    referentienummer: Text(20),
    /** for a new debit that replaces a credited one */
    vorigReferentienummer: Text(20).nullable().default(null),
    bsn: Bsn,
    toewijzingnummer: z.string().regex(/^[0-9]{1,8}$/, "een toewijzingnummer is 1 tot 8 cijfers"),
    productcategorie: z.string().regex(/^[0-9]{2}$/, "een productcategorie is 2 cijfers"),
    productcode: z
      .string()
      .regex(/^[0-9A-Z]{5}$/, "een productcode is 5 tekens")
      .nullable()
      .default(null),
    begindatum: IsoDateString,
    einddatum: IsoDateString,
    geleverdVolume: z.number().int("het geleverde volume is een geheel getal").nonnegative(),
    eenheid: Eenheid,
    /** euro cents per unit */
    productTarief: z.number().int().nonnegative(),
    /** euro cents */
    bedrag: z.number().int().nonnegative(),
    debetCredit: z.enum(["D", "C"]),
    /** optional detail: hours per day (dagdelen are counted from it) */
    dagen: z.array(DagUren).optional(),
    /** optional detail: single-trip distance for vervoer */
    km: z.number().nonnegative().optional(),
  })
  .strict()
  .refine((p) => p.einddatum >= p.begindatum, { message: "de einddatum ligt vóór de begindatum", path: ["einddatum"] });
export type Prestatie = z.output<typeof Prestatie>;

export const Declaratie = z
  .object({
    declaratienummer: Text(12),
    aanbieder: AgbCode,
    gemeente: Gemeentecode,
    wet: Wet,
    periode: z.object({ begindatum: IsoDateString, einddatum: IsoDateString }).strict(),
    dagtekening: IsoDateString,
    /** net total in cents (debit minus credit); checked against the prestaties when given */
    totaalBedrag: z.number().int().optional(),
    prestaties: z.array(Prestatie).min(1, "een declaratie bevat minstens één prestatie"),
  })
  .strict()
  .refine((d) => isWholeMonth({ begin: d.periode.begindatum, end: d.periode.einddatum }), {
    message: "een declaratieperiode is één hele kalendermaand (eerste t/m laatste dag)",
    path: ["periode"],
  })
  .refine((d) => d.totaalBedrag === undefined || d.totaalBedrag === d.prestaties.reduce((s, p) => s + (p.debetCredit === "D" ? p.bedrag : -p.bedrag), 0), {
    message: "het totaalbedrag is niet de som van de prestaties (debet min credit)",
    path: ["totaalBedrag"],
  });
export type Declaratie = z.output<typeof Declaratie>;

/** The field names that hold a BSN: their values are never shown in a message, not even in part. */
const BSN_FIELDS = new Set(["bsn"]);
const EXCERPT = 40;
const excerpt = (v: string) => (v.length > EXCERPT ? `${v.slice(0, EXCERPT)}…` : v);

/**
 * A Dutch sentence for a problem with one value of a declaratie, from a zod issue parsed with `reportInput`: a value
 * that is there but wrong says what was found (a short excerpt, never more than 40 characters), an empty value says
 * it is empty, and only a value that is really absent is "verplicht". A BSN is never echoed: the message says that the
 * value in the field is not a valid BSN (docs/zorgketen.md, "Foutmeldingen").
 */
export function explainDeclaratieIssue(issue: z.core.$ZodIssue, explain: (i: z.core.$ZodIssue) => string): string {
  const field = String(issue.path.at(-1) ?? "");
  const input = (issue as { input?: unknown }).input;
  if (BSN_FIELDS.has(field)) {
    if (input === undefined) return "verplicht veld ontbreekt (het BSN van de cliënt)";
    if (input === "" || input === null) return "het BSN is leeg";
    if (typeof input === "string" && CONTROL_CHARACTER.test(input)) return "het BSN bevat een stuurteken (zoals U+0000)";
    return "de waarde is geen geldig BSN (9 cijfers en de elfproef)";
  }
  if (input === undefined) return explain(issue);
  if (input === "") return `de waarde is leeg — ${explain(issue)}`;
  if (typeof input === "string" && CONTROL_CHARACTER.test(input)) return "de waarde bevat een stuurteken (zoals U+0000); alleen gewone tekens zijn toegestaan";
  const shown = typeof input === "string" ? excerpt(input) : input;
  const text = explain({ ...issue, input: shown } as z.core.$ZodIssue);
  const found = typeof shown === "string" ? JSON.stringify(shown) : typeof shown === "number" || typeof shown === "boolean" ? String(shown) : null;
  return found !== null && !text.includes(found) ? `${found} is ongeldig: ${text}` : text;
}
