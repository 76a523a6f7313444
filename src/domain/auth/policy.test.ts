import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { actions, authorize, policy, resources } from "./policy.ts";
import type { AgbCode, Gemeentecode, Principal, Role, Tenant } from "./principal.ts";
import { tenantKindOf } from "./principal.ts";

const gemeenten = ["0106", "1680", "1730"] as const;
const agbs = ["12345678", "98765432"] as const;
const roles: Role[] = ["beheerder", "contractmanager", "toegang", "aanbieder", "controller"];

const principalArb: fc.Arbitrary<Principal> = fc
  .record({ role: fc.constantFrom(...roles), g: fc.constantFrom(...gemeenten), a: fc.constantFrom(...agbs), disabled: fc.boolean() })
  .map(({ role, g, a, disabled }) => {
    const kind = tenantKindOf[role];
    const tenant: Tenant | null =
      kind === "gemeente" ? { kind, gemeentecode: g as Gemeentecode, name: g } : kind === "aanbieder" ? { kind, agbCode: a as AgbCode, name: a } : null;
    return { username: `${role}-${g}-${a}`, displayName: role, role, tenant, disabled };
  });
const targetArb = fc.record({ gemeentecode: fc.constantFrom(...gemeenten, null), agbCode: fc.constantFrom(...agbs, null) });
const resourceArb = fc.constantFrom(...resources);
const actionArb = fc.constantFrom(...actions);
const isPublic = (r: (typeof resources)[number], a: (typeof actions)[number]) => policy[r][a].some((g) => g.scope === "public");

test("anonymous users get 401 on every non-public resource", () => {
  fc.assert(
    fc.property(resourceArb, actionArb, targetArb, (r, a, t) => {
      const d = authorize(null, r, a, t);
      if (isPublic(r, a)) assert.equal(d.allowed, true);
      else assert.deepEqual([d.allowed, !d.allowed && d.status], [false, 401]);
    }),
  );
});

test("tenant isolation: nobody but the beheerder reaches a record of another gemeente or aanbieder", () => {
  fc.assert(
    fc.property(principalArb, resourceArb, actionArb, targetArb, (p, r, a, t) => {
      const d = authorize(p, r, a, t);
      if (!d.allowed || isPublic(r, a) || p.role === "beheerder") return;
      const own = p.tenant!;
      if (own.kind === "gemeente") assert.equal(t.gemeentecode, own.gemeentecode);
      else assert.equal(t.agbCode, own.agbCode);
    }),
  );
});

test("a provider sees only its own records; a controller never writes; a disabled account gets nothing private", () => {
  fc.assert(
    fc.property(principalArb, resourceArb, actionArb, targetArb, (p, r, a, t) => {
      const d = authorize(p, r, a, t);
      if (p.role === "aanbieder" && d.allowed && !isPublic(r, a)) assert.equal(t.agbCode, p.tenant?.kind === "aanbieder" ? p.tenant.agbCode : "x");
      if (p.role === "controller" && a === "write") assert.equal(d.allowed, false);
      if (p.disabled && !isPublic(r, a)) assert.equal(d.allowed, false);
    }),
  );
});

test("the decision matches the policy table for every user × resource × action", () => {
  fc.assert(
    fc.property(principalArb, resourceArb, actionArb, targetArb, (p, r, a, t) => {
      const d = authorize(p, r, a, t);
      const expected =
        isPublic(r, a) ||
        (!p.disabled &&
          policy[r][a].some(
            (g) =>
              g.role === p.role &&
              (g.scope === "all" ||
                (g.scope === "own-gemeente" && p.tenant?.kind === "gemeente" && t.gemeentecode === p.tenant.gemeentecode) ||
                (g.scope === "own-aanbieder" && p.tenant?.kind === "aanbieder" && t.agbCode === p.tenant.agbCode)),
          ));
      assert.equal(d.allowed, expected);
      if (!d.allowed) assert.ok(d.reason.length > 0);
    }),
    { numRuns: 2000 },
  );
});

test("concrete cases read as the issue states them", () => {
  const toegang: Principal = {
    username: "t",
    displayName: "t",
    role: "toegang",
    tenant: { kind: "gemeente", gemeentecode: "0106" as Gemeentecode, name: "Assen" },
    disabled: false,
  };
  const aanbieder: Principal = {
    username: "a",
    displayName: "a",
    role: "aanbieder",
    tenant: { kind: "aanbieder", agbCode: "12345678" as AgbCode, name: "X" },
    disabled: false,
  };
  assert.equal(authorize(toegang, "beschikking", "write", { gemeentecode: "0106" }).allowed, true);
  assert.equal(authorize(toegang, "beschikking", "write", { gemeentecode: "1680" }).allowed, false);
  assert.equal(authorize(aanbieder, "client", "read", { gemeentecode: "0106", agbCode: "12345678" }).allowed, true);
  assert.equal(authorize(aanbieder, "client", "read", { gemeentecode: "0106", agbCode: "98765432" }).allowed, false);
  assert.equal(authorize(aanbieder, "user", "read").allowed, false);
  assert.equal(authorize(null, "catalogue", "read").allowed, true);
});
