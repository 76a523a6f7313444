#!/usr/bin/env node
import { Command, Option } from "commander";
import type { Kader } from "./compose.ts";
import { processOutput as out } from "./output.ts";
import { DEFAULT_CATALOG, DEFAULT_WEB_ROOT } from "./paths.ts";

// output piped into `head` and the like: stop quietly when the reader goes away
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });

/**
 * Exit codes: 0 ok, 1 user error (invalid input, not found), 2 internal error. Each command's modules are imported
 * when that command runs, so a small read-only command (or --help) does not load PGlite, exceljs, docx or fastify.
 */
const run = (f: () => Promise<number>) => async () => {
  // zod's own messages in Dutch, as in the API (loaded with the command, not before)
  (await import("../domain/shared/zod-dutch.ts")).installDutchZodMessages();
  process.exitCode = await f();
};

const program = new Command("kader")
  .description("Kader: productenboeken (Wmo 2015, Jeugdwet) als controleerbare data")
  .showHelpAfterError()
  .configureOutput({ outputError: (s, write) => write(s.replace("error:", "fout:")) });

const dir = () => new Option("--dir <path>", "map met productenboeken").default(DEFAULT_CATALOG);
const fromDb = () => new Option("--from-db", "lees uit de database in plaats van uit de bestanden");

const catalog = program.command("catalog").description("productenboeken en producten");
catalog
  .command("validate")
  .description("controleer de catalogusbestanden tegen het schema (exit 1 bij fouten)")
  .addOption(dir())
  .option("--json", "uitvoer als JSON")
  .action((o) => run(async () => (await import("./catalog-validate.ts")).catalogValidate(out, o))());
catalog
  .command("list")
  .description("producten zoeken en filteren")
  .addOption(dir())
  .addOption(fromDb())
  .option("--q <tekst>", "zoekterm")
  .option("--law <wet>", "wmo of jeugdwet")
  .option("--unit <code>", "eenheid (WJ756), of none")
  .option("--productcategorie <cc>", "productcategorie")
  .option("--code <code>", "productcode")
  .option("--productenboek <id>", "productenboek-id")
  .option("--kind <soort>", "soort product")
  .option("--as-of <datum>", "peildatum JJJJ-MM-DD")
  .option("--json", "uitvoer als JSON")
  .action((o) => {
    const { asOf, ...rest } = o;
    return run(async () => (await import("./catalog-commands.ts")).catalogList(out, { ...rest, ...(asOf ? { asOf } : {}) }))();
  });
catalog
  .command("show <id>")
  .description("één product met zijn eisen")
  .addOption(dir())
  .addOption(fromDb())
  .option("--as-of <datum>", "peildatum JJJJ-MM-DD")
  .option("--json", "uitvoer als JSON")
  .action((id, o) => run(async () => (await import("./catalog-commands.ts")).catalogShow(out, id, o))());
catalog
  .command("compare [code]")
  .description("producten naast elkaar: op code, of met --ids / --kind")
  .addOption(dir())
  .addOption(fromDb())
  .option("--ids <a,b>", "product-id's, kommagescheiden")
  .option("--kind <soort>", "soort product")
  .option("--as-of <datum>", "peildatum JJJJ-MM-DD")
  .option("--json", "uitvoer als JSON")
  .action((code, o) => run(async () => (await import("./catalog-commands.ts")).catalogCompare(out, code, o))());
catalog
  .command("export")
  .description("export in het open formaat kader.productenboek/v1 (json) of als csv/xlsx")
  .addOption(dir())
  .addOption(fromDb())
  .option("--format <f>", "json, csv of xlsx", "json")
  .option("--out <bestand>", "schrijf naar bestand in plaats van stdout")
  .option("--as-of <datum>", "peildatum JJJJ-MM-DD")
  .action((o) => run(async () => (await import("./catalog-commands.ts")).catalogExport(out, o))());
catalog
  .command("load")
  .description("valideer en laad de catalogus in de database (idempotent, met versies)")
  .addOption(dir())
  .option("--json", "uitvoer als JSON")
  .action((o) => run(async () => (await import("./catalog-commands.ts")).catalogLoad(out, o))());

program
  .command("serve")
  .description("start de API (PGlite in ./data of KADER_DATA; PostgreSQL met DATABASE_URL)")
  .addOption(dir())
  .option("--port <n>", "poort", process.env.PORT ?? "8080")
  .option("--host <h>", "adres", process.env.HOST ?? "0.0.0.0")
  .option("--no-load", "laad de catalogus niet bij het starten")
  .action((o) => {
    const port = Number(o.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      out.err(`Ongeldige poort "${o.port}": geef een getal van 1 tot 65535.`);
      process.exitCode = 1;
      return;
    }
    return run(async () => (await import("./serve.ts")).serve(out, { port, host: o.host, dir: o.dir, load: o.load, webRoot: DEFAULT_WEB_ROOT }))();
  });

