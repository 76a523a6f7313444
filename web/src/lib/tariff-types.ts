// Tariffs (/tarieven; docs/tariefmodel.md): money in whole cents, shares as fractions, exact figures as decimal strings.
// The contract's types (src/contract/tariffs.ts), nothing copied by hand.
export type {
  TariffBook,
  TariffDifference,
  TariffLevel,
  TariffParameters,
  TariffResult,
  TariffSensitivity,
  TariffStep,
  TariffUnit,
} from "../../../src/contract/tariffs.ts";
