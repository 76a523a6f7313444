/**
 * The standing abuse suite, part 2 (issue 13 §5): a property over every upload endpoint. For random byte strings and
 * random mutations of a valid upload (bit flips, truncation, an inserted NUL, a duplicated row), the answer is a 2xx or
 * a 4xx — never a 5xx — and a 4xx is a Dutch problem+json that left every table as it was.
 *
 * The runs are bounded (NUM_RUNS per endpoint) and seeded: FC_SEED=<n> replays a run, FC_SEED=random draws a new seed.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import JSZip from "jszip";
import { SqlConversionStore } from "../../src/adapters/db/conversion-repository.ts";
import { loadConversieDemo } from "../../src/app/conversion-demo.ts";
import { bsn } from "../messages-processing-support.ts";
import { type TestApp, testApp } from "../support/app.ts";
import { dbLabel } from "../support/db.ts";
import { assertDutchProblem, changes, type DemoRole, type Session, signInAll, snapshot } from "./support.ts";

const NUM_RUNS = 40;
const SEED = process.env.FC_SEED === "random" ? Date.now() % 2 ** 31 : Number(process.env.FC_SEED ?? 13);
const DEMO_AGB = "98765432";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const FIXTURES = join(import.meta.dirname, "../fixtures");

// ------------------------------------------------------------------------------------------------ mutations

type Mutation =
  | { kind: "flip"; at: number; bit: number }
  | { kind: "truncate"; at: number }
  | { kind: "nul"; at: number }
  | { kind: "duplicate-row"; row: number }
  | { kind: "delete"; at: number; length: number }
  | { kind: "insert"; at: number; bytes: Uint8Array };

/** Positions are fractions of the input, so one mutation applies to an input of any length. */
const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const mutation: fc.Arbitrary<Mutation> = fc
  .oneof(
    fc.record({ kind: fc.constant("flip" as const), at: fraction, bit: fc.integer({ min: 0, max: 7 }) }),
    fc.record({ kind: fc.constant("truncate" as const), at: fraction }),
    fc.record({ kind: fc.constant("nul" as const), at: fraction }),
    fc.record({ kind: fc.constant("duplicate-row" as const), row: fraction }),
    fc.record({ kind: fc.constant("delete" as const), at: fraction, length: fc.integer({ min: 1, max: 64 }) }),
    fc.record({ kind: fc.constant("insert" as const), at: fraction, bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
  )
  .map((m) => m as Mutation);

function mutate(base: Uint8Array, m: Mutation): Uint8Array {
  const b = Buffer.from(base);
  const pos = (f: number) => Math.min(b.length, Math.floor(f * b.length));
  switch (m.kind) {
    case "flip": {
      if (!b.length) return b;
      const i = Math.min(b.length - 1, pos(m.at));
      b[i] = b[i]! ^ (1 << m.bit);
      return b;
    }
    case "truncate":
      return b.subarray(0, pos(m.at));
    case "nul":
      return Buffer.concat([b.subarray(0, pos(m.at)), Buffer.from([0]), b.subarray(pos(m.at))]);
    case "duplicate-row": {
      const rows = b.toString("latin1").split("\n");
      const i = Math.min(rows.length - 1, Math.floor(m.row * rows.length));
      rows.splice(i, 0, rows[i]!);
      return Buffer.from(rows.join("\n"), "latin1");
    }
    case "delete":
      return Buffer.concat([b.subarray(0, pos(m.at)), b.subarray(pos(m.at) + m.length)]);
    case "insert":
      return Buffer.concat([b.subarray(0, pos(m.at)), m.bytes, b.subarray(pos(m.at))]);
    default:
      return m satisfies never;
  }
}

/** Random bytes, or one to three mutations of the valid upload. */
const uploadOf = (base: Uint8Array): fc.Arbitrary<{ how: string; bytes: Uint8Array }> =>
  fc.oneof(
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2048 }).map((bytes) => ({ how: "random bytes", bytes })) },
    {
      weight: 4,
      arbitrary: fc
        .array(mutation, { minLength: 1, maxLength: 3 })
        .map((ms) => ({ how: JSON.stringify(ms, (_k, v) => (v instanceof Uint8Array ? [...v] : v)), bytes: ms.reduce(mutate, base) })),
    },
  );

// ------------------------------------------------------------------------------------------------ the property