const providers = program.command("aanbieders").description("aanbieders en hun personeel");
providers
  .command("import <bestand>")
  .description("personeelsbestand (CSV of XLSX) inlezen; een bestand met fouten importeert niets")
  .requiredOption("--aanbieder <agb>", "AGB-code van de aanbieder (8 cijfers); nieuw wordt aangemaakt")
  .option("--naam <naam>", "naam van de aanbieder")
  .option("--gemeente <gemeentecode>", "gemeente die de aanbieder contracteert")
  .option("--json", "uitvoer als JSON")
  .action((file, o) => run(async () => (await import("./compliance.ts")).providersImport(out, file, o))());
providers
  .command("contract")
  .description("leg een contract van een gemeente met de aanbieder vast (product, periode, tarief)")
  .requiredOption("--aanbieder <agb>", "AGB-code")
  .requiredOption("--product <id>", "product-id")
  .requiredOption("--gemeente <gemeentecode>", "gemeentecode (4 cijfers)")
  .requiredOption("--van <datum>", "ingangsdatum JJJJ-MM-DD")
  .option("--tot <datum>", "einddatum JJJJ-MM-DD (inclusief)")
  .option("--tarief <cent>", "afgesproken tarief per eenheid in centen")
  .action((o) => run(async () => (await import("./compliance.ts")).providersContract(out, o))());
const compliance = program.command("compliance").description("toets aanbieders aan productenboek en programma van eisen");
compliance
  .command("check")
  .description("oordeel per product: voldoet / voldoet niet / onbekend, met redenen")
  .requiredOption("--aanbieder <agb>", "AGB-code")
  .option("--productenboek <id>", "alleen producten van dit productenboek")
  .option("--peildatum <datum>", "JJJJ-MM-DD (standaard vandaag)")
  .option("--json", "uitvoer als JSON (docs/formats.md)")
  .action((o) => run(async () => (await import("./compliance.ts")).complianceCheck(out, o))());
compliance
  .command("signalen")
  .description("bewijs dat binnenkort verloopt (VOG, registraties, certificaten, verklaringen)")
  .option("--dagen <n>", "binnen hoeveel dagen", "60")
  .option("--json", "uitvoer als JSON")
  .action((o) => run(async () => (await import("./compliance.ts")).complianceSignals(out, o))());

const beschikkingen = program.command("beschikkingen").description("beschikkingen toetsen aan het productenboek (docs/zorgketen.md)");
beschikkingen
  .command("toets <bestand>")
  .description("toets een voorgestelde beschikking (JSON) aan de regels van het productenboek; slaat niets op")
  .option("--dir <map>", "catalogusmap", DEFAULT_CATALOG)
  .option("--json", "uitvoer als JSON: { toegestaan, bevindingen }")
  .action((file, o) => run(async () => (await import("./care.ts")).beschikkingToets(out, file, o))());
const declaraties = program.command("declaraties").description("declaraties controleren (docs/zorgketen.md)");
declaraties
  .command("controleer <bestand>")
  .description("controleer declaraties (JSON of CSV) tegen de database: oordeel en retourcodes per prestatie")
  .option("--opslaan", "sla de declaraties met hun antwoord op (anders wordt niets gewijzigd)")
  .option("--json", "uitvoer als JSON")
  .action((file, o) => run(async () => (await import("./care.ts")).declaratiesControleer(out, file, o))());

const tarieven = program.command("tarieven").description("kostprijstarieven uit de productbeschrijvingen (docs/tariefmodel.md)");
tarieven
  .command("bereken")
  .description("tarief van één product met elke stap van de berekening")
  .requiredOption("--product <id>", "product-id")
  .requiredOption("--parameters <bestand>", "parameterbestand (YAML of JSON), bv. tarieven/voorbeeld-2026.yaml")
  .addOption(dir())
  .addOption(fromDb())
  .option("--json", "uitvoer als JSON")
  .action((o) => run(async () => (await import("./tariffs.ts")).tariffCalculate(out, o))());
