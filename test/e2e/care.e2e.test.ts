/**
 * Browser tests of the care chain screens (issue 5): the client list and page, the grant form that checks the
 * beschikking while the user types, toewijzing history and lifecycle actions, the work list, the declaratie upload
 * with its answer per prestatie, and the budget dashboard with charts, tables and the Excel export. The setup is in
 * harness.ts: the web app built into a temporary folder, the API in-process on a fresh database with the catalogue,
 * the demo accounts and the synthetic demo data set (gemeente 0106, three aanbieders, a year of declaraties; today =
 * 2026-06-01), Debian's chromium, axe (WCAG 2.1 A/AA) on every page and screenshots in test-results/screenshots/.
 * Skipped when /usr/bin/chromium is absent.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { browserHarness, nav, noChromium, text, XLSX } from "./harness.ts";

let base = "";
const { start, stop, newPage, open, shot, assertAccessible, signIn } = browserHarness({ langAndH1: true, demoData: true });

async function login(page: Page, username: string) {
  await signIn(page, username);
  await page.getByTestId("current-user").waitFor();
}

/** The grant form's live check: waits until the summary settles on an answer matching `re`. */
async function verdict(page: Page, re: RegExp) {
  await page.locator('[data-testid="grant-summary"][data-state="ok"]').filter({ hasText: re }).waitFor({ timeout: 10_000 });
}

/** Searches the catalogue in the grant form's product row and picks the product with this id. */
async function pickProduct(page: Page, term: string, id: string) {
  await page.getByLabel("Product zoeken").fill(term);
  const select = page.getByLabel("Product", { exact: true });
  await select.locator(`option[value="${id}"]`).waitFor({ state: "attached" });
  await select.selectOption(id);
}

