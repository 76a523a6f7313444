import assert from "node:assert/strict";
import { test } from "node:test";
import { planVersions } from "./versioning.ts";

const v = (id: string, version: number, validFrom: string, validTo: string | null, hash: string) => ({ id, version, validFrom, validTo, hash });
const never = () => false;
const always = () => true;

test("first load of a productenboek starts at the document's own date", () => {
  const p = planVersions([], [{ id: "a", hash: "h1", validFrom: "2025-01-01" }], "2026-11-29", always, () => "2026-11-29");
  assert.deepEqual(p.inserts, [{ id: "a", version: 1, validFrom: "2025-01-01" }]);
});

test("a product added later to a known productenboek starts today, not retroactively", () => {
  const p = planVersions([], [{ id: "a", hash: "h1", validFrom: "2025-01-01" }], "2026-11-29", never, () => "2026-11-29");
  assert.deepEqual(p.inserts, [{ id: "a", version: 1, validFrom: "2026-11-29" }]);
});

test("unchanged data plans nothing", () => {
  const p = planVersions([v("a", 1, "2025-01-01", null, "h1")], [{ id: "a", hash: "h1", validFrom: "2025-01-01" }], "2026-11-29", never, () => "x");
  assert.deepEqual([p.inserts, p.closes, p.unchanged], [[], [], ["a"]]);
});

test("a change ends the running version yesterday and starts a new one today", () => {
  const p = planVersions([v("a", 1, "2025-01-01", null, "h1")], [{ id: "a", hash: "h2", validFrom: "2025-01-01" }], "2026-11-29", never, () => "x");
  assert.deepEqual(p.closes, [{ id: "a", version: 1, validTo: "2026-11-28" }]);
  assert.deepEqual(p.inserts, [{ id: "a", version: 2, validFrom: "2026-11-29" }]);
});

test("a change to a document that applies in the future takes effect from that date", () => {
  const p = planVersions([v("a", 1, "2025-01-01", null, "h1")], [{ id: "a", hash: "h2", validFrom: "2027-01-01" }], "2026-11-29", never, () => "x");
  assert.deepEqual(p.closes, [{ id: "a", version: 1, validTo: "2026-12-31" }]);
  assert.deepEqual(p.inserts, [{ id: "a", version: 2, validFrom: "2027-01-01" }]);
});

test("a version not yet in force is superseded: it ends before it starts", () => {
  const p = planVersions([v("a", 1, "2027-01-01", null, "h1")], [{ id: "a", hash: "h2", validFrom: "2027-01-01" }], "2026-11-29", never, () => "x");
  assert.deepEqual(p.closes, [{ id: "a", version: 1, validTo: "2026-12-31" }]);
  assert.deepEqual(p.inserts, [{ id: "a", version: 2, validFrom: "2027-01-01" }]);
});

test("a product no longer delivered is withdrawn from the effective date; it can come back later", () => {
  const w = planVersions([v("a", 1, "2025-01-01", null, "h1")], [], "2026-11-29", never, () => "2026-01-01");
  assert.deepEqual(w.closes, [{ id: "a", version: 1, validTo: "2026-11-28" }]);
  assert.deepEqual(w.withdrawn, ["a"]);
  const back = planVersions([v("a", 1, "2025-01-01", "2026-11-28", "h1")], [{ id: "a", hash: "h1", validFrom: "2025-01-01" }], "2026-12-05", never, () => "x");
  assert.deepEqual(back.inserts, [{ id: "a", version: 2, validFrom: "2026-12-05" }]);
  assert.deepEqual(back.changed, ["a"]);
});
