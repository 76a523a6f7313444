import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { before, describe, test } from "node:test";
import { SqlProviderRepository } from "../src/adapters/db/provider-repository.ts";
import type { ProviderRecord } from "../src/domain/compliance/provider.ts";
import { DEFAULT_CATALOG, loadCatalogueDir, openKader } from "../src/cli/compose.ts";

/** `kader beschikkingen toets` and `kader declaraties controleer` as a user runs them (embedded database in a temp dir). */
const bin = resolve(import.meta.dirname, "../bin/kader.mjs");
let dataDir = "";
const kader = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, DATABASE_URL: "", KADER_DATA: dataDir },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const tmp = async (name: string, content: string) => {
  const dir = await mkdtemp(join(tmpdir(), "kader-cli-"));
  await writeFile(join(dir, name), content);
  return join(dir, name);
};

describe("kader beschikkingen toets", () => {
  test("--json prints { toegestaan, bevindingen } with productId, rule, severity and message; stores nothing", async () => {
    const file = await tmp(
      "voorstel.json",
      JSON.stringify({
        gemeente: "0106",
        peildatum: "2026-06-01",
        client: { geboortedatum: "2011-03-01" },
        producten: [
          {
            productId: "001-concept-inkoop-2025.jeugdwet.44K28",
            ingangsdatum: "2026-07-01",
            einddatum: "2026-12-31",
            volume: 7,
            eenheid: "14",
            frequentie: "2",
          },
          {
            productId: "004-nmd-pve-2026.wmo.begeleiding-basis-kort",
            ingangsdatum: "2026-07-01",
            einddatum: "2026-12-31",
            volume: 4,
            eenheid: "04",
            frequentie: "2",
            resultaatgebieden: ["Veilige huiselijke relatie"],
          },
        ],
      }),
    );
    const r = kader("beschikkingen", "toets", file, "--json");
    assert.equal(r.code, 0, r.err);
    const out = JSON.parse(r.out);
    assert.deepEqual(Object.keys(out), ["toegestaan", "bevindingen"]);
    assert.equal(out.toegestaan, false);
    for (const b of out.bevindingen) assert.deepEqual(Object.keys(b), ["productId", "rule", "severity", "message"]);
    assert.ok(out.bevindingen.some((b: { rule: string; severity: string }) => b.rule === "age" && b.severity === "fout"));
    assert.ok(out.bevindingen.some((b: { rule: string; severity: string }) => b.rule === "resultaatgebied" && b.severity === "oordeel"));
    const text = kader("beschikkingen", "toets", file);
    assert.match(text.out, /Niet toegestaan/);
    assert.match(text.out, /OORDEEL/);
  });

  test("bad input: exit 1 with where and what", async () => {
    const r = kader("beschikkingen", "toets", await tmp("fout.json", JSON.stringify({ gemeente: "106", producten: [] })), "--json");
    assert.equal(r.code, 1);
    const paths = JSON.parse(r.out).problems.map((p: { path: string }) => p.path);
    assert.ok(paths.includes("gemeente") && paths.includes("producten"), `${paths}`);
    assert.equal(kader("beschikkingen", "toets", "/bestaat/niet.json").code, 1);
  });
});

