import { resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import { SqlCatalogueRepository } from "../../src/adapters/db/catalogue-repository.ts";
import type { Db } from "../../src/adapters/db/db.ts";
import { readCatalogueDir } from "../../src/adapters/files/catalogue-files.ts";
import { buildServer } from "../../src/api/server.ts";
import { CatalogueService } from "../../src/app/catalogue.ts";
import { fixedClock } from "../../src/app/clock.ts";
import { loadCatalogue } from "../../src/app/load-catalogue.ts";
import { testDb } from "./db.ts";

export const CATALOG_DIR = resolve(import.meta.dirname, "../../catalog");
export const TODAY = "2026-06-01";

/** The API in-process (app.inject) on a fresh database loaded with the shipped catalogue. */
export async function testApp(): Promise<{ app: FastifyInstance; db: Db; close: () => Promise<void> }> {
  const db = await testDb();
  const repo = new SqlCatalogueRepository(db);
  const cat = await readCatalogueDir(CATALOG_DIR);
  if (!cat.ok) throw new Error(`catalogus ongeldig: ${JSON.stringify(cat.problems.slice(0, 3))}`);
  await loadCatalogue(repo, fixedClock(TODAY), cat.value);
  const app = await buildServer(new CatalogueService(repo, fixedClock(TODAY)));
  return {
    app,
    db,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
