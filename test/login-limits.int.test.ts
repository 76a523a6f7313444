import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { wire } from "../src/cli/compose.ts";
import { type TestApp, testApp } from "./support/app.ts";
import { dbLabel } from "./support/db.ts";

/**
 * Sign-in limits without a lockout a stranger controls (docs/decisions.md, "Sign-in limits"): a progressive delay per
 * account + address, a per-account limit that the beheerder lifts, and a log of the attempts.
 */
describe(`sign-in limits on ${dbLabel()}`, () => {
  let t: TestApp;
  before(async () => {
    t = await testApp({ demoUsers: true });
    for (const u of ["anna", "bert", "carla", "dirk"])
      await t.kader.auth.addUser({ username: u, displayName: u, role: "toegang", gemeentecode: "0106", password: "het-goede-wachtwoord" });
  });
  after(async () => t.close());

  const login = async (username: string, password: string, ip: string) => {
    const r = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username, password }, remoteAddress: ip });
    return { status: r.statusCode, body: r.json(), retryAfter: r.headers["retry-after"], cookie: String(r.headers["set-cookie"] ?? "").split(";")[0] ?? "" };
  };
  const seconds = (s: number) => t.clock.advanceMinutes(s / 60);
  const beheerder = async () => {
    const b = await login("beheerder", "kader-demo", "10.1.0.1");
    assert.equal(b.status, 200);
    return { cookie: b.cookie, "x-csrf-token": b.body.csrfToken };
  };

  test("a stranger's failures do not lock the real user out at her own address", async () => {
    // 30 failures from a stranger's address, each one waited out so they all count
    for (let i = 0; i < 30; i++) {
      const r = await login("anna", `geraden-${i}-wachtwoord`, "203.0.113.9");
      assert.equal(r.status, 401, `attempt ${i + 1}`);
      seconds(31);
    }
    const stranger = await login("anna", "nog-een-gok-wachtwoord", "203.0.113.9");
    assert.equal(stranger.status, 401, "31 s later the stranger may try again, and fails");
    const right = await login("anna", "het-goede-wachtwoord", "10.0.0.5");
    assert.equal(right.status, 200, "anna signs in at once from her own address");
  });

  test("the delay is per account + address: after 5 failures 1 s, doubling, answered 429 with Retry-After in Dutch", async () => {
    for (let i = 0; i < 5; i++) assert.equal((await login("bert", "fout-fout-fout", "198.51.100.7")).status, 401);
    const first = await login("bert", "fout-fout-fout", "198.51.100.7");
    assert.equal(first.status, 429);
    assert.equal(first.retryAfter, "1");
    assert.equal(first.body.title, "Te veel pogingen");
    assert.match(first.body.detail, /probeer het over 1 seconde opnieuw/);
    const rightHere = await login("bert", "het-goede-wachtwoord", "198.51.100.7");
    assert.equal(rightHere.status, 429, "the right password from that address waits too");
    seconds(1);
    assert.equal((await login("bert", "fout-fout-fout", "198.51.100.7")).status, 401, "after the delay the attempt is checked");
    const second = await login("bert", "fout-fout-fout", "198.51.100.7");
    assert.equal(second.retryAfter, "2", "the delay doubles");
    for (let i = 0; i < 6; i++) {
      seconds(30);
      await login("bert", "fout-fout-fout", "198.51.100.7");
    }
    assert.equal((await login("bert", "fout-fout-fout", "198.51.100.7")).retryAfter, "30", "up to 30 s at most");
    // another account from the same address and the same account from another address are not delayed
    assert.equal((await login("carla", "het-goede-wachtwoord", "198.51.100.7")).status, 200);
    assert.equal((await login("bert", "het-goede-wachtwoord", "10.0.0.6")).status, 200);
    // the delay is in the database: a second process (new services on the same database) holds it too
    const other = wire(t.db, t.clock);
    const again = await other.auth.login("bert", "het-goede-wachtwoord", "198.51.100.7");
    assert.equal(again.ok, false);
    assert.ok(!again.ok && again.retryAfterSeconds !== undefined && again.retryAfterSeconds > 0);
  });

  test("50 failures from any address lock the account until the beheerder lifts the lock", async () => {
    // a spread attack: 10 addresses × 5 failures, no delay ever reached
    for (let a = 0; a < 10; a++) for (let i = 0; i < 5; i++) assert.equal((await login("dirk", "fout-fout-fout", `192.0.2.${a + 1}`)).status, 401);
    const locked = await login("dirk", "het-goede-wachtwoord", "10.0.0.7");
    assert.equal(locked.status, 429);
    assert.equal(locked.body.title, "Account geblokkeerd");
    assert.match(locked.body.detail, /vraag de beheerder de blokkade op te heffen/);
    t.clock.advanceMinutes(25 * 60);
    assert.equal((await login("dirk", "het-goede-wachtwoord", "10.0.0.7")).status, 429, "the lock does not wear off");

    const h = await beheerder();
    const list = await t.app.inject({ method: "GET", url: "/api/v1/aanmeldpogingen?gebruiker=dirk", headers: h });
    assert.equal(list.statusCode, 200, list.body);
    assert.deepEqual(
      list.json().geblokkeerd.map((x: { username: string }) => x.username),
      ["dirk"],
    );

    const toegang = await login("toegang", "kader-demo", "10.1.0.2");
    const refused = await t.app.inject({
      method: "POST",
      url: "/api/v1/users/dirk/unlock",
      headers: { cookie: toegang.cookie, "x-csrf-token": toegang.body.csrfToken },
    });
    assert.equal(refused.statusCode, 403, "only the beheerder lifts a lock");
    const unlocked = await t.app.inject({ method: "POST", url: "/api/v1/users/dirk/unlock", headers: h });
    assert.equal(unlocked.statusCode, 200, unlocked.body);
    assert.deepEqual(unlocked.json(), { username: "dirk", wasLocked: true });
    assert.equal((await login("dirk", "het-goede-wachtwoord", "10.0.0.7")).status, 200);
    const unknown = await t.app.inject({ method: "POST", url: "/api/v1/users/niemand-hier/unlock", headers: h });
    assert.equal(unknown.statusCode, 404);
  });

  test("the beheerder reads the attempts: who, from where, when, and what happened", async () => {
    const h = await beheerder();
    const r = await t.app.inject({ method: "GET", url: "/api/v1/aanmeldpogingen?gebruiker=dirk&limit=100", headers: h });
    assert.equal(r.statusCode, 200);
    const items: { username: string; address: string | null; outcome: string; by: string | null; label: string }[] = r.json().items;
    assert.equal(items[0]?.outcome, "success", "newest first");
    const outcomes = new Set(items.map((x) => x.outcome));
    for (const o of ["success", "failure", "locked", "lock", "unlock"]) assert.ok(outcomes.has(o), o);
    const unlock = items.find((x) => x.outcome === "unlock");
    assert.deepEqual([unlock?.by, unlock?.address, unlock?.label], ["beheerder", null, "blokkade opgeheven"]);
    assert.ok(items.filter((x) => x.outcome === "failure").every((x) => x.address?.startsWith("192.0.2.")));
    const delayed = (await t.app.inject({ method: "GET", url: "/api/v1/aanmeldpogingen?gebruiker=bert", headers: h })).json().items;
    assert.ok(delayed.some((x: { outcome: string }) => x.outcome === "delayed"));
    // reading the attempts is logged, and only the beheerder may
    const logRows = (await t.app.inject({ method: "GET", url: "/api/v1/access-log?resource=user&gebruiker=beheerder", headers: h })).json().items;
    assert.ok(logRows.some((x: { endpoint: string }) => x.endpoint === "GET /api/v1/aanmeldpogingen"));
    const c = await login("controller", "kader-demo", "10.1.0.3");
    assert.equal((await t.app.inject({ method: "GET", url: "/api/v1/aanmeldpogingen", headers: { cookie: c.cookie } })).statusCode, 403);
    assert.equal((await t.app.inject({ method: "GET", url: "/api/v1/aanmeldpogingen" })).statusCode, 401);
  });
});
