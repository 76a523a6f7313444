/**
 * Browser test of the message screen (issue 6): a gemeente uploads a provider's WMO323 and an unreadable file, sees per
 * message the status and the retourcodes explained in Dutch, finds the message in its inbox and the 325 in its outbox.
 * Setup in harness.ts (fresh database with the catalogue and the demo accounts, today = 2026-06-01; skipped without
 * chromium).
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { browserHarness, noChromium, ROOT, text } from "./harness.ts";

const { start, stop, newPage, open, shot, assertAccessible, signIn } = browserHarness({ langAndH1: true });

async function login(page: Page, username: string) {
  await signIn(page, username);
  await page.getByTestId("current-user").waitFor();
}

describe("berichten in de browser", { skip: noChromium, timeout: 180_000 }, () => {
  before(async () => {
    await start();
  });
  after(stop);

  test("een gemeente levert een declaratiebericht aan en ziet het antwoord met uitgelegde retourcodes", async () => {
    const { page, errors } = await newPage();
    await login(page, "toegang");
    await open(page, "/berichten");
    await assertAccessible(page, "/berichten");
    const wmo323 = await readFile(join(ROOT, "test/fixtures/messages/WMO323.xml"));
    await page
      .getByLabel("Bericht (.xml) of batch (.zip, hoogstens 30 berichten)")
      .setInputFiles({ name: "WMO323.xml", mimeType: "application/xml", buffer: wmo323 });
    const response = page.waitForResponse((r) => r.url().includes("/api/v1/berichten") && r.request().method() === "POST");
    await page.getByRole("button", { name: "Aanleveren en verwerken" }).click();
    assert.ok((await response).ok(), "the upload is accepted");
    const outcome = page.getByTestId("message-outcome");
    await outcome.getByRole("status").waitFor();
    const shown = await text(outcome);
    assert.match(shown, /WMO323\.xml/);
    assert.match(shown, /9338/, "no toewijzing exists for these prestaties");
    await assertAccessible(page, "/berichten (uitkomst)");
    await shot(page, "berichten-uitkomst");

    await page
      .getByLabel("Bericht (.xml) of batch (.zip, hoogstens 30 berichten)")
      .setInputFiles({ name: "kapot.xml", mimeType: "application/xml", buffer: Buffer.from("<nee") });
    await page.getByRole("button", { name: "Aanleveren en verwerken" }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="message-outcome"]')?.textContent?.includes("kapot.xml"));
    assert.match(await text(outcome), /kapot\.xml/);

    // a WMO323 with an invalid BSN and no DeclaratieDagtekening: every failure is shown, not only "0001" (issue 13)
    const bad = wmo323
      .toString("utf8")
      .replace(/<wmo323:Bsn>[0-9]+</, "<wmo323:Bsn>123456789<")
      .replace(/\t*<wmo323:DeclaratieDagtekening>[^<]+<\/wmo323:DeclaratieDagtekening>\r\n/, "");
    await page
      .getByLabel("Bericht (.xml) of batch (.zip, hoogstens 30 berichten)")
      .setInputFiles({ name: "fout323.xml", mimeType: "application/xml", buffer: Buffer.from(bad) });
    await page.getByRole("button", { name: "Aanleveren en verwerken" }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="message-outcome"]')?.textContent?.includes("fout323.xml"));
    const findings = await text(outcome.getByTestId("findings"));
    assert.match(findings, /regel \d+/, findings);
    assert.match(findings, /CS002/, findings);
    assert.match(findings, /11-proef/, findings);
    assert.match(findings, /DeclaratieDagtekening/, findings);
    assert.match(findings, /retourcode 0001/, findings);

    await page.getByTestId("berichten").waitFor();
    assert.ok((await page.getByTestId("berichten").locator("tbody tr").count()) >= 1, "the message is in the inbox");
    assert.deepEqual(errors, []);
  });

  test("een aanbieder van een andere organisatie ziet de berichten van de gemeente niet", async () => {
    const { page } = await newPage();
    await login(page, "aanbieder");
    await open(page, "/berichten");
    await page.getByRole("heading", { level: 1 }).waitFor();
    const list = page.getByTestId("berichten");
    if (await list.count()) assert.equal(await list.locator("tbody tr").filter({ hasText: "WMO323" }).count(), 0);
    await assertAccessible(page, "/berichten (aanbieder)");
  });
});
