import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { SqlCatalogueRepository } from "../src/adapters/db/catalogue-repository.ts";
import type { Db } from "../src/adapters/db/db.ts";
import { readCatalogueDir } from "../src/adapters/files/catalogue-files.ts";
import { MemoryCatalogueRepository } from "../src/adapters/memory/catalogue-repository.ts";
import { CatalogueService } from "../src/app/catalogue.ts";
import { fixedClock } from "../src/app/clock.ts";
import { loadCatalogue } from "../src/app/load-catalogue.ts";
import type { CatalogueRepository } from "../src/app/ports.ts";
import { aProduct, aProductenboek, writeCatalogue } from "./support/builders.ts";
import { dbLabel, testDb } from "./support/db.ts";

const dayOne = "2026-02-01";
async function catalogueWith(products: unknown[]) {
  const r = await readCatalogueDir(await writeCatalogue({ b: { book: aProductenboek(), files: { "p.yaml": products } } }));
  assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
  return r.value;
}
const dagbesteding = aProduct({
  name: "Dagbesteding doorlopend",
  kind: "dagbesteding",
  codes: [{ status: "given", law: "wmo", productcode: "07A11", asWritten: "07A11" }],
  unit: { code: "16", status: "given", asWritten: "dagdeel", line: 2 },
  description: "Structurele daginvulling in een groep.",
  requirements: [
    {
      topic: "groepsgrootte",
      asWritten: "Gemiddeld 7 cliënten per begeleider",
      line: 182,
      rule: { op: "groupSize", clientsPerStaff: 7, meaning: "average", excludesVolunteers: true },
    },
  ],
});

/** The same contract for every CatalogueRepository implementation. */
function contract(name: string, make: () => Promise<{ repo: CatalogueRepository; close: () => Promise<void> }>) {
  describe(`CatalogueRepository contract: ${name}`, () => {
    let repo: CatalogueRepository;
    let close: () => Promise<void>;
    before(async () => {
      ({ repo, close } = await make());
    });
    after(async () => close());

    test("load, reload unchanged, change, withdraw — versions are never retroactive", async () => {
      const first = await loadCatalogue(repo, fixedClock(dayOne), await catalogueWith([aProduct(), dagbesteding]));
      assert.equal(first.products.created.length, 3);
      const again = await loadCatalogue(repo, fixedClock(dayOne), await catalogueWith([aProduct(), dagbesteding]));
      assert.deepEqual([again.products.created, again.products.changed, again.products.unchanged.length], [[], [], 3]);

      const changed = aProduct({
        requirements: [
          { topic: "opleiding", asWritten: "Minimaal 60%", line: 34, rule: { op: "staffShare", minShare: 0.6, atOrAbove: "mbo4", restAtLeast: "mbo3" } },
        ],
      });
      const r = await loadCatalogue(repo, fixedClock("2026-03-15"), await catalogueWith([changed]));
      assert.deepEqual(r.products.changed.sort(), ["test-boek.jeugdwet.45A48", "test-boek.wmo.02A03"]);
      assert.deepEqual(r.products.withdrawn, ["test-boek.wmo.07A11"]);

      const before = await repo.product("test-boek.wmo.02A03", "2026-03-14");
      const afterChange = await repo.product("test-boek.wmo.02A03", "2026-03-15");
      assert.equal(before?.version, 1);
      assert.equal(afterChange?.version, 2);
      const share = (p: typeof before) => (p?.product.requirements[0]?.rule as { minShare: number } | undefined)?.minShare;
      assert.equal(share(before), 0.8);
      assert.equal(share(afterChange), 0.6);
      assert.equal(before?.validTo, "2026-03-14");
      assert.ok(await repo.product("test-boek.wmo.07A11", "2026-03-14"));
      assert.equal(await repo.product("test-boek.wmo.07A11", "2026-03-15"), null);
      const versions = await repo.productVersions("test-boek.wmo.02A03");
      assert.deepEqual(
        versions.map((x) => [x.version, x.validFrom, x.validTo]),
        [
          [1, "2026-01-01", "2026-03-14"],
          [2, "2026-03-15", null],
        ],
      );
    });

    test("search filters by law, unit, code, productcategorie and productenboek, with paging", async () => {
      const asOf = "2026-03-14";
      const q = { asOf, sort: "code" as const, limit: 50, offset: 0 };
      assert.deepEqual(
        (await repo.searchProducts({ ...q, law: "jeugdwet" })).items.map((p) => p.id),
        ["test-boek.jeugdwet.45A48"],
      );
      assert.deepEqual(
        (await repo.searchProducts({ ...q, unit: "16" })).items.map((p) => p.id),
        ["test-boek.wmo.07A11"],
      );
      assert.deepEqual(
        (await repo.searchProducts({ ...q, code: "02A03" })).items.map((p) => p.id),
        ["test-boek.wmo.02A03"],
      );
      assert.equal((await repo.searchProducts({ ...q, productcategorie: "07" })).total, 1);
      assert.equal((await repo.searchProducts({ ...q, productenboek: "other" })).total, 0);
      const page = await repo.searchProducts({ ...q, limit: 2, offset: 2 });
      assert.deepEqual([page.items.length, page.total], [1, 3]);
      assert.deepEqual(
        (await repo.searchProducts({ ...q })).items.map((p) => p.productcode),
        ["02A03", "07A11", "45A48"],
      );
    });

    test("full-text search finds products by words of name and description", async () => {
      const r = await repo.searchProducts({ asOf: "2026-03-14", q: "daginvulling", sort: "relevance", limit: 10, offset: 0 });
      assert.deepEqual(
        r.items.map((p) => p.id),
        ["test-boek.wmo.07A11"],
      );
      const none = await repo.searchProducts({ asOf: "2026-03-14", q: "pleegzorg", sort: "relevance", limit: 10, offset: 0 });
      assert.equal(none.total, 0);
    });

    test("productenboeken are versioned too", async () => {
      const pbs = await repo.productenboeken("2026-03-15");
      assert.deepEqual(
        pbs.map((p) => [p.id, p.productIds.length]),
        [["test-boek", 2]],
      );
      const old = await repo.productenboeken("2026-03-14");
      assert.equal(old[0]?.productIds.length, 3);
    });
  });
}

