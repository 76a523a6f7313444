import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import Fastify from "fastify";
import { z } from "zod";
import { contractPaths } from "../src/api/openapi.ts";
import { ContractViolation, mount } from "../src/api/route.ts";
import { PUBLIC, type RouteSpec, route } from "../src/contract/route.ts";
import { routeAt, routes } from "../src/contract/routes.ts";
import { installDutchZodMessages } from "../src/domain/shared/zod-dutch.ts";
import { type TestApp, testApp } from "./support/app.ts";

/**
 * One contract (src/contract): the server mounts exactly the contract's routes, the OpenAPI document is made from it
 * with a real response schema for every operation, and the route wrapper parses with it and holds every JSON answer
 * to it while the tests run (KADER_CHECK_RESPONSES=1, set by test/run.mjs) — so each API test in the suite is also a
 * test that its route's answers fit the contract.
 */

const all = routes as Record<string, RouteSpec>;
/** Routes of the server that are not API operations: the document itself and its viewer. */
const outsideContract = (url: string) => url === "/api/v1/openapi.json" || url.startsWith("/api/v1/docs");

describe("the contract and the server", () => {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(async () => t.close());

  test("the response check is on in the test suite", () => {
    assert.equal(process.env.KADER_CHECK_RESPONSES, "1", "run the tests with npm test (test/run.mjs sets KADER_CHECK_RESPONSES=1)");
  });

  test("every route of the contract is mounted on the server, and every API route of the server is in the contract", () => {
    const mounted = new Set(t.app.apiRoutes.map((r) => `${r.method} ${r.url}`));
    const declared = Object.values(all).map((r) => `${r.method} ${r.path}`);
    assert.ok(declared.length >= 80, `only ${declared.length} routes in the contract`);
    assert.deepEqual(
      declared.filter((k) => !mounted.has(k)),
      [],
      "in the contract but not mounted",
    );
    assert.deepEqual(
      [...mounted].filter((k) => !outsideContract(k.slice(k.indexOf(" ") + 1)) && !routeAt(k.slice(0, k.indexOf(" ")), k.slice(k.indexOf(" ") + 1))),
      [],
      "mounted but not in the contract (src/contract/<area>.ts)",
    );
    assert.equal(new Set(declared).size, declared.length, "a method and path twice in the contract");
  });

  test("the OpenAPI document: every operation from the contract, with a real schema for every JSON answer", async () => {
    const r = await t.app.inject({ method: "GET", url: "/api/v1/openapi.json" });
    assert.equal(r.statusCode, 200, r.body);
    const doc = r.json() as {
      paths: Record<string, Record<string, { operationId?: string; responses: Record<string, { content?: Record<string, { schema?: object }> }> }>>;
    };
    const loose: string[] = [];
    const ids: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        assert.ok(op.operationId, `${method.toUpperCase()} ${path} is not from the contract`);
        ids.push(op.operationId);
        for (const [status, resp] of Object.entries(op.responses)) {
          const schema = resp.content?.["application/json"]?.schema as { type?: string; properties?: object } | undefined;
          if (schema && schema.type === "object" && !schema.properties) loose.push(`${method.toUpperCase()} ${path} ${status}`);
        }
      }
    assert.deepEqual(loose, [], "answers described only as {type: object}");
    assert.equal(new Set(ids).size, ids.length, "operation ids are unique");
  });

  test("every state-changing route says who may call it; a public one has no security in the document", () => {
    const ops = contractPaths();
    for (const r of Object.values(all)) {
      const op = ops[r.path.replace(/:(\w+)/g, "{$1}")]?.[r.method.toLowerCase()] as { security?: unknown[] } | undefined;
      assert.ok(op, `${r.method} ${r.path} has no operation`);
      assert.equal(r.access.kind === "public", op.security === undefined, `${r.method} ${r.path}: public ⇔ no security`);
    }
  });
});

describe("the route wrapper", () => {
  installDutchZodMessages();
  const spec = route({
    method: "POST",
    path: "/api/v1/proef/:nummer",
    summary: "proefroute",
    params: z.object({ nummer: z.coerce.number().int().positive() }),
    query: z.object({ soort: z.enum(["a", "b"]).optional() }).strict(),
    body: z.object({ naam: z.string().min(1), aantal: z.number().int() }),
    response: z.object({ nummer: z.number(), naam: z.string() }),
    errors: [400],
    access: PUBLIC,
  });
  let lastError: unknown = null;
  const build = async (answer: (n: number, naam: string) => unknown) => {
    const app = Fastify();
    app.setErrorHandler((err, _req, reply) => {
      lastError = err;
      return reply.code(500).send({ fout: (err as Error).message });
    });
    mount(app, spec, async ({ params, body }) => ({ ok: true, value: answer(params.nummer, body.naam) as { nummer: number; naam: string } }));
    await app.ready();
    return app;
  };

  test("parses path, query and body with the contract and names every problem's place, in Dutch", async () => {
    const app = await build((nummer, naam) => ({ nummer, naam }));
    const bad = await app.inject({ method: "POST", url: "/api/v1/proef/nul?soort=c&extra=1", payload: { naam: "", aantal: 1.5 } });
    assert.equal(bad.statusCode, 400, bad.body);
    const problems = bad.json().problems as { path?: string; detail: string }[];
    const paths = problems.map((p) => p.path).sort();
    assert.deepEqual(paths, ["aantal", "extra", "naam", "nummer", "soort"], JSON.stringify(problems));
    assert.ok(
      problems.every((p) => !/expected|invalid/i.test(p.detail)),
      `Dutch details: ${problems.map((p) => p.detail).join(" | ")}`,
    );
    const good = await app.inject({ method: "POST", url: "/api/v1/proef/7?soort=a", payload: { naam: "x", aantal: 2 } });
    assert.equal(good.statusCode, 200, good.body);
    assert.deepEqual(good.json(), { nummer: 7, naam: "x" });
    await app.close();
  });

  test("an answer that does not fit the response schema is an error naming the route and the field", async () => {
    const app = await build((nummer) => ({ nummer: String(nummer), naam: 3 }));
    lastError = null;
    const r = await app.inject({ method: "POST", url: "/api/v1/proef/7", payload: { naam: "x", aantal: 2 } });
    assert.equal(r.statusCode, 500, r.body);
    assert.ok(lastError instanceof ContractViolation, `a ContractViolation, got ${String(lastError)}`);
    assert.equal((lastError as ContractViolation).route, "POST /api/v1/proef/:nummer");
    assert.ok(
      (lastError as ContractViolation).issues.some((i) => i.startsWith("nummer")) && (lastError as ContractViolation).issues.some((i) => i.startsWith("naam")),
      (lastError as ContractViolation).issues.join("; "),
    );
    await app.close();
  });
});
