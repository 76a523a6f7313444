import { z } from "zod";
import { isValidBsn } from "./bsn.ts";

/** The plain values of the care chain's requests, as zod schemas: the domain and the contract use these. */
export const Gemeentecode = z.string().regex(/^[0-9]{4}$/, "een gemeentecode (CBS) is 4 cijfers");
export const AgbCode = z.string().regex(/^[0-9]{8}$/, "een AGB-code is 8 cijfers");
export const IsoDateString = z.iso.date({ error: "een datum als JJJJ-MM-DD" });
/** A burgerservicenummer: nine digits that pass the elfproef. */
export const Bsn = z.string().refine(isValidBsn, "geen geldig BSN (9 cijfers en de elfproef)");

/** Control characters (U+0000–U+001F, U+007F) never belong in the care chain's text: they break storage and screens. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