contract("in memory", async () => ({ repo: new MemoryCatalogueRepository(), close: async () => {} }));
contract(dbLabel(), async () => {
  const db: Db = await testDb();
  return { repo: new SqlCatalogueRepository(db), close: () => db.close() };
});

test(`${dbLabel()}: a failing write leaves nothing behind`, async () => {
  const db = await testDb();
  try {
    const repo = new SqlCatalogueRepository(db);
    const cat = await catalogueWith([aProduct()]);
    const broken: CatalogueRepository = Object.create(repo);
    broken.write = (w) => repo.write({ ...w, products: { ...w.products, inserts: [...w.products.inserts, { ...w.products.inserts[0]! }] } });
    await assert.rejects(loadCatalogue(broken, fixedClock(dayOne), cat));
    assert.equal((await repo.searchProducts({ asOf: "2026-06-01", sort: "code", limit: 10, offset: 0 })).total, 0);
    assert.equal((await repo.productenboeken("2026-06-01")).length, 0);
  } finally {
    await db.close();
  }
});

test("the service caches reads and a load invalidates them", async () => {
  const repo = new MemoryCatalogueRepository();
  const svc = new CatalogueService(repo, fixedClock("2026-06-01"));
  await loadCatalogue(repo, fixedClock(dayOne), await catalogueWith([aProduct()]));
  const a = await svc.search({ law: "wmo" });
  assert.ok(a.ok && a.value.total === 1);
  await loadCatalogue(repo, fixedClock(dayOne), await catalogueWith([aProduct(), dagbesteding]));
  const stale = await svc.search({ law: "wmo" });
  assert.ok(stale.ok && stale.value.total === 1, "cached until invalidated");
  svc.invalidate();
  const fresh = await svc.search({ law: "wmo" });
  assert.ok(fresh.ok && fresh.value.total === 2);
});