tarieven
  .command("productenboek")
  .description("tarieven van alle producten van een productenboek; --xlsx schrijft een werkmap met echte formules")
  .requiredOption("--productenboek <id>", "productenboek-id")
  .requiredOption("--parameters <bestand>", "parameterbestand (YAML of JSON)")
  .option("--xlsx <bestand>", "schrijf de rekenende Excel-werkmap")
  .addOption(dir())
  .addOption(fromDb())
  .option("--json", "uitvoer als JSON")
  .action((o) => run(async () => (await import("./tariffs.ts")).tariffBook(out, o))());

const kwaliteit = program
  .command("kwaliteit")
  .description("kwaliteitskaders (document 003), programma's van eisen en zelfevaluaties (docs/kwaliteitskaders.md)");
kwaliteit
  .command("kaders")
  .description("de 15 kwaliteitskaders met het aantal criteria per element")
  .addOption(dir())
  .addOption(fromDb())
  .option("--json", "uitvoer als JSON: [{ nr, titel, jaar, wetten, segmenten, status, criteria, perElement }]")
  .action((o) => run(async () => (await import("./quality.ts")).qualityFrameworks(out, o))());
kwaliteit
  .command("kader <nr>")
  .description("één kwaliteitskader met al zijn criteria")
  .addOption(dir())
  .addOption(fromDb())
  .option("--json", "uitvoer als JSON")
  .action((nr, o) => run(async () => (await import("./quality.ts")).qualityFramework(out, nr, o))());
kwaliteit
  .command("zoek [tekst]")
  .description("criteria zoeken over alle kaders (met --from-db: Nederlandse full-text search van de database)")
  .addOption(dir())
  .addOption(fromDb())
  .option("--element <element>", "dienstverlening, vakmanschap, samenwerking of organisatie")
  .option("--segment <segment>", "inkoopsegment, bv. jeugd-1 of wmo-1a")
  .option("--wet <wet>", "wmo of jeugdwet")
  .option("--adressaat <adressaat>", "organisatie, professional, gemeente, bestuur of team")
  .option("--aard <aard>", "getal, ja-nee, document of verhaal")
  .option("--kader <nr>", "alleen dit kader")
  .option("--begrip <id>", "alleen criteria met dit begrip (begrippen.yaml)")
  .option("--json", "uitvoer als JSON")
  .action((tekst, o) => run(async () => (await import("./quality.ts")).qualitySearch(out, tekst, o))());
kwaliteit
  .command("valideer")
  .description("controleer de bestanden van de kwaliteitskaders (exit 1 bij fouten)")
  .addOption(dir())
  .option("--json", "uitvoer als JSON")
  .action((o) => run(async () => (await import("./quality.ts")).qualityValidate(out, o))());
const pve = kwaliteit.command("pve").description("programma's van eisen: opstellen, publiceren, exporteren, uitnodigen");
pve
  .command("maak <bestand>")
  .description("nieuw concept uit een YAML- of JSON-bestand")
  .requiredOption("--gemeente <gemeentecode>", "gemeentecode (4 cijfers)")
  .option("--json", "uitvoer als JSON")
  .action((file, o) => run(async () => (await import("./quality.ts")).pveCreate(out, file, o))());
pve
  .command("bijwerken <id> <bestand>")
  .description("vervang het concept door de inhoud van het bestand")
  .option("--json", "uitvoer als JSON")
  .action((id, file, o) => run(async () => (await import("./quality.ts")).pveUpdate(out, id, file, o))());
pve
  .command("publiceer <id>")
  .description("publiceer het concept als nieuwe, onveranderlijke versie")
  .option("--json", "uitvoer als JSON")
  .action((id, o) => run(async () => (await import("./quality.ts")).pvePublish(out, id, o))());
pve
  .command("lijst")
  .description("programma's van eisen van een gemeente")
  .requiredOption("--gemeente <gemeentecode>", "gemeentecode (4 cijfers)")
  .option("--json", "uitvoer als JSON")
  .action((o) => run(async () => (await import("./quality.ts")).pveList(out, o))());
pve
  .command("export <id>")
  .description("concept of gepubliceerde versie als Word (.docx), HTML of JSON")
  .option("--versie <n>", "gepubliceerde versie (zonder: het concept)")
  .option("--format <f>", "docx, html of json", "html")
  .option("--out <bestand>", "schrijf naar bestand")
  .action((id, o) => run(async () => (await import("./quality.ts")).pveExport(out, id, o))());
pve
  .command("uitnodigen <id>")
  .description("nodig aanbieders uit voor de zelfevaluatie van een gepubliceerde versie")
  .requiredOption("--versie <n>", "gepubliceerde versie")
  .option("--aanbieder <agb,...>", "AGB-codes, kommagescheiden")
  .option("--gecontracteerd", "alle aanbieders die de gemeente contracteert")
  .option("--json", "uitvoer als JSON")
  .action((id, o) => run(async () => (await import("./quality.ts")).pveInvite(out, id, o))());