describe("zorgketen in de browser", { skip: noChromium, timeout: 300_000 }, () => {
  before(async () => {
    base = await start();
  });
  after(stop);

  test("niet ingelogd: geen menu-items, de pagina's vragen om in te loggen", async () => {
    const { page, errors } = await newPage();
    await open(page, "/");
    assert.equal(await nav(page).getByRole("link", { name: "Cliënten" }).count(), 0);
    for (const path of ["/clienten", "/clienten/1", "/werklijst", "/declaraties", "/budget"]) {
      await open(page, path);
      await page.getByRole("main").getByRole("link", { name: "Log in" }).waitFor();
      await assertAccessible(page, `${path} (niet ingelogd)`);
    }
    assert.deepEqual(errors, []);
  });

  test("toegang: cliënt registreren, beschikking met toets tijdens het typen, toewijzing starten", async () => {
    const { page, errors } = await newPage();
    await login(page, "toegang");
    await nav(page).getByRole("link", { name: "Cliënten" }).click();
    await page.waitForURL(/\/clienten$/);
    await page.getByTestId("clients").waitFor();
    assert.match(await text(page.getByTestId("client-count")), /^\d+ cliënten\.$/);
    // toegang sees the BSN in full
    assert.match(await text(page.getByTestId("clients").locator("tbody tr").first()), /\b9999\d{5}\b/);
    await assertAccessible(page, "/clienten (toegang)");
    await shot(page, "clienten");

    // 1. a new client: the elfproef is checked in the browser, with a Dutch message
    await page.getByLabel("Voornamen (niet verplicht)").fill("Sam");
    await page.getByLabel("Achternaam", { exact: true }).fill("Testpersoon");
    await page.getByLabel("BSN", { exact: true }).fill("123456789");
    await page.getByLabel("Geboortedatum").fill("1990-01-01");
    await page.getByLabel("Plaats (niet verplicht)").fill("Assen");
    await page.getByRole("button", { name: "Cliënt registreren" }).click();
    await page.getByText("Dit is geen geldig BSN: het voldoet niet aan de elfproef.").waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), "nc-bsn", "de focus gaat naar het foute veld");
    await assertAccessible(page, "/clienten met fout BSN");
    await page.getByLabel("BSN", { exact: true }).fill("123456782");
    await page.getByRole("button", { name: "Cliënt registreren" }).click();
    await page.waitForURL(/\/clienten\/\d+$/);
    await page.getByRole("heading", { level: 1, name: "Sam Testpersoon" }).waitFor();
    assert.match(await text(page.getByTestId("client-facts")), /BSN 123456782 Geboortedatum 01-01-1990 \(\d+ jaar\) Adres Assen Gemeente 0106/);
    await page.getByText("Er zijn nog geen beschikkingen.").waitFor();

    // 2. the grant form: Kamertraining (44K28) is for 16 up to 18; the client is 36 → a "fout" while typing
    const form = page.getByTestId("grant-form");
    await pickProduct(page, "44K28", "001-concept-inkoop-2025.jeugdwet.44K28");
    await form.getByLabel("AGB-code aanbieder").fill("98765432");
    await form.getByLabel("Ingangsdatum").fill("2026-06-01");
    await form.getByLabel("Einddatum").fill("2026-11-30");
    await form.getByLabel("Volume").fill("5");
    await form.getByLabel("Frequentie").selectOption("2");
    await verdict(page, /1 fout; zo kan de beschikking niet worden afgegeven/);
    const age = page.getByTestId("findings").locator('li[data-severity="fout"]');
    assert.match(await text(age), /fout leeftijd: leeftijd 36, moet jonger zijn dan 18 jaar/);
    assert.match(await text(age), /jongeren van 16 tot 18 jaar.*regel 1697/, "met de woorden en de regel van het document");
    await assertAccessible(page, "grant form met een fout");
    await shot(page, "beschikking-fout");

    // another product, then the volume left out: a different fout; filled in again: no findings
    await pickProduct(page, "02A17", "002-wmo-2026.wmo.02A17.ontwikkelgericht");
    assert.equal(await form.getByLabel("Eenheid").inputValue(), "01", "de eenheid van het product is voorgesteld");
    await form.getByLabel("Volume").fill("");
    await page.getByTestId("findings").filter({ hasText: "geef volume, eenheid en frequentie" }).waitFor();
    await verdict(page, /^Toets: 1 fout;/);
    assert.doesNotMatch(await text(page.getByTestId("findings")), /leeftijd/, "de leeftijdsfout van Kamertraining is weg");
    await form.getByLabel("Volume").fill("240");
    await verdict(page, /voldoet aan de regels van het productenboek/);
    assert.equal(await page.getByTestId("findings").count(), 0, "de fout is verdwenen");

    // 3. submit: the beschikkingnummer is required first, then 201 with a toewijzing on the page
    await page.getByRole("button", { name: "Beschikking afgeven" }).click();
    await page.getByText("Vul het beschikkingnummer in.").waitFor();
    await form.getByLabel("Beschikkingnummer").fill("E2E-0001");
    await form.getByLabel("Afgiftedatum").fill("2026-06-01");
    await form.getByLabel("Verwijzer").selectOption("02");
    const posted = page.waitForResponse((r) => r.url().endsWith("/api/v1/beschikkingen") && r.request().method() === "POST");
    await page.getByRole("button", { name: "Beschikking afgeven" }).click();
    assert.equal((await posted).status(), 201);
    const message = page.getByTestId("client-message");
    await message.filter({ hasText: /Beschikking E2E-0001 is afgegeven: toewijzing \d+\./ }).waitFor();
    const nummer = /toewijzing (\d+)\./.exec(await text(message))![1]!;
    const row = page.getByTestId("toewijzingen").locator(`tr[data-nummer="${nummer}"]`);
    await row.waitFor();
    assert.match(await text(row), /Individuele begeleiding 2 02A17 98765432 01-06-2026 t\/m 30-11-2026 240 minuut per week toegewezen/);
    assert.match(await text(page.getByTestId("beschikking")), /Beschikking E2E-0001 Wmo 2015 · afgegeven op 01-06-2026 .* verwijzer: huisarts/);
    await assertAccessible(page, "/clienten/:id na afgeven");
    await shot(page, "client");

    // 4. the toewijzing's history and actions: a start in the future is refused with the API's detail; today works
    const details = page.locator(`details[data-nummer="${nummer}"]`);
    await details.locator("summary").click();
    await details.getByText("Nog geen gebeurtenissen").waitFor();
    const events = await details.getByLabel("Gebeurtenis").locator("option").allTextContents();
    assert.deepEqual(events, ["Starten", "Wijzigen", "Intrekken", "Verwijderen"]);
    await details.getByLabel("Startdatum").fill("2026-07-01");
    await details.getByRole("button", { name: /^Starten/ }).click();
    await details.getByRole("alert").filter({ hasText: "een start wordt gemeld als de zorg begonnen is, niet vooraf" }).waitFor();
    await assertAccessible(page, "toewijzing met een geweigerde start");
    // wijzigen needs a RedenWijziging
    await details.getByLabel("Gebeurtenis").selectOption("wijzigen");
    await details.getByLabel("Nieuwe einddatum").fill("2026-10-31");
    await details.getByRole("button", { name: /^Wijzigen/ }).click();
    await details.getByText("Kies de reden van de wijziging.").waitFor();
    await details.getByLabel("Gebeurtenis").selectOption("start");
    await details.getByLabel("Startdatum").fill("2026-06-01");
    await details.getByRole("button", { name: /^Starten/ }).click();
    await message.filter({ hasText: `Toewijzing ${nummer}: gestart per 01-06-2026.` }).waitFor();
    await row.locator('[data-status="gestart"]').waitFor();
    await details.getByTestId("history").locator("tbody tr").first().waitFor();
    assert.match(await text(details.getByTestId("history").locator("tbody tr").first()), /01-06-2026 gestart geen toegang/);
    assert.deepEqual(await details.getByLabel("Gebeurtenis").locator("option").allTextContents(), ["Tijdelijk stoppen", "Stoppen", "Wijzigen", "Intrekken"]);
    await assertAccessible(page, "toewijzing gestart");
    await shot(page, "client-toewijzing");
    assert.deepEqual(errors, []);
  });

  test("toegang: een oordeelspunt vraagt een motivering (004, resultaatgebied)", async () => {
    const { page, errors } = await newPage();
    await login(page, "toegang");
    await open(page, "/clienten?q=Anna");
    await page.getByTestId("clients").locator("tbody tr a").first().click();
    await page.getByTestId("grant-form").waitFor();
    const form = page.getByTestId("grant-form");
    await pickProduct(page, "begeleiding basis", "004-nmd-pve-2026.wmo.begeleiding-basis-lang");
    await form.getByLabel("AGB-code aanbieder").fill("98765432");
    await form.getByLabel("Ingangsdatum").fill("2026-06-01");
    await form.getByLabel("Einddatum").fill("2026-11-30");
    await form.getByLabel("Volume").fill("2");
    await form.getByLabel("Frequentie").selectOption("2");
    // the 9 resultaatgebieden of 004's table are offered as checkboxes; "Veilige huiselijke relatie" on Basis is contested
    assert.equal(await form.getByRole("checkbox").count(), 9);
    await form.getByLabel("Veilige huiselijke relatie").check();
    await verdict(page, /punt voor een professioneel oordeel; afgeven kan alleen met een motivering/);
    assert.match(await text(page.getByTestId("findings").locator('li[data-severity="oordeel"]')), /tegenstrijdig over "Veilige huiselijke relatie"/);
    const motivation = form.getByLabel(/Motivering van de afwijking/);
    await motivation.waitFor();
    await form.getByLabel("Beschikkingnummer").fill("E2E-0002");
    await form.getByLabel("Afgiftedatum").fill("2026-06-01");
    await motivation.fill("kort");
    await page.getByRole("button", { name: "Beschikking afgeven" }).click();
    await page.getByText("Motiveer de afwijking in minstens 10 tekens.").waitFor();
    await assertAccessible(page, "grant form met een oordeel");
    await shot(page, "beschikking-oordeel");
    await motivation.fill("Huiselijk geweld speelt; Basis volstaat volgens het gesprek met de cliënt.");
    await page.getByRole("button", { name: "Beschikking afgeven" }).click();
    await page.getByTestId("client-message").filter({ hasText: "Beschikking E2E-0002 is afgegeven" }).waitFor();
    const b = page.getByTestId("beschikking").filter({ hasText: "E2E-0002" });
    assert.match(await text(b.getByTestId("override")), /Afgegeven met een onderbouwde afwijking door toegang op 01-06-2026: “?Huiselijk geweld speelt/);
    assert.match(await text(b.getByTestId("findings")), /oordeel nodig/);
    await assertAccessible(page, "beschikking met afwijking");
    assert.deepEqual(errors, []);
  });

  test("werklijst: termijnen, verlopen gemarkeerd, filter op soort", async () => {
    const { page, errors } = await newPage();
    await login(page, "toegang");
    await nav(page).getByRole("link", { name: "Werklijst" }).click();
    await page.waitForURL(/\/werklijst$/);
    const rows = page.getByTestId("worklist").locator("tbody tr");
    await rows.first().waitFor();
    assert.ok((await rows.count()) > 5);
    const overdue = page.getByTestId("worklist").locator('tbody tr[data-overdue="true"]');
    assert.ok((await overdue.count()) > 0, "er zijn verlopen termijnen");
    assert.match(await text(overdue.first()), /verlopen/);
    assert.match(await text(page.getByTestId("worklist-count")), /\d+ termijnen, waarvan \d+ verlopen/);
    await assertAccessible(page, "/werklijst");
    await shot(page, "werklijst");
    await page.getByLabel("Soort termijn").selectOption("start-melden");
    await page.getByRole("button", { name: "Tonen" }).click();
    await page.waitForURL(/soort=start-melden/);
    const kinds = await page.getByTestId("worklist").locator("tbody tr td:nth-child(2)").allTextContents();
    assert.ok(kinds.length > 0 && kinds.every((k) => k === "Start melden"), kinds.join(", "));
    // a client link opens the client page
    await page.getByTestId("worklist").locator("tbody tr").first().getByRole("link").click();
    await page.waitForURL(/\/clienten\/\d+$/);
    await page.getByTestId("toewijzingen").waitFor();
    assert.deepEqual(errors, []);
  });

  test("budget: grafieken met tabellen, andere groepering en de Excel-export", async () => {
    const { page, context, errors } = await newPage();
    await login(page, "toegang");
    await nav(page).getByRole("link", { name: "Budget" }).click();
    await page.waitForURL(/\/budget$/);
    const groups = page.getByTestId("chart-groups");
    await groups.locator("svg.recharts-surface").first().waitFor();
    assert.ok((await groups.locator(".recharts-bar-rectangle").count()) > 0, "staven getekend");
    assert.match(
      (await groups.getByRole("img", { name: /^Staafdiagram/ }).getAttribute("aria-label")) ?? "",
      /^Staafdiagram, betaald tegenover toegekend per product\. .+: € [\d.]+,\d\d betaald van € /,
    );
    const months = page.getByTestId("chart-months");
    await months.locator(".recharts-area").first().waitFor();
    await months.getByText("De grafiek als tabel").click();
    assert.equal(await page.getByTestId("months-table").locator("tbody tr").count(), 12, "een jaar aan maanden in de tabel");
    assert.match(await text(page.getByTestId("months-table").locator("tbody tr").first()), /^juni 2025 € [\d.]+,\d\d € /);
    const table = page.getByTestId("budget-table");
    assert.ok((await table.locator("tbody tr").count()) > 3);
    assert.match(
      await text(page.getByTestId("budget-summary")),
      /^Peildatum 01-06-2026: toegekend (€ [\d.]+,\d\d|niet volledig bekend), ingediend € [\d.]+,\d\d, betaald € [\d.]+,\d\d( \(\d+% verbruikt\))?\.$/,
    );
    await page.getByTestId("budget-signals").waitFor();
    await assertAccessible(page, "/budget");
    await shot(page, "budget");

    // the Excel link answers 200 with the xlsx type (with the session's cookie)
    const xlsxLink = page.getByTestId("budget-xlsx");
    const href = (await xlsxLink.getAttribute("href")) ?? "";
    assert.match(href, /^\/api\/v1\/budget\?groep=product&peildatum=2026-06-01&format=xlsx$/);
    const xlsx = await context.request.get(base + href);
    assert.equal(xlsx.status(), 200);
    assert.match(xlsx.headers()["content-type"] ?? "", XLSX);
    assert.ok((await xlsx.body()).byteLength > 1000);

    // per aanbieder: the three demo aanbieders
    await page.getByLabel("Groeperen per").selectOption("aanbieder");
    await page.getByRole("button", { name: "Tonen" }).click();
    await page.waitForURL(/groep=aanbieder/);
    await table.locator("tbody tr th", { hasText: "76543210" }).waitFor();
    assert.deepEqual((await table.locator("tbody tr th").allTextContents()).sort(), ["76543210", "87654321", "98765432"]);
    assert.match((await xlsxLink.getAttribute("href")) ?? "", /groep=aanbieder/);
    await assertAccessible(page, "/budget?groep=aanbieder");
    assert.deepEqual(errors, []);
  });

  test("aanbieder: declaratie indienen en het antwoord per prestatie met retourcodes", async () => {
    const { page, errors } = await newPage();
    await login(page, "aanbieder");
    // the aanbieder's clients: the BSN is masked
    await nav(page).getByRole("link", { name: "Cliënten" }).click();
    await page.getByTestId("clients").locator("tbody tr").first().waitFor();
    assert.match(await text(page.getByTestId("clients").locator("tbody tr").first()), /\*{6}\d{3}/);

    // a started toewijzing of 98765432 that runs through June 2026, its client's BSN and the contract tariff
    // (no named functions inside evaluate: tsx would wrap them in a helper the page does not have)
    const seed = await page.evaluate(async () => {
      const { items } = await (await fetch("/api/v1/toewijzingen?status=gestart")).json();
      const t = items.find(
        (x: { einddatum: string | null; omvang: number | null; frequentie: string | null }) =>
          (x.einddatum === null || x.einddatum >= "2026-06-30") && x.omvang && x.frequentie === "2",
      );
      const client = await (await fetch(`/api/v1/clienten/${t.clientId}`)).json();
      const provider = await (await fetch("/api/v1/aanbieders/98765432")).json();
      const contract = provider.provider.contracts.find(
        (c: { productId: string; gemeentecode: string }) => c.productId === t.productId && c.gemeentecode === "0106",
      );
      return { t, bsn: client.client.bsn as string, tarief: contract.tariffCents as number };
    });
    const t = seed.t as { toewijzingnummer: string; wet: string; productcategorie: string; productcode: string; eenheid: string };
    const head =
      "declaratienummer;aanbieder;gemeente;wet;periode_begin;periode_eind;dagtekening;referentienummer;bsn;toewijzingnummer;productcategorie;productcode;begindatum;einddatum;geleverd_volume;eenheid;product_tarief;bedrag;debet_credit";
    const line = (ref: string, tarief: number, bedrag: number) =>
      [
        "E2E-06",
        "98765432",
        "0106",
        t.wet,
        "2026-06-01",
        "2026-06-30",
        "2026-06-01",
        ref,
        seed.bsn,
        t.toewijzingnummer,
        t.productcategorie,
        t.productcode,
        "2026-06-01",
        "2026-06-30",
        "1",
        t.eenheid,
        tarief,
        bedrag,
        "D",
      ].join(";");
    const csv = [
      head,
      line("E2E-1", seed.tarief, seed.tarief),
      line("E2E-2", seed.tarief + 100, seed.tarief + 100),
      line("E2E-3", seed.tarief, seed.tarief + 1),
    ].join("\n");

    await nav(page).getByRole("link", { name: "Declaraties" }).click();
    await page.waitForURL(/\/declaraties$/);
    await page.getByRole("heading", { level: 2, name: "Declaratie indienen" }).waitFor();
    await page.getByLabel("Declaratiebestand (.csv of .json)").setInputFiles({ name: "juni.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    const request = page.waitForRequest((r) => r.url().endsWith("/api/v1/declaraties") && r.method() === "POST");
    const response = page.waitForResponse((r) => r.url().endsWith("/api/v1/declaraties") && r.request().method() === "POST");
    await page.getByRole("button", { name: "Declaratie indienen" }).click();
    assert.match((await request).headers()["content-type"] ?? "", /^text\/csv/);
    assert.equal((await response).status(), 201);
    const answer = page.getByTestId("answer");
    await answer.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-testid")), "upload-outcome", "de focus gaat naar het antwoord");
    const euro = (c: number) => `€ ${new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 2 }).format(c / 100)}`;
    const total = seed.tarief * 3 + 101;
    assert.match(
      await text(answer.getByTestId("answer-totals")),
      new RegExp(
        `juni 2026 · .* gemeente 0106: ingediend ${euro(total).replace(/[.€]/g, "\\$&")}, toegekend ${euro(seed.tarief).replace(/[.€]/g, "\\$&")}; 3 prestaties, waarvan 2 afgewezen\\.`,
      ),
    );
    const rowOf = (ref: string) => answer.locator(`tr[data-ref="${ref}"]`);
    assert.match(await text(rowOf("E2E-1")), /toegekend .* 0200 geen opmerking: de prestatie is toegekend/);
    assert.match(await text(rowOf("E2E-2")), /afgewezen .* 0611 het tarief is niet het contracttarief/);
    assert.match(await text(rowOf("E2E-3")), /afgewezen .* 9346 het bedrag is niet volume × tarief/);
    await assertAccessible(page, "/declaraties met antwoord");
    await shot(page, "declaratie-antwoord");

    // the same file again changes nothing
    const again = page.waitForResponse((r) => r.url().endsWith("/api/v1/declaraties") && r.request().method() === "POST");
    await page.getByRole("button", { name: "Declaratie indienen" }).click();
    assert.equal((await again).status(), 200);
    await answer.getByText("Deze declaratie was al eerder ontvangen: er is niets veranderd.").waitFor();

    // the detail page: totals and the stored answer per prestatie
    await answer.getByRole("link", { name: "Declaratie E2E-06 bekijken" }).click();
    await page.waitForURL(/\/declaraties\/98765432\/(wmo|jeugdwet)\/E2E-06$/);
    await page.getByRole("heading", { level: 1, name: "Declaratie E2E-06" }).waitFor();
    await page.getByTestId("prestaties").waitFor();
    assert.equal(await text(page.getByTestId("declaratie-toegekend")), euro(seed.tarief));
    assert.match(await text(page.getByTestId("prestaties").locator('tr[data-ref="E2E-3"]')), /9346 het bedrag is niet volume × tarief/);
    await assertAccessible(page, "/declaraties/:agb/:wet/:nummer");
    await shot(page, "declaratie");
    assert.deepEqual(errors, []);
  });

  test("declaratielijst: de ingediende declaraties van de aanbieder", async () => {
    const { page } = await newPage();
    await login(page, "aanbieder");
    await open(page, "/declaraties");
    const list = page.getByTestId("declaraties");
    await list.waitFor({ timeout: 5_000 });
    assert.ok((await list.locator("tbody tr").count()) > 5);
    await assertAccessible(page, "/declaraties (lijst)");
  });
});
