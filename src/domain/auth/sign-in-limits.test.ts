import assert from "node:assert/strict";
import { test } from "node:test";
import { decideSignIn, defaultSignInLimits, delaySeconds, reachesLimit } from "./sign-in-limits.ts";

const at = "2026-06-01T09:00:00.000Z";
const plus = (s: number) => new Date(Date.parse(at) + s * 1000).toISOString();

test("the delay starts after the free failures, doubles, and stops at the maximum", () => {
  assert.deepEqual(
    [0, 4, 5, 6, 7, 8, 9, 10, 11, 40].map((n) => delaySeconds(n)),
    [0, 0, 1, 2, 4, 8, 16, 30, 30, 30],
  );
});

test("an attempt within the delay is refused with the seconds left; after it, it is checked", () => {
  const s = { addressFailures: 7, lastAddressFailureAt: at, accountFailures: 7, locked: false };
  assert.deepEqual(decideSignIn(s, plus(1)), { kind: "delayed", retryAfterSeconds: 3 });
  assert.deepEqual(decideSignIn(s, plus(4)), { kind: "check" });
  assert.deepEqual(decideSignIn({ ...s, addressFailures: 0, lastAddressFailureAt: null }, plus(0)), { kind: "check" }, "another address is not delayed");
});

test("a locked account is refused whatever the address; the limit is reached by the last failure", () => {
  assert.deepEqual(decideSignIn({ addressFailures: 0, lastAddressFailureAt: null, accountFailures: 50, locked: true }, at), { kind: "locked" });
  const s = (n: number) => ({ addressFailures: 0, lastAddressFailureAt: null, accountFailures: n, locked: false });
  assert.equal(reachesLimit(s(defaultSignInLimits.accountLimit - 2)), false);
  assert.equal(reachesLimit(s(defaultSignInLimits.accountLimit - 1)), true);
});
