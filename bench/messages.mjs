#!/usr/bin/env node
// Message benchmark (npm run bench): a generated 25 MB WMO323 declaratie (tens of thousands of prestaties, seeded, so
// the same file every run) is read and fully validated by Kader — XSD level, in-message rules, file hygiene, streamed —
// and by `xmllint --noout --schema` on the same file, side by side, with the ratio and peak RSS of each. Then the same
// for the reference examples when ../shared/reference is present. Last, end-to-end `berichten verwerk` throughput
// (messages/s, prestaties/s) on a generated month of messages against generated toewijzingen (`--alleen-verwerk`: only that;
// `--alleen-codec`: everything but that).
import { spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seeded } from "./prng.mjs";

const root = new URL("..", import.meta.url).pathname;
const dist = join(root, "dist/src/messages/index.js");
// BENCH_SRC=1 (with --import tsx): the TypeScript sources instead of a possibly stale dist/
const lib = existsSync(dist) && !process.env.BENCH_SRC ? dist : join(root, "src/messages/index.ts");
const { buildMessage, messageByName, messageValidator, validateMessage } = await import(lib);

// ---- child mode: validate files, print time and peak RSS ----
if (process.argv[2] === "--kader") {
  const files = process.argv.slice(3);
  const t0 = performance.now();
  let failures = 0;
  for (const f of files) {
    const v = messageValidator();
    const fd = readFileSync(f); // files are read in 1 MB slices below; reading the bytes is part of the work
    for (let i = 0; i < fd.length; i += 1 << 20) v.write(fd.subarray(i, i + (1 << 20)));
    failures += v.end().failures.length;
  }
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ ms, failures, rss: process.resourceUsage().maxRSS * 1024 }));
  process.exit(0);
}

