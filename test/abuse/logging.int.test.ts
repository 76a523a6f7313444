import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { buildServer } from "../../src/api/server.ts";
import { type TestApp, testApp } from "../support/app.ts";
import { dbLabel } from "../support/db.ts";

/**
 * Issue 13 §2 "no personal data in logs, whatever the settings": an internal error is always logged (stderr, one JSON
 * line) with a correlation id the user sees too, and without the SQL parameters, the BSN, the name or the birth date
 * an error carries; with request logging on (KADER_LOG=1) a line holds method, route pattern, status and time only.
 */
const BSN = "111222333";
const NAME = "Jansen-Geheim";
const BIRTH = "2010-02-03";

/** A database-style error as pg/PGlite throws it: the query's parameters and a detail with the values. */
const dbError = () =>
  Object.assign(new Error(`duplicate key value violates unique constraint "clients_bsn" (${BSN})`), {
    code: "23505",
    parameters: [BSN, NAME, BIRTH],
    params: [BSN, NAME, BIRTH],
    detail: `Key (bsn, naam, geboortedatum)=(${BSN}, ${NAME}, ${BIRTH}) already exists.`,
    query: "insert into clients (bsn, naam, geboortedatum) values ($1, $2, $3)",
  });

describe(`logs without personal data, on ${dbLabel()}`, () => {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(async () => t.close());

  test("a 500 is logged to stderr without KADER_LOG, redacted, with the correlation id the problem carries", async () => {
    t.app.get("/api/v1/test/boom", async () => {
      throw dbError();
    });
    const lines: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    let r: Awaited<ReturnType<typeof t.app.inject>>;
    try {
      r = await t.app.inject({ method: "GET", url: `/api/v1/test/boom?q=${BSN}&naam=${NAME}` });
    } finally {
      process.stderr.write = write;
    }
    assert.equal(r.statusCode, 500);
    const problem = r.json();
    assert.match(problem.correlationId, /^[0-9a-f-]{36}$/);
    assert.ok(problem.detail.includes(`meld code ${problem.correlationId}`), problem.detail);
    assert.doesNotMatch(r.body, new RegExp(`${BSN}|${NAME}|${BIRTH}`));
    assert.equal(problem.instance, "/api/v1/test/boom");

    const logged = lines.join("").split("\n").filter(Boolean);
    assert.equal(logged.length, 1, `one line: ${lines.join("")}`);
    const line = JSON.parse(logged[0]!);
    assert.equal(line.correlationId, problem.correlationId);
    assert.equal(line.route, "/api/v1/test/boom");
    assert.equal(line.status, 500);
    assert.equal(line.error.code, "23505");
    assert.equal(line.error.class, "Error");
    assert.match(line.error.message, /duplicate key value/);
    for (const secret of [BSN, NAME, BIRTH, "q=", "parameters", "params", "Key (bsn"])
      assert.ok(!logged[0]!.includes(secret), `log line holds ${secret}: ${logged[0]}`);
  });

  test("with request logging on, a line holds method, route pattern, status and time — never the query string", async () => {
    const lines: string[] = [];
    const errors: string[] = [];
    const app = await buildServer(t.kader, { logger: true, requestLog: (l) => lines.push(l), errorLog: (l) => errors.push(l) });
    app.post("/api/v1/test/boom", async () => {
      throw dbError();
    });
    try {
      const search = await app.inject({ method: "GET", url: `/api/v1/products?q=${BSN}` });
      assert.equal(search.statusCode, 200);
      const product = await app.inject({ method: "GET", url: `/api/v1/products/${BSN}` });
      assert.equal(product.statusCode, 404);
      const unknown = await app.inject({ method: "GET", url: `/api/v1/bestaat-niet/${BSN}?naam=${NAME}` });
      assert.equal(unknown.statusCode, 404);
      assert.doesNotMatch(unknown.body, new RegExp(`${BSN}|${NAME}`), "a BSN in an unknown URL is not echoed");
      const boom = await app.inject({ method: "POST", url: "/api/v1/tarieven/bereken", payload: { productId: BSN, naam: NAME } });
      assert.notEqual(boom.statusCode, 500);
    } finally {
      await app.close();
    }
    assert.equal(lines.length, 4, lines.join("\n"));
    const parsed = lines.map((l) => JSON.parse(l));
    assert.deepEqual(
      parsed.map((l) => [l.method, l.route, l.status]),
      [
        ["GET", "/api/v1/products", 200],
        ["GET", "/api/v1/products/:id", 404],
        ["GET", null, 404],
        ["POST", "/api/v1/tarieven/bereken", parsed[3].status],
      ],
    );
    for (const l of parsed) {
      assert.deepEqual(Object.keys(l).sort(), ["level", "method", "ms", "route", "status", "time"]);
      assert.equal(typeof l.ms, "number");
    }
    assert.doesNotMatch(lines.join("\n"), new RegExp(`${BSN}|${NAME}|\\?`));
    assert.deepEqual(errors, []);
  });

  test("the error line masks digit runs and leaves out the error's other fields whatever the error", async () => {
    const errors: string[] = [];
    const app = await buildServer(t.kader, { errorLog: (l) => errors.push(l) });
    app.get("/api/v1/test/raw", async () => {
      throw Object.assign(new TypeError(`cannot read bsn ${BSN} of client`), { parameters: [NAME], extra: { bsn: BSN } });
    });
    try {
      const r = await app.inject({ method: "GET", url: "/api/v1/test/raw" });
      assert.equal(r.statusCode, 500);
      assert.equal(errors.length, 1);
      const line = JSON.parse(errors[0]!);
      assert.equal(line.correlationId, r.json().correlationId);
      assert.equal(line.error.class, "TypeError");
      assert.match(line.error.message, /cannot read bsn •{9} of client/);
      assert.ok(!errors[0]!.includes(BSN) && !errors[0]!.includes(NAME), errors[0]);
    } finally {
      await app.close();
    }
  });
});