pve
  .command("status <id>")
  .description("beoordelingsstatus per aanbieder (tabel, of --format csv|xlsx)")
  .requiredOption("--versie <n>", "gepubliceerde versie")
  .option("--format <f>", "csv of xlsx")
  .option("--out <bestand>", "schrijf naar bestand")
  .option("--json", "uitvoer als JSON")
  .action((id, o) => run(async () => (await import("./quality.ts")).pveStatus(out, id, o))());

const users = program.command("users").description("accounts (op de geconfigureerde database)");
users
  .command("add <gebruikersnaam>")
  .description("account aanmaken; zonder --password-stdin wordt een wachtwoord gegenereerd en eenmalig getoond")
  .requiredOption("--role <rol>", "beheerder, contractmanager, toegang, aanbieder of controller")
  .requiredOption("--name <naam>", "weergavenaam")
  .option("--gemeente <gemeentecode>", "gemeentecode (4 cijfers) voor contractmanager, toegang en controller")
  .option("--agb <agb-code>", "AGB-code (8 cijfers) voor aanbieder")
  .option("--organisatie <naam>", "naam van de gemeente of aanbieder")
  .option("--password-stdin", "lees het wachtwoord van standaardinvoer")
  .action((username, o) => run(async () => (await import("./users.ts")).usersAdd(out, username, o))());
users
  .command("list")
  .description("accounts tonen")
  .option("--json", "uitvoer als JSON")
  .action((o) => run(async () => (await import("./users.ts")).usersList(out, o))());
users
  .command("disable <gebruikersnaam>")
  .description("account uitschakelen en open sessies beëindigen")
  .action((username) => run(async () => (await import("./users.ts")).usersDisable(out, username))());
users
  .command("reset-password <gebruikersnaam>")
  .description("nieuw wachtwoord instellen (gegenereerd, of met --password-stdin)")
  .option("--password-stdin", "lees het wachtwoord van standaardinvoer")
  .action((username, o) => run(async () => (await import("./users.ts")).usersResetPassword(out, username, o))());
users
  .command("unlock <gebruikersnaam>")
  .description("hef de aanmeldlimiet van een account op (na te veel mislukte pogingen)")
  .action((username) => run(async () => (await import("./users.ts")).usersUnlock(out, username))());
users
  .command("attempts [gebruikersnaam]")
  .description("aanmeldpogingen (mislukt en gelukt), nieuwste eerst")
  .option("--limit <n>", "hoeveel", "50")
  .option("--json", "uitvoer als JSON")
  .action((username, o) => run(async () => (await import("./users.ts")).usersAttempts(out, username, o))());

const berichten = program.command("berichten").description("iWmo- en iJw-3.2-berichten (docs/berichten.md)");
berichten
  .command("valideer <bestand...>")
  .description("controleer berichten (XML, map of ZIP): XSD, regels in het bericht en bestandseisen (OP192)")
  .option("--json", "uitvoer als JSON (docs/berichten.md)")
  .action((files, o) => run(async () => (await import("./messages.ts")).berichtenValideer(out, files, o))());

/** Opens the database with the catalogue loaded (idempotent), runs f, closes. */
const withKader = async (f: (k: Kader) => Promise<number>): Promise<number> => {
  const { envConfig, loadCatalogueDir, openKader } = await import("./compose.ts");
  const k = await openKader(envConfig());
  try {
    const l = await loadCatalogueDir(k, DEFAULT_CATALOG);
    if (!l.ok) {
      for (const p of l.problems) out.err(`${p.title}: ${p.detail}`);
      return 1;
    }
    return await f(k);
  } finally {
    await k.close();
  }
};
berichten
  .command("verwerk <bestand...>")
  .description("verwerk berichten (XML, map of ZIP) tegen de database en schrijf de retour- en antwoordberichten naar --uit")
  .requiredOption("--rol <rol>", "gemeente of aanbieder: namens wie Kader de berichten verwerkt")
  .option("--gemeente <code>", "alleen berichten van deze gemeente (CBS-code)")
  .option("--aanbieder <agb>", "alleen berichten van deze aanbieder (AGB-code)")
  .requiredOption("--uit <map>", "map voor de retour- en antwoordberichten")
  .option("--in-onderzoek", "als gemeente: beantwoord elk geaccepteerd verzoek (315/317) meteen met een 319 'aanvraag in onderzoek'")
  .option("--json", "uitvoer als JSON")
  .action((files, o) => run(() => withKader(async (k) => (await import("./messages.ts")).berichtenVerwerk(out, k, files, o)))());