describe("kader declaraties controleer", () => {
  const BSN = "999990019";
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "kader-data-"));
    // a database with one client, one toewijzing (number 1, 4 hours a week) and a contract tariff of € 65,00
    const k = await openKader({ dataDir });
    const l = await loadCatalogueDir(k, DEFAULT_CATALOG);
    assert.ok(l.ok);
    const cli = { kind: "cli" as const };
    const ctx = { endpoint: "test", purpose: "test" };
    const c = await k.care.createClient(cli, { gemeente: "0106", bsn: BSN, geboortedatum: "1980-01-01", naam: "Test" }, ctx);
    assert.ok(c.ok);
    const productId = "004-nmd-pve-2026.wmo.begeleiding-basis-kort";
    const g = await k.care.grant(
      cli,
      {
        clientId: c.value.id,
        wet: "wmo",
        beschikkingnummer: "B1",
        afgiftedatum: "2026-01-01",
        producten: [{ productId, ingangsdatum: "2026-01-01", einddatum: "2026-12-31", volume: 4, eenheid: "04", frequentie: "2", aanbieder: "98765432" }],
      },
      ctx,
    );
    assert.ok(g.ok, JSON.stringify(g));
    const gm = "0106" as ProviderRecord["gemeentecodes"][number];
    await new SqlProviderRepository(k.db).save(
      {
        agbCode: "98765432" as ProviderRecord["agbCode"],
        name: "Zorg",
        kvk: null,
        gemeentecodes: [gm],
        evidence: [],
        contracts: [{ productId, gemeentecode: gm, validFrom: "2026-01-01", validTo: null, tariffCents: 6500 }],
      },
      "2026-01-01T00:00:00Z",
    );
    await k.close();
  });
  const header =
    "declaratienummer;aanbieder;gemeente;wet;periode_begin;periode_eind;dagtekening;referentienummer;vorig_referentienummer;bsn;toewijzingnummer;productcategorie;productcode;begindatum;einddatum;geleverd_volume;eenheid;product_tarief;bedrag;debet_credit;km";
  const row = (ref: string, nr: string, volume: number, tarief = 6500) =>
    `D1;98765432;0106;wmo;2026-03-01;2026-03-31;2026-04-02;${ref};;${BSN};${nr};00;;2026-03-01;2026-03-31;${volume};04;${tarief};${volume * tarief};D;`;

  test("--json: per prestatie the verdict and retourcodes; nothing is stored without --opslaan", async () => {
    const file = await tmp("maart.csv", [header, row("R1", "1", 16), row("R2", "7", 4), row("R3", "1", 2, 7000)].join("\r\n"));
    const r = kader("declaraties", "controleer", file, "--json");
    assert.equal(r.code, 0, r.err);
    const d = JSON.parse(r.out).declaraties[0];
    assert.equal(d.opgeslagen, false);
    assert.deepEqual(
      d.prestaties.map((p: { retourcodes: string[] }) => p.retourcodes),
      [["0200"], ["9338"], ["0611"]],
    );
    const again = JSON.parse(kader("declaraties", "controleer", file, "--json").out).declaraties[0];
    assert.equal(again.herhaald, false, "nothing was stored, so this is not a repeat");
    const stored = JSON.parse(kader("declaraties", "controleer", file, "--json", "--opslaan").out).declaraties[0];
    assert.equal(stored.opgeslagen, true);
    const repeat = JSON.parse(kader("declaraties", "controleer", file, "--json", "--opslaan").out).declaraties[0];
    assert.equal(repeat.herhaald, true);
    const text = kader("declaraties", "controleer", file);
    assert.match(text.out, /R2 {2}AFGEWEZEN {2}9338/);
    assert.match(text.out, /al eerder ontvangen/);
  });

  test("an unreadable file or a bad row: exit 1, with the file line", async () => {
    const file = await tmp("fout.csv", [header, row("R1", "1", 16), row("R2", "1", 16).replace(BSN, "123456789")].join("\n"));
    const r = kader("declaraties", "controleer", file, "--json");
    assert.equal(r.code, 1);
    const p = JSON.parse(r.out).problems[0];
    assert.deepEqual([p.file, p.line, p.path], ["fout.csv", 3, "prestaties.1.bsn"]);
    assert.equal(kader("declaraties", "controleer", await tmp("leeg.csv", "")).code, 1);
  });

  test("--opslaan is all or nothing: one invalid row in the file and no declaratie of it is stored", async () => {
    const d = (nr: string, ref: string, bsn = BSN) => row(ref, "1", 1).replace(/^D1;/, `${nr};`).replace(BSN, bsn);
    const file = await tmp("twee.csv", [header, d("D2", "S1"), d("D3", "S2", "123456789")].join("\n"));
    const r = kader("declaraties", "controleer", file, "--json", "--opslaan");
    assert.equal(r.code, 1, r.out);
    const problems = JSON.parse(r.out).problems as { line: number; column: string; detail: string }[];
    assert.deepEqual(
      problems.map((p) => [p.line, p.column]),
      [[3, "bsn"]],
    );
    assert.match(problems[0]!.detail, /^rij 3, kolom bsn: /);
    assert.ok(!r.out.includes("123456789"), "no BSN in the error");
    const only = await tmp("een.csv", [header, d("D2", "S1")].join("\n"));
    const check = JSON.parse(kader("declaraties", "controleer", only, "--json").out).declaraties[0];
    assert.equal(check.herhaald, false, "D2 was not stored with the rejected file");
  });
});
