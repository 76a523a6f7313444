/**
 * The two laws of the care chain and the iStandaard that goes with each: the Wmo 2015 with iWmo, the Jeugdwet with iJw.
 * Defined once here; zod-free, so the web app imports the labels as values (the zod enums are in ./schemas.ts).
 */
export const WETTEN = ["wmo", "jeugdwet"] as const;
export type Wet = (typeof WETTEN)[number];
export const wetLabel: Record<Wet, string> = { wmo: "Wmo 2015", jeugdwet: "Jeugdwet" };

/** The iStandaarden: iWmo (Wmo 2015) and iJw (Jeugdwet), release 3.2. */
export const STANDAARDEN = ["iwmo", "ijw"] as const;
export type Standaard = (typeof STANDAARDEN)[number];
export const standaardLabel: Record<Standaard, string> = { iwmo: "iWmo", ijw: "iJw" };

export const standaardOfWet: Record<Wet, Standaard> = { wmo: "iwmo", jeugdwet: "ijw" };
export const wetOfStandaard: Record<Standaard, Wet> = { iwmo: "wmo", ijw: "jeugdwet" };

/** The prefix of a message's name in each standard: WMO301, JW301. */
export const berichtPrefix = { iwmo: "WMO", ijw: "JW" } as const satisfies Record<Standaard, string>;
export type BerichtPrefix = (typeof berichtPrefix)[Standaard];

/** The standard a message name (WMO301, JW323) belongs to; iWmo when the name is unknown. */
export const standaardOfBericht = (berichtNaam: string | null | undefined): Standaard => (berichtNaam?.startsWith(berichtPrefix.ijw) ? "ijw" : "iwmo");
