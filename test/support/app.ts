import { resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../src/adapters/db/db.ts";
import { readCatalogueDir } from "../../src/adapters/files/catalogue-files.ts";
import { qualityDirOf, readQualityDir } from "../../src/adapters/files/quality-files.ts";
import { buildServer } from "../../src/api/server.ts";
import { fixedClock } from "../../src/app/clock.ts";
import { loadCatalogue } from "../../src/app/load-catalogue.ts";
import { type Kader, wire } from "../../src/cli/compose.ts";
import { testDb } from "./db.ts";

export const CATALOG_DIR = resolve(import.meta.dirname, "../../catalog");
export const TODAY = "2026-06-01";

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  kader: Kader;
  clock: ReturnType<typeof fixedClock>;
  close: () => Promise<void>;
}

/**
 * The whole application in-process (app.inject, or app.listen for a browser) on a fresh database loaded with the
 * shipped catalogue. `demoUsers` creates the demo account of each role (password "kader-demo"); `webRoot` serves a
 * built web application.
 */
export async function testApp(opts: { webRoot?: string; demoUsers?: boolean } = {}): Promise<TestApp> {
  const db = await testDb();
  const clock = fixedClock(TODAY);
  const kader = wire(db, clock);
  const cat = await readCatalogueDir(CATALOG_DIR);
  if (!cat.ok) throw new Error(`catalogus ongeldig: ${JSON.stringify(cat.problems.slice(0, 3))}`);
  await loadCatalogue(kader.repo, clock, cat.value);
  const quality = await readQualityDir(qualityDirOf(CATALOG_DIR));
  if (!quality.ok) throw new Error(`kwaliteitskaders ongeldig: ${JSON.stringify(quality.problems.slice(0, 3))}`);
  await kader.quality.loadLibrary(quality.value);
  if (opts.demoUsers) await kader.auth.ensureDemoUsers();
  const app = await buildServer(kader, { webRoot: opts.webRoot });
  return {
    app,
    db,
    kader,
    clock,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
