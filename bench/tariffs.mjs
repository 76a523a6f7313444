#!/usr/bin/env node
// Tariff benchmark (npm run bench): every product of every productenboek for 10,000 random parameter sets, with the
// exact decimal engine. Products without a stated unit get one from the parameters (as a contract manager would),
// so every product with a mix is computed. Seeded: repeatable.
import { readCatalogueDir } from "../dist/src/adapters/files/catalogue-files.js";
import { prepare, tariff } from "../dist/src/domain/tariffs/model.js";
import { seeded } from "./prng.mjs";

const root = new URL("..", import.meta.url).pathname;
const SETS = Number(process.env.BENCH_PARAMETER_SETS ?? 10000);
const { between } = seeded(42);

const cat = await readCatalogueDir(`${root}/catalog`);
if (!cat.ok) throw new Error("catalogue invalid");
const products = cat.value.products;
const eenheden = Object.fromEntries(products.filter((p) => p.unit.code === null).map((p) => [p.id, "04"]));

const sets = Array.from({ length: SETS }, () => ({
  peiljaar: 2026,
  salarissen: Object.fromEntries(["mbo2", "mbo3", "mbo4", "hbo", "wo"].map((l, i) => [l, { maandsalaris: Math.round(between(250000, 300000) + i * 40000) }])),
  vakantiegeld: 0.08,
  eindejaarsuitkering: between(0.05, 0.0833),
  werkgeverslasten: between(0.2, 0.3),
  ort: between(0, 0.1),
  contracturenPerJaar: 1878,
  nietProductief: { verlof: between(0.1, 0.14), ziekte: between(0.03, 0.09), scholing: 0.02, overleg: between(0.03, 0.07), reistijd: between(0, 0.08) },
  overhead: between(0.1, 0.25),
  kapitaallasten: between(0, 0.05),
  leegstand: between(0, 0.05),
  risico: between(0, 0.03),
  indexatie: between(0, 0.04),
  dagdeelUren: 4,
  eenheden,
  mix: {},
}));

const t0 = performance.now();
let computed = 0;
let unknown = 0;
for (const s of sets) {
  const prep = prepare(s);
  for (const p of products) {
    const r = tariff(p, prep, false);
    if (r.ok) computed++;
    else unknown++;
  }
}
const ms = performance.now() - t0;
console.log(
  `tariffs: ${SETS} parameter sets × ${products.length} products: ${computed} tariffs in ${Math.round(ms)} ms (target ≤ 5000 ms), ` +
    `${unknown} without a mix (reported, not computed); peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
);
