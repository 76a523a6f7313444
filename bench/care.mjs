#!/usr/bin/env node
// Care-chain benchmark (npm run bench):
//  1. in memory: validate (zod) and check 1,000,000 prestaties against 100,000 toewijzingen — the target is
//     ≤ 10 s and ≤ 2 GB peak RSS;
//  2. through the database (PGlite, or PostgreSQL with DATABASE_URL): import + check + store declaraties with the
//     service, reported as prestaties per second.
// Seeded data: repeatable. Sizes: BENCH_TOEWIJZINGEN, BENCH_PRESTATIES, BENCH_DB_PRESTATIES.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BillingLedger, checkDeclaratie, toewijzingKey } from "../dist/src/domain/billing/check.js";
import { Declaratie } from "../dist/src/domain/billing/declaratie.js";
import { lastOfMonth } from "../dist/src/domain/care/period.js";
import { demoBsn, seeded } from "../dist/src/app/demo.js";
import { DEFAULT_CATALOG, loadCatalogueDir, openKader } from "../dist/src/cli/compose.js";

const T = Number(process.env.BENCH_TOEWIJZINGEN ?? 100_000);
const P = Number(process.env.BENCH_PRESTATIES ?? 1_000_000);
const DB_P = Number(process.env.BENCH_DB_PRESTATIES ?? 20_000);
const r = seeded(42);
const AANBIEDERS = 200;
const months = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"];
let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
const timer = setInterval(sample, 50);

// ---- 1. in memory ----
const ledger = new BillingLedger();
const bsns = Array.from({ length: 5000 }, () => demoBsn(r));
const toewijzingen = [];
for (let i = 0; i < T; i++) {
  const agb = String(10_000_000 + (i % AANBIEDERS));
  const t = {
    key: toewijzingKey("0106", "wmo", String(i + 1)),
    gemeentecode: "0106",
    wet: "wmo",
    toewijzingnummer: String(i + 1),
    agbCode: agb,
    bsn: bsns[i % bsns.length],
    productId: "boek.wmo.02A03",
    productcategorie: "02",
    productcode: "02A03",
    eenheid: "04",
    frequentie: "2",
    omvang: 6,
    budgetCents: null,
    ingangsdatum: "2026-01-01",
    einddatum: "2026-12-31",
    status: "gestart",
    geleverd: [{ begin: "2026-01-01", end: null }],
    rules: { dagdeel: false, maxDaysPerWeek: null, band: null },
  };
  ledger.toewijzingen.set(t.key, t);
  toewijzingen.push(t);
}
for (let a = 0; a < AANBIEDERS; a++) ledger.tariffs.set(`${10_000_000 + a}|0106|boek.wmo.02A03`, [{ from: "2025-01-01", to: null, cents: 6500 }]);

// one declaratie per aanbieder per month, one prestatie per toewijzing per month (volume 1–25 hours of 6 a week);
// ~3% carry an error (tariff, unknown toewijzing, amount)
function generate(total) {
  const out = [];
  let ref = 0;
  let made = 0;
  for (const month of months) {
    for (let a = 0; a < AANBIEDERS && made < total; a++) {
      const prestaties = [];
      for (let i = a; i < T && made < total; i += AANBIEDERS, made++) {
        const t = toewijzingen[i];
        const volume = r.int(1, 25);
        const err = r.next();
        const tarief = err < 0.01 ? 6600 : 6500;
        prestaties.push({
          referentienummer: `R${++ref}`,
          bsn: t.bsn,
          toewijzingnummer: err > 0.99 ? "99999999" : t.toewijzingnummer,
          productcategorie: "02",
          productcode: "02A03",
          begindatum: `${month}-01`,
          einddatum: lastOfMonth(`${month}-01`),
          geleverdVolume: volume,
          eenheid: "04",
          productTarief: tarief,
          bedrag: err > 0.98 && err <= 0.99 ? volume * tarief + 1 : volume * tarief,
          debetCredit: "D",
        });
      }
      if (prestaties.length)
        out.push({
          declaratienummer: `D${month.replace("-", "")}${a}`,
          aanbieder: String(10_000_000 + a),
          gemeente: "0106",
          wet: "wmo",
          periode: { begindatum: `${month}-01`, einddatum: lastOfMonth(`${month}-01`) },
          dagtekening: "2026-11-01",
          prestaties,
        });
    }
  }
  return out;
}

const raw = generate(P);
sample();
const t0 = performance.now();
const cpu0 = process.cpuUsage();
let checked = 0;
let rejected = 0;
const codes = new Map();
for (const d of raw) {
  const parsed = Declaratie.parse(d);
  const res = checkDeclaratie(parsed, ledger);
  checked += res.prestaties.length;
  for (const p of res.prestaties)
    if (!p.toegekend) {
      rejected++;
      if (process.env.BENCH_DEBUG) for (const c of p.retourcodes) codes.set(c, (codes.get(c) ?? 0) + 1);
    }
}
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
if (process.env.BENCH_DEBUG) console.log(codes);
sample();
console.log(
  `zorgketen, in geheugen: ${checked.toLocaleString("nl-NL")} prestaties tegen ${T.toLocaleString("nl-NL")} toewijzingen gevalideerd en gecontroleerd in ${(ms / 1000).toFixed(2)} s (cpu ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s) ` +
    `(${Math.round(checked / (ms / 1000)).toLocaleString("nl-NL")} prestaties/s; ${rejected.toLocaleString("nl-NL")} afgewezen); piek-RSS ${Math.round(peak / 1024 / 1024)} MB`,
);

