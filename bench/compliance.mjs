#!/usr/bin/env node
// Compliance benchmark (npm run bench): 1,000 providers × 50 staff, each checked for every product of a whole
// productenboek (001, 58 products) at one peildatum, with the one rule interpreter. Seeded data: repeatable.
import { readCatalogueDir } from "../dist/src/adapters/files/catalogue-files.js";
import { complianceReport } from "../dist/src/app/compliance.js";
import { productKeys } from "../dist/src/domain/compliance/check.js";
import { seeded } from "./prng.mjs";

const root = new URL("..", import.meta.url).pathname;
const PROVIDERS = Number(process.env.BENCH_PROVIDERS ?? 1000);
const STAFF = 50;
const BOOK = "001-concept-inkoop-2025";

const { next: rnd, pick } = seeded(20261129);

const cat = await readCatalogueDir(`${root}/catalog`);
if (!cat.ok) throw new Error("catalogue invalid");
const products = cat.value.products;
const keys = products.filter((p) => p.productenboekId === BOOK).map((p) => productKeys(p)[0]);
const day = (y0) =>
  `${y0 + Math.floor(rnd() * 3)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rnd() * 28)).padStart(2, "0")}`;

const providers = Array.from({ length: PROVIDERS }, (_, i) => ({
  provider: {
    agbCode: String(10000000 + i),
    name: `Aanbieder ${i}`,
    kvk: null,
    gemeentecodes: ["0106"],
    evidence: [{ kind: "kwaliteitscertificaat", date: "2025-01-01", validUntil: "2027-12-31", scope: ["*"], description: null }],
    contracts: [],
  },
  staff: Array.from({ length: STAFF }, (_, j) => ({
    name: `Medewerker ${i}-${j}`,
    level: pick(["mbo3", "mbo4", "mbo4", "hbo", "hbo", "wo"]),
    careRelated: rnd() > 0.1,
    workingLevel: null,
    kind: pick(["werknemer", "werknemer", "werknemer", "zzp", "bbl", "vrijwilliger"]),
    role: pick(["begeleider", "begeleider", "gedragswetenschapper", "praktijkbegeleider", "regiebehandelaar"]),
    registration: rnd() > 0.5 ? { register: pick(["SKJ", "BIG"]), number: String(j), validUntil: day(2026) } : null,
    vogDate: day(2023),
    employmentStart: day(2023),
    hoursPerWeek: 8 + Math.floor(rnd() * 29),
    // everyone works in a few products; together the staff cover the whole productenboek
    products: [keys[j % keys.length], pick(keys), pick(keys)],
  })),
}));

const t0 = performance.now();
let checked = 0;
const verdicts = { voldoet: 0, "voldoet-niet": 0, onbekend: 0 };
for (const { provider, staff } of providers) {
  const r = complianceReport(provider, staff, products, "2026-06-01", BOOK);
  checked += r.producten.length;
  for (const k of Object.keys(verdicts)) verdicts[k] += r.summary[k];
}
const ms = performance.now() - t0;
console.log(
  `compliance: ${PROVIDERS} providers × ${STAFF} staff × ${keys.length} products of ${BOOK}: ${checked} product checks in ${Math.round(ms)} ms (target ≤ 2000 ms); ` +
    `${verdicts.voldoet} voldoet, ${verdicts["voldoet-niet"]} voldoet niet, ${verdicts.onbekend} onbekend`,
);
console.log(`peak RSS of the benchmark process: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