describe(`abuse: random and mutated uploads never give a 5xx (${dbLabel()}, seed ${SEED})`, () => {
  let t: TestApp;
  let s: Record<DemoRole, Session>;
  let conversieId = 0;
  let uitvraag: Uint8Array = new Uint8Array();
  before(async () => {
    t = await testApp({ demoUsers: true });
    s = await signInAll(t.app);
    await loadConversieDemo(new SqlConversionStore(t.db).care, { today: "2025-12-01" });
    const c = await t.app.inject({ method: "POST", url: "/api/v1/conversies", headers: s.contractmanager.headers, payload: { plan: "004-nmd-2026" } });
    assert.equal(c.statusCode, 201, c.body);
    conversieId = c.json().id;
    const d = await t.app.inject({ method: "GET", url: `/api/v1/conversies/${conversieId}/uitvraag`, headers: s.aanbieder.headers });
    assert.equal(d.statusCode, 200, d.body);
    uitvraag = new Uint8Array(d.rawPayload);
  });
  after(async () => t?.close());

  /** Sends every generated upload; asserts never 5xx, and on a 4xx a Dutch problem and an unchanged database. */
  const holds = async (what: string, base: Uint8Array, send: (bytes: Uint8Array) => Promise<import("fastify").LightMyRequestResponse>) => {
    const first = await send(base);
    assert.ok(first.statusCode < 300, `${what}: the valid upload itself is accepted: ${first.statusCode} ${first.body.slice(0, 300)}`);
    const seen = new Map<number, number>([[first.statusCode, 1]]);
    await fc.assert(
      fc.asyncProperty(uploadOf(base), async ({ how, bytes }) => {
        const before = await snapshot(t.db);
        const r = await send(bytes);
        seen.set(r.statusCode, (seen.get(r.statusCode) ?? 0) + 1);
        assert.ok(r.statusCode < 500, `${what} (${how}): ${r.statusCode} ${r.body.slice(0, 300)}`);
        if (r.statusCode >= 400) {
          assert.deepEqual(changes(before, await snapshot(t.db)), [], `${what} (${how}): a ${r.statusCode} changed the database`);
          assertDutchProblem(r, r.statusCode, `${what} (${how})`);
        }
      }),
      { numRuns: NUM_RUNS, seed: SEED, endOnFailure: true },
    );
    return [...seen]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status}×${n}`)
      .join(" ");
  };

  const post = (url: string, who: DemoRole, type: string) => (bytes: Uint8Array) =>
    t.app.inject({ method: "POST", url, headers: { ...s[who].headers, "content-type": type }, payload: Buffer.from(bytes) });

  test("a WMO323 message (XML) as the aanbieder", async (ctx) => {
    const base = new TextEncoder().encode(readFileSync(join(FIXTURES, "messages/WMO323.xml"), "utf8").replaceAll("12345678", DEMO_AGB));
    ctx.diagnostic(await holds("WMO323", base, post("/api/v1/berichten?bestandsnaam=declaratie.xml", "aanbieder", "application/xml")));
  });

  test("a WMO301 message (XML) as the toegang", async (ctx) => {
    const base = readFileSync(join(FIXTURES, "messages/WMO301.xml"));
    ctx.diagnostic(await holds("WMO301", base, post("/api/v1/berichten?bestandsnaam=toewijzing.xml", "toegang", "application/xml")));
  });

  test("a ZIP batch of two messages as the aanbieder", async (ctx) => {
    const zip = new JSZip();
    const xml = readFileSync(join(FIXTURES, "messages/WMO323.xml"), "utf8").replaceAll("12345678", DEMO_AGB);
    zip.file("a.xml", xml);
    zip.file("b.xml", xml.replace("KADER0001", "KADER0002"));
    const base = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    ctx.diagnostic(await holds("ZIP", base, post("/api/v1/berichten?bestandsnaam=batch.zip", "aanbieder", "application/zip")));
  });

  test("a declaratie CSV as the aanbieder", async (ctx) => {
    const header =
      "declaratienummer;aanbieder;gemeente;wet;periode_begin;periode_eind;dagtekening;referentienummer;vorig_referentienummer;bsn;toewijzingnummer;productcategorie;productcode;begindatum;einddatum;geleverd_volume;eenheid;product_tarief;bedrag;debet_credit;km";
    const row = (ref: string, n: number) =>
      `PROP-1;${DEMO_AGB};0106;wmo;2026-05-01;2026-05-31;2026-06-01;${ref};;${bsn(n)};1;00;;2026-05-01;2026-05-31;12;04;6500;78000;D;`;
    const base = new TextEncoder().encode([header, row("P1", 1), row("P2", 2), row("P3", 3)].join("\n"));
    ctx.diagnostic(await holds("declaratie CSV", base, post("/api/v1/declaraties", "aanbieder", "text/csv")));
  });

  test("a staff CSV (personeelsbestand) as the aanbieder", async (ctx) => {
    const base = readFileSync(join(FIXTURES, "staff/zorg-voorbeeld.csv"));
    ctx.diagnostic(
      await holds("staff CSV", base, post(`/api/v1/aanbieders/${DEMO_AGB}/medewerkers?bestand=personeel.csv&naam=Zorg%20Voorbeeld`, "aanbieder", "text/csv")),
    );
  });

  test("an uitvraag workbook (XLSX) as the aanbieder", async (ctx) => {
    ctx.diagnostic(await holds("uitvraag XLSX", uitvraag, post(`/api/v1/conversies/${conversieId}/antwoorden`, "aanbieder", XLSX)));
  });
});
