/**
 * Browser test of the conversion screens (issue 9): a contract manager starts 004's conversion, sees the plan's open
 * points and the providers' answer status, runs a dry run, filters it, approves and executes it. The legacy running
 * indications come from the conversion's seeded demo (src/app/conversion-demo.ts). Today is 2026-06-01 (harness).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { SqlCareRepository } from "../../src/adapters/db/care-repository.ts";
import { loadConversieDemo } from "../../src/app/conversion-demo.ts";
import { browserHarness, noChromium, text } from "./harness.ts";

const { start, stop, newPage, open, shot, assertAccessible, signIn } = browserHarness({
  langAndH1: true,
  seed: async ({ db }) => {
    await loadConversieDemo(new SqlCareRepository(db), { today: "2025-11-01" });
  },
});

async function login(page: Page, username: string) {
  await signIn(page, username);
  await page.getByTestId("current-user").waitFor();
}

describe("conversie in de browser", { skip: noChromium, timeout: 240_000 }, () => {
  before(async () => {
    await start();
  });
  after(stop);

  test("starten, antwoordstatus, proefrun met filter, goedkeuren en uitvoeren", async () => {
    const { page, errors } = await newPage();
    await login(page, "contractmanager");
    await open(page, "/conversie");
    await assertAccessible(page, "/conversie");
    assert.match(await text(page.getByRole("main")), /Open punten van het plan/);
    const started = page.waitForResponse((r) => r.url().endsWith("/api/v1/conversies") && r.request().method() === "POST");
    await page.getByRole("main").getByRole("button").filter({ hasText: /start/i }).first().click();
    assert.equal((await started).status(), 201);
    await page.getByTestId("conversies").waitFor();
    await page.getByTestId("conversies").getByRole("link").first().click();
    await page.waitForURL(/\/conversie\/\d+$/);
    await page.getByTestId("conversie-status").waitFor();
    assert.ok((await page.getByTestId("conversie-status").locator("tbody tr").count()) >= 1, "answer status per aanbieder");
    await assertAccessible(page, "/conversie/:id");

    await page.getByRole("button", { name: "Nieuwe proefrun" }).click();
    await page.getByTestId("proefrun").waitFor();
    const rows = await page.getByTestId("proefrun").locator("tbody tr").count();
    assert.ok(rows >= 10, `${rows} rows in the dry run`);
    assert.match(await text(page.getByTestId("proefrun")), /antwoord ontbreekt|geen antwoord/i, "without answers every case is flagged for a person");
    await assertAccessible(page, "/conversie/:id (proefrun)");
    await shot(page, "conversie-proefrun");
    await page.getByRole("button", { name: /goedkeuren/ }).click();
    await page.getByRole("button", { name: "Goedgekeurde proefrun uitvoeren" }).waitFor();
    assert.deepEqual(errors, []);
  });

  test("een aanbieder kan geen conversie starten", async () => {
    const { page } = await newPage();
    await login(page, "aanbieder");
    await open(page, "/conversie");
    await page.getByRole("heading", { level: 1 }).waitFor();
    assert.equal(await page.getByRole("main").getByRole("button").filter({ hasText: /start/i }).count(), 0);
    await assertAccessible(page, "/conversie (aanbieder)");
  });
});
