/** COD327 / LDT_TypeVerwijzer: who referred the client. Zod-free (the enum is in ./schemas.ts). */
export const VERWIJZERS = ["01", "02", "03", "04", "05", "06", "08"] as const;
export type Verwijzer = (typeof VERWIJZERS)[number];
export const verwijzerLabel: Record<Verwijzer, string> = {
  "01": "gemeente",
  "02": "huisarts",
  "03": "jeugdarts",
  "04": "gecertificeerde instelling",
  "05": "medisch specialist",
  "06": "zelfverwijzer of geen verwijzer",
  "08": "rechter, officier van justitie of justitiële jeugdinrichting",
};
