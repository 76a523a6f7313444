/**
 * Browser tests of the access log screen (issue 13 §2) and the sign-in attempts on the Accounts screen (§4): the
 * controller filters the log by client with the keyboard and exports it; the beheerder lifts a lock. Setup in
 * harness.ts (fresh database with the catalogue and the demo accounts; skipped without chromium).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Principal } from "../../src/domain/auth/principal.ts";
import { browserHarness, DEMO_PASSWORD, nav, noChromium, text } from "./harness.ts";

const CLIENT = 424242;

const { start, stop, newPage, open, shot, assertAccessible, signIn } = browserHarness({
  langAndH1: true,
  seed: async ({ kader }) => {
    // an access to a client of the controller's gemeente (1730), with its subject, as the care service writes it
    const toegang: Principal = {
      username: "toegang.tynaarlo",
      displayName: "T",
      role: "toegang",
      tenant: { kind: "gemeente", gemeentecode: "1730" as never, name: "Tynaarlo" },
      disabled: false,
    };
    await kader.gate.run(
      toegang,
      "client",
      "read",
      { gemeentecode: "1730" },
      { endpoint: "GET /api/v1/clienten/:id", purpose: "zorgketen: cliëntoverzicht" },
      async () => 1,
      {
        clientIds: [CLIENT],
        records: [`client:${CLIENT}`],
      },
    );
    // an account locked by 50 failures from many addresses
    await kader.auth.addUser({
      username: "slachtoffer",
      displayName: "S. Lachtoffer",
      role: "toegang",
      gemeentecode: "0106",
      password: "het-goede-wachtwoord",
    });
    for (let i = 0; i < 50; i++) await kader.auth.login("slachtoffer", "fout-fout-fout", `192.0.2.${Math.floor(i / 5) + 1}`);
  },
});

describe("toegangslog en aanmeldpogingen in de browser", { skip: noChromium, timeout: 240_000 }, () => {
  before(async () => {
    await start();
  });
  after(stop);

  test("de controller vindt wie cliënt 424242 inzag, filtert met het toetsenbord en kan exporteren", async () => {
    const { page, errors } = await newPage();
    assert.equal((await signIn(page, "controller", DEMO_PASSWORD)).status(), 200);
    await page.getByTestId("current-user").waitFor();
    await nav(page).getByRole("link", { name: "Toegangslog" }).click();
    await page.waitForURL(/\/toegangslog$/);
    await page.getByRole("heading", { level: 1, name: "Toegangslog" }).waitFor();
    await page.getByTestId("access-log").waitFor();

    await page.getByLabel("Cliëntnummer").fill(String(CLIENT));
    await page.getByLabel("Cliëntnummer").press("Enter");
    await page.waitForURL(new RegExp(`/toegangslog\\?client=${CLIENT}$`));
    await page.waitForLoadState("networkidle");
    const rows = page.getByTestId("access-log").locator("tbody tr");
    assert.ok((await rows.count()) >= 1);
    const first = await text(rows.first());
    assert.match(first, /toegang\.tynaarlo/);
    assert.match(first, /424242/);
    assert.match(first, /zorgketen: cliëntoverzicht/);

    const csv = page.getByRole("link", { name: /Download CSV/ });
    assert.match(String(await csv.getAttribute("href")), new RegExp(`/api/v1/access-log\\?client=${CLIENT}&format=csv`));
    const fetched = await page.evaluate(
      (href) => fetch(href).then(async (r) => ({ status: r.status, body: await r.text() })),
      String(await csv.getAttribute("href")),
    );
    assert.equal(fetched.status, 200);
    assert.match(fetched.body, /Wanneer;Gebruiker;Rol/);
    assert.match(fetched.body, /toegang\.tynaarlo/);
    assert.match(String(await page.getByRole("link", { name: /Download Excel/ }).getAttribute("href")), /format=xlsx/);
    await assertAccessible(page, "/toegangslog");
    await shot(page, "toegangslog");
    assert.deepEqual(errors, []);
  });

  test("andere rollen zien geen toegangslog in het menu", async () => {
    const { page } = await newPage();
    await signIn(page, "toegang", DEMO_PASSWORD);
    await page.getByTestId("current-user").waitFor();
    assert.equal(await nav(page).getByRole("link", { name: "Toegangslog" }).count(), 0);
    await open(page, "/toegangslog");
    await page.getByText("Geen toegang").waitFor();
  });

  test("de beheerder ziet het geblokkeerde account, heft de blokkade op en leest de aanmeldpogingen", async () => {
    const { page } = await newPage();
    await signIn(page, "beheerder", DEMO_PASSWORD);
    await page.getByTestId("current-user").waitFor();
    await open(page, "/accounts");
    const button = page.getByRole("button", { name: "Blokkade van slachtoffer opheffen" });
    await button.waitFor();
    await page.getByText(/geblokkeerd na te veel mislukte aanmeldpogingen/).waitFor();
    await assertAccessible(page, "/accounts (geblokkeerd account)");
    await button.focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("unlock-status").filter({ hasText: "De blokkade van slachtoffer is opgeheven" }).waitFor();
    await page.getByRole("button", { name: "Blokkade van slachtoffer opheffen" }).waitFor({ state: "detached" });

    await page.getByRole("button", { name: "Aanmeldpogingen tonen" }).click();
    await page.getByLabel("Gebruikersnaam").fill("slachtoffer");
    await page.getByLabel("Gebruikersnaam").press("Enter");
    const attempts = page.getByTestId("login-attempts");
    await attempts.waitFor();
    const all = await text(attempts);
    assert.match(all, /blokkade opgeheven door beheerder/);
    assert.match(all, /account geblokkeerd/);
    assert.match(all, /192\.0\.2\.1/);
    await assertAccessible(page, "/accounts (aanmeldpogingen)");
    await shot(page, "accounts-aanmeldpogingen");
  });
});
