import { MemoryCatalogueRepository } from "../adapters/memory/catalogue-repository.ts";
import { CatalogueService } from "../app/catalogue.ts";
import { dutchClock } from "../app/clock.ts";
import { loadCatalogue } from "../app/load-catalogue.ts";
import { readCatalogueDir } from "../adapters/files/catalogue-files.ts";
import { formatProblem } from "../domain/shared/problem.ts";
import type { Output } from "./output.ts";

export interface SourceOpts {
  dir: string;
  fromDb?: boolean;
}

/**
 * Read commands work on the catalogue files by default (no database needed, no lock on a running server's
 * embedded database); with --from-db they read what is loaded in the configured database.
 */
export async function withCatalogue<T>(out: Output, opts: SourceOpts, f: (svc: CatalogueService) => Promise<T>): Promise<T | 1> {
  if (opts.fromDb) {
    const { envConfig, openKader } = await import("./compose.ts");
    const k = await openKader(envConfig());
    try {
      return await f(k.catalogue);
    } finally {
      await k.close();
    }
  }
  const read = await readCatalogueDir(opts.dir);
  if (!read.ok) {
    out.err(`De catalogus in ${opts.dir} is ongeldig (kader catalog validate):`);
    for (const p of read.problems) out.err(`  ${formatProblem(p)}`);
    return 1;
  }
  const repo = new MemoryCatalogueRepository();
  await loadCatalogue(repo, dutchClock, read.value);
  return f(new CatalogueService(repo, dutchClock));
}