if (process.env.BENCH_MEMORY_ONLY) process.exit(0);
// ---- 2. through the database ----
const dataDir = process.env.DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), "kader-bench-care-"));
const k = await openKader({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir });
const l = await loadCatalogueDir(k, DEFAULT_CATALOG);
if (!l.ok) throw new Error("catalogus ongeldig");
const productId = "004-nmd-pve-2026.wmo.begeleiding-basis-kort";
const DB_T = 2000;
const agb = "98765432";
await k.db.query(
  `insert into aanbieder (agb_code, name, gemeentecodes, created_at, updated_at) values ($1, 'Bench', '{0106}', now(), now()) on conflict (agb_code) do nothing`,
  [agb],
);
await k.db.query("insert into aanbieder_contract values ($1, '0106', $2, '2025-01-01', null, 6500) on conflict do nothing", [agb, productId]);
const dbBsns = Array.from({ length: DB_T }, () => demoBsn(r));
await k.db.query(
  `insert into client (gemeentecode, bsn, geboortedatum, naam, created_at) select '0106', b, '1980-01-01', 'Bench ' || i, now() from unnest($1::text[]) with ordinality as u(b, i) on conflict do nothing`,
  [dbBsns],
);
await k.db.query(
  `insert into beschikking (gemeentecode, client_id, wet, beschikkingnummer, afgiftedatum, ingangsdatum, einddatum, producten, created_by, created_at)
   select '0106', id, 'wmo', 'BENCH-' || id, '2025-12-01', '2026-01-01', '2026-12-31', '[]', 'bench', now() from client where naam like 'Bench %' on conflict do nothing`,
);
await k.db.query(
  `insert into toewijzing (gemeentecode, wet, toewijzingnummer, beschikking_id, client_id, agb_code, product_id, productcategorie, productcode, eenheid, frequentie, omvang,
     toewijzingsdatum, ingangsdatum, einddatum, status, updated_at)
   select '0106', 'wmo', (b.client_id + 500000)::text, b.id, b.client_id, $1, $2, null, null, '04', '2', 6, '2025-12-01', '2026-01-01', '2026-12-31', 'gestart', now()
   from beschikking b where b.beschikkingnummer like 'BENCH-%' on conflict do nothing`,
  [agb, productId],
);
const rows = await k.db.query(
  "select t.toewijzingnummer, c.bsn from toewijzing t join client c on c.id = t.client_id where t.agb_code = $1 and t.product_id = $2",
  [agb, productId],
);
const perDecl = 500;
const decls = [];
for (let i = 0, ref = 0; i * perDecl < DB_P; i++) {
  const month = months[i % months.length];
  const prestaties = [];
  for (let j = 0; j < perDecl && i * perDecl + j < DB_P; j++) {
    const row = rows[(i * perDecl + j) % rows.length];
    prestaties.push({
      referentienummer: `DB${++ref}`,
      bsn: row.bsn,
      toewijzingnummer: row.toewijzingnummer,
      productcategorie: "00",
      productcode: null,
      begindatum: `${month}-01`,
      einddatum: lastOfMonth(`${month}-01`),
      geleverdVolume: 10,
      eenheid: "04",
      productTarief: 6500,
      bedrag: 65000,
      debetCredit: "D",
    });
  }
  decls.push({
    declaratienummer: `B${i}`,
    aanbieder: agb,
    gemeente: "0106",
    wet: "wmo",
    periode: { begindatum: `${month}-01`, einddatum: lastOfMonth(`${month}-01`) },
    dagtekening: "2026-11-01",
    prestaties,
  });
}
const t1 = performance.now();
let stored = 0;
for (const d of decls) {
  const res = await k.care.submitDeclaratie({ kind: "cli" }, d, { endpoint: "bench", purpose: "benchmark" });
  if (!res.ok) throw new Error(JSON.stringify(res.problems.slice(0, 2)));
  stored += res.value.result.prestaties.length;
}
const dbMs = performance.now() - t1;
sample();
clearInterval(timer);
console.log(
  `zorgketen, database (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}): ${stored.toLocaleString("nl-NL")} prestaties in ${decls.length} declaraties ingelezen, gecontroleerd en opgeslagen in ${(dbMs / 1000).toFixed(2)} s ` +
    `(${Math.round(stored / (dbMs / 1000)).toLocaleString("nl-NL")} prestaties/s); piek-RSS ${Math.round(peak / 1024 / 1024)} MB`,
);
await k.close();
