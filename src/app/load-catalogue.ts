import { createHash } from "node:crypto";
import type { Catalogue } from "../domain/catalogue/product.ts";
import { planVersions } from "../domain/catalogue/versioning.ts";
import type { CatalogueRepository, CatalogueWrite, Clock } from "./ports.ts";

export interface LoadReport {
  effectiveFrom: string;
  productenboeken: { created: string[]; changed: string[]; withdrawn: string[]; unchanged: string[] };
  products: { created: string[]; changed: string[]; withdrawn: string[]; unchanged: string[] };
}

/** Stable JSON: keys sorted, so equal content always hashes the same. */
function canonicalJson(v: unknown): string {
  return JSON.stringify(v, (_k, val) =>
    val && typeof val === "object" && !Array.isArray(val)
      ? Object.fromEntries(Object.entries(val as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : val,
  );
}
const hashOf = (v: unknown) => createHash("sha256").update(canonicalJson(v)).digest("hex");

/**
 * Loads a validated catalogue. Idempotent: unchanged data writes nothing. Changed data gets a new version valid
 * from max(the productenboek's validFrom, today); earlier versions stay queryable. One transaction.
 */
export async function loadCatalogue(repo: CatalogueRepository, clock: Clock, catalogue: Catalogue): Promise<LoadReport> {
  const today = clock.today();
  const latest = await repo.latestVersions();
  const knownBooks = new Set(latest.productenboeken.map((p) => p.id));
  const bookOf = new Map(latest.products.map((p) => [p.id, p.productenboekId]));
  const bookOfIncoming = new Map(catalogue.products.map((p) => [p.id, p.productenboekId]));
  const bookValidFrom = new Map(catalogue.productenboeken.map((pb) => [pb.id, pb.validFrom]));
  const pbHashes = new Map(catalogue.productenboeken.map((pb) => [pb.id, hashOf(pb)]));
  const pHashes = new Map(catalogue.products.map((p) => [p.id, hashOf(p)]));

  const pbPlan = planVersions(
    latest.productenboeken,
    catalogue.productenboeken.map((pb) => ({ id: pb.id, hash: pbHashes.get(pb.id)!, validFrom: pb.validFrom })),
    today,
    (id) => !knownBooks.has(id),
    () => today,
  );
  const pPlan = planVersions(
    latest.products,
    catalogue.products.map((p) => ({ id: p.id, hash: pHashes.get(p.id)!, validFrom: bookValidFrom.get(p.productenboekId)! })),
    today,
    (id) => !knownBooks.has(bookOfIncoming.get(id) ?? ""),
    (id) => bookValidFrom.get(bookOf.get(id) ?? "") ?? today,
  );
  const report: LoadReport = {
    effectiveFrom: today,
    productenboeken: { created: pbPlan.created, changed: pbPlan.changed, withdrawn: pbPlan.withdrawn, unchanged: pbPlan.unchanged },
    products: { created: pPlan.created, changed: pPlan.changed, withdrawn: pPlan.withdrawn, unchanged: pPlan.unchanged },
  };
  if (pbPlan.inserts.length + pbPlan.closes.length + pPlan.inserts.length + pPlan.closes.length === 0) return report;
  const pbById = new Map(catalogue.productenboeken.map((pb) => [pb.id, pb]));
  const pById = new Map(catalogue.products.map((p) => [p.id, p]));
  const write: CatalogueWrite = {
    today,
    productenboeken: {
      inserts: pbPlan.inserts.map((i) => ({ ...i, hash: pbHashes.get(i.id)!, data: pbById.get(i.id)! })),
      closes: pbPlan.closes,
    },
    products: {
      inserts: pPlan.inserts.map((i) => ({ ...i, hash: pHashes.get(i.id)!, data: pById.get(i.id)! })),
      closes: pPlan.closes,
    },
    counts: {
      created: pPlan.created.length,
      changed: pPlan.changed.length,
      withdrawn: pPlan.withdrawn.length,
      unchanged: pPlan.unchanged.length,
    },
  };
  await repo.write(write);
  return report;
}