berichten
  .command("toewijzingen")
  .description("maak WMO301/JW301-berichten van de actuele toewijzingen van een gemeente")
  .requiredOption("--gemeente <code>", "gemeentecode")
  .option("--aanbieder <agb>", "alleen voor deze aanbieder")
  .option("--nummers <lijst>", "alleen voor deze toewijzingnummers (komma's)")
  .requiredOption("--uit <map>", "map voor de berichten")
  .option("--json", "uitvoer als JSON")
  .action((o) => run(() => withKader(async (k) => (await import("./messages.ts")).berichtenToewijzingen(out, k, o)))());
berichten
  .command("verzoeken")
  .description("geregistreerde verzoeken om toewijzing en om wijziging (315/317), open eerst")
  .option("--json", "uitvoer als JSON")
  .action((o) => run(() => withKader(async (k) => (await import("./messages.ts")).berichtenVerzoeken(out, k, o)))());
berichten
  .command("beantwoord <verzoek>")
  .description("beantwoord een verzoek met een 319: afgewezen (met reden 1-9) of in onderzoek")
  .option("--afgewezen <reden>", "RedenAfwijzingVerzoek 1-9")
  .option("--in-onderzoek", "aanvraag in onderzoek")
  .requiredOption("--uit <map>", "map voor het bericht")
  .action((id, o) => run(() => withKader(async (k) => (await import("./messages.ts")).berichtenBeantwoord(out, k, id, o)))());

const conversie = program.command("conversie").description("lopende toewijzingen omzetten naar een nieuw productenboek (docs/conversie.md)");
conversie
  .command("plan")
  .description("toon een conversieplan: regels, doelen en open punten")
  .option("--plan <id|bestand>", "plan-id in catalog/conversies of een bestand", "004-nmd-2026")
  .option("--json", "uitvoer als JSON")
  .action((o) => run(async () => (await import("./conversion.ts")).conversiePlan(out, o))());
conversie
  .command("uitvraag")
  .description("schrijf per aanbieder een uitvraag-werkmap, of toon met --herinneringen wie nog niet antwoordde")
  .requiredOption("--gemeente <code>", "gemeentecode")
  .option("--plan <id|bestand>", "plan-id of bestand", "004-nmd-2026")
  .option("--aanbieder <agb>", "alleen voor deze aanbieder")
  .option("--uit <map>", "map voor de werkmappen")
  .option("--herinneringen", "lijst van aanbieders die (nog) niet alles beantwoordden")
  .option("--json", "uitvoer als JSON")
  .action((o) => run(() => withKader(async (k) => (await import("./conversion.ts")).conversieUitvraag(out, k, o)))());
conversie
  .command("importeer <bestanden...>")
  .description("lees ingevulde uitvraag-werkmappen in; een werkmap met een fout verandert niets")
  .option("--json", "uitvoer als JSON")
  .action((files, o) => run(() => withKader(async (k) => (await import("./conversion.ts")).conversieImporteer(out, k, files, o)))());
conversie
  .command("proefrun")
  .description("bereken de voorstellen en signalen en bewaar ze als proefrun")
  .requiredOption("--gemeente <code>", "gemeentecode")
  .option("--plan <id|bestand>", "plan-id of bestand", "004-nmd-2026")
  .option("--xlsx <bestand>", "ook als Excel-werkmap")
  .option("--json", "uitvoer als JSON")
  .action((o) => run(() => withKader(async (k) => (await import("./conversion.ts")).conversieProefrun(out, k, o)))());
conversie
  .command("uitvoeren")
  .description("keur een proefrun goed en voer hem uit: oude toewijzingen beëindigd (reden 10), nieuwe toegewezen, 301-berichten")
  .requiredOption("--gemeente <code>", "gemeentecode")
  .requiredOption("--proefrun <id>", "de goed te keuren proefrun")
  .requiredOption("--uit <map>", "map voor de berichten en het verslag")
  .option("--plan <id|bestand>", "plan-id of bestand", "004-nmd-2026")
  .option("--json", "uitvoer als JSON")
  .action((o) => run(() => withKader(async (k) => (await import("./conversion.ts")).conversieUitvoeren(out, k, o)))());

program
  .command("db")
  .description("database")
  .command("migrate")
  .description("voer openstaande migraties uit")
  .action(() => run(async () => (await import("./db-migrate.ts")).dbMigrate(out))());

program.parseAsync().catch((e: unknown) => {
  process.stderr.write(`Interne fout: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
});
