import assert from "node:assert/strict";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { type TestApp, testApp } from "./support/app.ts";

let t: TestApp;
before(async () => {
  const web = await mkdtemp(join(tmpdir(), "kader-web-"));
  await mkdir(join(web, "assets"));
  await writeFile(join(web, "index.html"), '<!doctype html><html lang="nl"><title>Kader</title><script src="/assets/app-1234.js"></script></html>');
  await writeFile(join(web, "assets", "app-1234.js"), `console.log(${JSON.stringify("x".repeat(4000))});`);
  t = await testApp({ webRoot: web });
});
after(async () => t.close());

test("the web application is served at / and for its own routes, index.html never cached", async () => {
  for (const url of ["/", "/producten/000-begeleiding-dagbesteding.wmo.02A03", "/vergelijken?code=02A05"]) {
    const r = await t.app.inject({ method: "GET", url });
    assert.equal(r.statusCode, 200, url);
    assert.match(String(r.headers["content-type"]), /text\/html/);
    assert.match(r.body, /<title>Kader<\/title>/);
    assert.match(String(r.headers["cache-control"]), /no-cache/);
  }
});

test("hashed assets are cached for a year and compressed for browsers; a missing asset is a 404, not index.html", async () => {
  const a = await t.app.inject({ method: "GET", url: "/assets/app-1234.js", headers: { "accept-encoding": "gzip" } });
  assert.equal(a.statusCode, 200);
  assert.match(String(a.headers["cache-control"]), /immutable/);
  assert.equal(a.headers["content-encoding"], "gzip");
  const missing = await t.app.inject({ method: "GET", url: "/assets/weg-9999.js" });
  assert.equal(missing.statusCode, 404);
  assert.match(String(missing.headers["content-type"]), /problem\+json/);
  assert.equal((await t.app.inject({ method: "GET", url: "/favicon.ico" })).statusCode, 404);
  const api = await t.app.inject({ method: "GET", url: "/api/v1/bestaat-niet" });
  assert.equal(api.statusCode, 404);
  assert.match(String(api.headers["content-type"]), /problem\+json/);
});
