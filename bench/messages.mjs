#!/usr/bin/env node
// Message benchmark (npm run bench): a generated 25 MB WMO323 declaratie (tens of thousands of prestaties, seeded, so
// the same file every run) is read and fully validated by Kader — XSD level, in-message rules, file hygiene, streamed —
// and by `xmllint --noout --schema` on the same file, side by side, with the ratio and peak RSS of each. Then the same
// for the reference examples when ../shared/reference is present.
import { spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seeded } from "./prng.mjs";

const root = new URL("..", import.meta.url).pathname;
const dist = join(root, "dist/src/messages/index.js");
const lib = existsSync(dist) ? dist : join(root, "src/messages/index.ts");
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

// ---- generate the declaratie, streamed to disk ----
async function generate(file) {
  const { next, pick } = seeded(20260101);
  const def = messageByName("WMO323");
  const codes = [["02", "02A05", "04"], ["03", "03A01", "01"], ["04", "04A02", "14"], ["07", "07A01", "82"], ["08", "08A03", "16"]];
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
console.log(`  Kader (XSD + ${"regels"} + OP192, streaming): ${kMs.toFixed(0)} ms (mediaan van ${RUNS}), ${(prestaties / (kMs / 1000)).toFixed(0)} prestaties/s, piek-RSS ${mb(kRss)}`);

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
  console.log(`  voorbeeldberichten met XSD (${withXsd.length}): Kader ${ke.ms.toFixed(1)} ms in één proces; xmllint ${xeMs.toFixed(0)} ms (één proces per bericht, incl. starten en schema lezen)`);
} else console.log("  xmllint of referentiemateriaal ontbreekt: geen vergelijking");
rmSync(dir, { recursive: true, force: true });