const TARGET = Number(process.env.BENCH_MESSAGE_BYTES ?? 25 * 1024 * 1024) - 64 * 1024;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const XMLLINT = "/usr/bin/xmllint";
const REFERENCE = join(root, "../shared/reference/istandaarden");
const mb = (b) => `${(b / 1024 / 1024).toFixed(1)} MB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// ---- child mode: `berichten verwerk` end to end on an embedded database, print figures as JSON ----
if (process.argv[2] === "--verwerk") {
  const src = (p) => (lib.endsWith(".ts") ? join(root, `src/${p}.ts`) : join(root, `dist/src/${p}.js`));
  const { connect } = await import(src("adapters/db/connect"));
  const { migrate } = await import(src("adapters/db/migrate"));
  const { wire, loadCatalogueDir, DEFAULT_CATALOG } = await import(src("cli/compose"));
  const { fixedClock } = await import(src("app/clock"));
  const AANBIEDERS = Number(process.env.BENCH_VERWERK_AANBIEDERS ?? 10);
  const CLIENTEN = Number(process.env.BENCH_VERWERK_CLIENTEN ?? 50);
  const db = await connect({});
  await migrate(db);
  const k = wire(db, fixedClock("2026-06-01"));
  const loaded = await loadCatalogueDir(k, DEFAULT_CATALOG);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems.slice(0, 2)));
  const product = (await k.catalogue.all()).products.filter((p) => p.productcode === "02A05" && p.law === "wmo").sort((a, b) => a.id.localeCompare(b.id))[0];
  const agbs = Array.from({ length: AANBIEDERS }, (_, i) => String(70000000 + i));
  for (const agb of agbs) {
    await db.query("insert into aanbieder (agb_code, name, gemeentecodes, created_at, updated_at) values ($1, $2, '{0106}', now(), now())", [
      agb,
      `Bench ${agb}`,
    ]);
    await db.query(
      "insert into aanbieder_contract (agb_code, gemeentecode, product_id, valid_from, tariff_cents) values ($1, '0106', $2, '2025-01-01', 6000)",
      [agb, product.id],
    );
  }
  let b = 100000;
  const bsn = () => {
    for (;;) {
      const s = `999${String(b++).padStart(6, "0")}`;
      if ([...s].reduce((acc, d, i) => acc + (i === 8 ? -1 : 9 - i) * Number(d), 0) % 11 === 0) return s;
    }
  };
  const xsd = { BasisschemaXsdVersie: "1.0.0", BerichtXsdVersie: "1.0.0" };
  const hdr = (code, afz, ontv, id, dag) => ({
    BerichtCode: code,
    BerichtVersie: 3,
    BerichtSubversie: 2,
    Afzender: afz,
    Ontvanger: ontv,
    BerichtIdentificatie: { Identificatie: id, Dagtekening: dag },
    XsdVersie: xsd,
  });
  const enc = (name, model) => new TextEncoder().encode(buildMessage(messageByName(name), model));
  const naam = { Geslachtsnaam: { Achternaam: "Bench" }, Voorletters: "B" };
  const toewijzingen = [];
  const setup = [];
  let nr = 1;
  for (const agb of agbs)
    for (let c = 0; c < CLIENTEN; c++) {
      const t = { agb, bsn: bsn(), nummer: nr++ };
      toewijzingen.push(t);
      setup.push({
        bestandsnaam: `301-${t.nummer}.xml`,
        bytes: enc("WMO301", {
          Header: hdr("414", "0106", agb, `T${t.nummer}`, "2026-01-05"),
          Client: {
            Bsn: t.bsn,
            Geboortedatum: { Datum: "1960-01-01" },
            Geslacht: "1",
            Naam: { ...naam, NaamGebruik: "1" },
            Contactgegevens: {
              Contact: [
                {
                  Soort: "01",
                  Adres: { Huis: { Huisnummer: 1 + (t.nummer % 200) }, Postcode: "9401AB", Straatnaam: "Brink", Plaatsnaam: "Assen", LandCode: "NL" },
                },
              ],
            },
            ToegewezenProducten: {
              ToegewezenProduct: [
                {
                  ToewijzingNummer: t.nummer,
                  Product: { Categorie: "02", Code: "02A05" },
                  Toewijzingsdatum: "2026-01-05",
                  Toewijzingstijd: "10:00:00",
                  Ingangsdatum: "2026-01-01",
                  Einddatum: "2026-12-31",
                  Omvang: { Volume: 4, Eenheid: "04", Frequentie: "2" },
                },
              ],
            },
          },
        }),
      });
    }
  // the month: a start for every toewijzing, a stop for one in ten, one declaratie per aanbieder with four weekly prestaties per client
  const month = [];
  for (const t of toewijzingen)
    month.push({
      bestandsnaam: `305-${t.nummer}.xml`,
      bytes: enc("WMO305", {
        Header: hdr("418", t.agb, "0106", `S${t.nummer}`, "2026-05-02"),
        Client: {
          Bsn: t.bsn,
          Geboortedatum: { Datum: "1960-01-01" },
          Geslacht: "1",
          Naam: naam,
          StartProducten: { StartProduct: [{ ToewijzingNummer: t.nummer, Begindatum: "2026-05-01", StatusAanlevering: "1" }] },
        },
      }),
    });
  for (const t of toewijzingen.filter((_, i) => i % 10 === 0))
    month.push({
      bestandsnaam: `307-${t.nummer}.xml`,
      bytes: enc("WMO307", {
        Header: hdr("420", t.agb, "0106", `P${t.nummer}`, "2026-05-30"),
        Client: {
          Bsn: t.bsn,
          Geboortedatum: { Datum: "1960-01-01" },
          Geslacht: "1",
          Naam: naam,
          StopProducten: {
            StopProduct: [{ ToewijzingNummer: t.nummer, Begindatum: "2026-05-01", RedenBeeindiging: "02", Einddatum: "2026-05-29", StatusAanlevering: "1" }],
          },
        },
      }),
    });
  let prestaties = 0;
  const weeks = [
    ["2026-05-01", "2026-05-07"],
    ["2026-05-08", "2026-05-14"],
    ["2026-05-15", "2026-05-21"],
    ["2026-05-22", "2026-05-28"],
  ];
  for (const agb of agbs) {
    const clients = toewijzingen
      .filter((t) => t.agb === agb)
      .map((t) => ({
        Bsn: t.bsn,
        Prestaties: {
          Prestatie: weeks.map(([b, e], w) => ({
            ProductReferentie: { ReferentieNummer: `R${t.nummer}-${w}` },
            ToewijzingNummer: t.nummer,
            ProductCategorie: "02",
            ProductCode: "02A05",
            ProductPeriode: { Begindatum: b, Einddatum: e },
            GeleverdVolume: 4,
            Eenheid: "04",
            ProductTarief: 6000,
            IngediendBedrag: { Bedrag: 24000, DebetCredit: "D" },
          })),
        },
      }));
    const n = clients.length * weeks.length;
    prestaties += n;
    month.push({
      bestandsnaam: `323-${agb}.xml`,
      bytes: enc("WMO323", {
        Header: hdr("484", agb, "0106", `D${agb}`, "2026-06-01"),
        Declaratie: {
          DeclaratieNummer: `MEI${agb}`,
          DeclaratiePeriode: { Begindatum: "2026-05-01", Einddatum: "2026-05-31" },
          DeclaratieDagtekening: "2026-06-01",
          TotaalIngediendBedrag: { TotaalBedrag: n * 24000, DebetCredit: "D" },
          Clienten: { Client: clients },
        },
      }),
    });
  }
  const ctx = { endpoint: "bench", purpose: "bench" };
  const t0 = performance.now();
  const s = await k.messages.process({ kind: "cli" }, setup, { rol: "gemeente" }, ctx);
  const setupMs = performance.now() - t0;
  const t1 = performance.now();
  const declaraties = month.filter((m) => m.bestandsnaam.startsWith("323"));
  const r = await k.messages.process(
    { kind: "cli" },
    month.filter((m) => !m.bestandsnaam.startsWith("323")),
    { rol: "gemeente" },
    ctx,
  );
  const td = performance.now();
  r.push(...(await k.messages.process({ kind: "cli" }, declaraties, { rol: "gemeente" }, ctx)));
  const declMs = performance.now() - td;
  const monthMs = performance.now() - t1;
  const afgewezen = r.filter((x) => x.berichtNaam === "WMO323").reduce((n, x) => n + x.meldingen.length, 0);
  const t2 = performance.now();
  const again = await k.messages.process({ kind: "cli" }, month, { rol: "gemeente" }, ctx);
  const againMs = performance.now() - t2;
  const bad = [...s, ...r].filter((x) => x.status !== "verwerkt" && x.status !== "geregistreerd");
  if (bad.length) process.stderr.write(`${JSON.stringify(bad.slice(0, 2))}\n`);
  await k.close();
  process.stdout.write(
    JSON.stringify({
      setup: setup.length,
      setupMs,
      month: month.length,
      monthMs,
      againMs,
      herhaald: again.filter((x) => x.retourcodes.includes("9056")).length,
      prestaties,
      afgewezen,
      afwijkend: bad.length,
      declMs,
      declaraties: declaraties.length,
      rss: process.resourceUsage().maxRSS * 1024,
    }),
  );
  process.exit(0);
}

async function benchVerwerk() {
  const args = [...(lib.endsWith(".ts") ? ["--import", "tsx"] : []), new URL(import.meta.url).pathname, "--verwerk"];
  const r = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(r.stderr);
  if (r.stderr.trim()) process.stderr.write(r.stderr);
  const x = JSON.parse(r.stdout);
  console.log(`berichten verwerken (kader berichten verwerk, PGlite in het geheugen, één transactie per bericht):`);
  console.log(
    `  ${x.setup} toewijzingen (WMO301 van de gemeente) geladen: ${x.setupMs.toFixed(0)} ms, ${(x.setup / (x.setupMs / 1000)).toFixed(0)} berichten/s`,
  );
  console.log(
    `  een maand: ${x.month} berichten (starts, stops en ${x.declaraties} declaraties): ${x.monthMs.toFixed(0)} ms, ${(x.month / (x.monthMs / 1000)).toFixed(0)} berichten/s`,
  );
  console.log(
    `  waarvan de declaraties: ${x.prestaties} prestaties in ${x.declMs.toFixed(0)} ms, ${(x.prestaties / (x.declMs / 1000)).toFixed(0)} prestaties/s (inlezen, controleren, opslaan, 325 bouwen en valideren)${x.afgewezen ? `; ${x.afgewezen} bevindingen` : ""}`,
  );
  console.log(
    `  dezelfde maand nogmaals (${x.herhaald} met 9056 beantwoord, niets opgeslagen): ${x.againMs.toFixed(0)} ms; piek-RSS ${mb(x.rss)}${x.afwijkend ? `; ${x.afwijkend} berichten niet verwerkt (!)` : ""}`,
  );
}

if (process.argv[2] === "--alleen-verwerk") {
  await benchVerwerk();
  process.exit(0);
}

// ---- generate the declaratie, streamed to disk ----
async function generate(file) {
  const { next, pick } = seeded(20260101);
  const def = messageByName("WMO323");
  const codes = [
    ["02", "02A05", "04"],
    ["03", "03A01", "01"],
    ["04", "04A02", "14"],
    ["07", "07A01", "82"],
    ["08", "08A03", "16"],
  ];
  const clients = [];
  let size = 2000;
  let total = 0;
  let n = 0;
  while (size < TARGET) {
    const prestaties = [];
    const count = 1 + Math.floor(next() * 6);
    for (let i = 0; i < count; i++) {
      const [cat, code, eenheid] = pick(codes);
      const volume = 1 + Math.floor(next() * 40);
      const tarief = 1000 + Math.floor(next() * 9000);
      const credit = next() < 0.05;
      const p = {
        ProductReferentie: credit ? { ReferentieNummer: `R${n}`, VorigReferentieNummer: `V${n}` } : { ReferentieNummer: `R${n}` },
        ToewijzingNummer: 100000 + n,
        ProductCategorie: cat,
        ProductCode: code,
        ProductPeriode: { Begindatum: "2026-01-01", Einddatum: "2026-01-31" },
        GeleverdVolume: volume,
        Eenheid: eenheid,
        ProductTarief: tarief,
        IngediendBedrag: { Bedrag: volume * tarief, DebetCredit: credit ? "C" : "D" },
      };
      total += (credit ? -1 : 1) * volume * tarief;
      prestaties.push(p);
      n++;
      size += 850;
    }
    // a valid BSN (11-proef): 8 digits and a check digit, skipping numbers with no valid check digit
    let bsn;
    do {
      const d = String(10000000 + Math.floor(next() * 89999999));
      let s = 0;
      for (let i = 0; i < 8; i++) s += Number(d[i]) * (9 - i);
      const c = s % 11;
      bsn = c < 10 ? d + c : undefined;
    } while (!bsn);
    clients.push({ Bsn: bsn, Prestaties: { Prestatie: prestaties } });
    size += 120;
  }
  const model = {
    Header: {
      BerichtCode: "484",
      BerichtVersie: 3,
      BerichtSubversie: 2,
      Afzender: "12345678",
      Ontvanger: "0106",
      BerichtIdentificatie: { Identificatie: "BENCH0001", Dagtekening: "2026-02-03" },
      XsdVersie: { BasisschemaXsdVersie: "1.0.0", BerichtXsdVersie: "1.0.0" },
    },
    Declaratie: {
      DeclaratieNummer: "BENCH202601",
      DeclaratiePeriode: { Begindatum: "2026-01-01", Einddatum: "2026-01-31" },
      DeclaratieDagtekening: "2026-02-03",
      TotaalIngediendBedrag: { TotaalBedrag: Math.abs(total), DebetCredit: total < 0 ? "C" : "D" },
      Clienten: { Client: clients },
    },
  };
  const out = createWriteStream(file);
  out.write(buildMessage(def, model));
  await new Promise((r) => out.end(r));
  return n;
}

function kader(files) {
  const args = [...(lib.endsWith(".ts") ? ["--import", "tsx"] : []), new URL(import.meta.url).pathname, "--kader", ...files];
  const r = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

function xmllint(xsd, files) {
  const t0 = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "%M", XMLLINT, "--noout", "--nonet", "--schema", xsd, ...files], { encoding: "utf8", maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  const lines = r.stderr.trim().split("\n");
  const rss = Number(lines[lines.length - 1]) * 1024;
  const invalid = (r.stderr.match(/fails to validate/g) ?? []).length;
  return { ms, rss, invalid };
}

const dir = mkdtempSync(join(tmpdir(), "kader-bench-"));
const file = join(dir, "WMO323-25MB.xml");
const prestaties = await generate(file);
const bytes = statSync(file).size;
const check = validateMessage(readFileSync(file));
if (check.failures.length) throw new Error(`generated declaratie is invalid: ${JSON.stringify(check.failures.slice(0, 3))}`);

const k = Array.from({ length: RUNS }, () => kader([file]));
const kMs = median(k.map((x) => x.ms));
const kRss = Math.max(...k.map((x) => x.rss));
console.log(`berichten: WMO323 van ${mb(bytes)}, ${prestaties} prestaties (seed 20260101)`);
console.log(
  `  Kader (XSD + ${"regels"} + OP192, streaming): ${kMs.toFixed(0)} ms (mediaan van ${RUNS}), ${(prestaties / (kMs / 1000)).toFixed(0)} prestaties/s, piek-RSS ${mb(kRss)}`,
);

const hasXmllint = existsSync(XMLLINT) && existsSync(REFERENCE);
if (hasXmllint) {
  const xsd = join(REFERENCE, "iwmo-3.2/xsd/WMO323.xsd");
  const x = Array.from({ length: RUNS }, () => xmllint(xsd, [file]));
  const xMs = median(x.map((y) => y.ms));
  console.log(`  xmllint --noout --schema:                   ${xMs.toFixed(0)} ms (mediaan van ${RUNS}), piek-RSS ${mb(Math.max(...x.map((y) => y.rss)))}`);
  console.log(`  verhouding Kader / xmllint: ${(kMs / xMs).toFixed(2)} (Kader doet meer: ook de regels en OP192)`);

  // reference examples: all valid examples at once, grouped per XSD for xmllint (schema read once per group)
  const examples = ["iwmo-3.2", "ijw-3.2"].flatMap((s) =>
    readdirSync(join(REFERENCE, s, "voorbeeldberichten"))
      .filter((f) => f.endsWith(".xml"))
      .map((f) => ({ std: s, name: f.replace(".xml", ""), file: join(REFERENCE, s, "voorbeeldberichten", f) })),
  );
  const withXsd = examples.filter((e) => existsSync(join(REFERENCE, e.std, "xsd", `${e.name}.xsd`)));
  const ke = kader(withXsd.map((e) => e.file));
  let xeMs = 0;
  for (const e of withXsd) xeMs += xmllint(join(REFERENCE, e.std, "xsd", `${e.name}.xsd`), [e.file]).ms;
  console.log(
    `  voorbeeldberichten met XSD (${withXsd.length}): Kader ${ke.ms.toFixed(1)} ms in één proces; xmllint ${xeMs.toFixed(0)} ms (één proces per bericht, incl. starten en schema lezen)`,
  );
} else console.log("  xmllint of referentiemateriaal ontbreekt: geen vergelijking");
rmSync(dir, { recursive: true, force: true });
if (process.argv[2] !== "--alleen-codec") await benchVerwerk();
