#!/usr/bin/env node
import { Command, Option } from "commander";
import { catalogCompare, catalogExport, catalogList, catalogLoad, catalogShow } from "./catalog-commands.ts";
import { catalogValidate } from "./catalog-validate.ts";
import { DEFAULT_CATALOG, DEFAULT_WEB_ROOT } from "./compose.ts";
import { dbMigrate } from "./db-migrate.ts";
import { processOutput as out } from "./output.ts";
import { complianceCheck, complianceSignals, providersContract, providersImport } from "./compliance.ts";
import { serve } from "./serve.ts";
import { tariffBook, tariffCalculate } from "./tariffs.ts";
import { usersAdd, usersDisable, usersList, usersResetPassword } from "./users.ts";

// output piped into `head` and the like: stop quietly when the reader goes away
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });

/** Exit codes: 0 ok, 1 user error (invalid input, not found), 2 internal error. */
const run = (f: () => Promise<number>) => async () => {
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
  .action((o) => run(() => catalogValidate(out, o))());
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
    return run(() => catalogList(out, { ...rest, ...(asOf ? { asOf } : {}) }))();
  });
catalog
  .command("show <id>")
  .description("één product met zijn eisen")
  .addOption(dir())
  .addOption(fromDb())
  .option("--as-of <datum>", "peildatum JJJJ-MM-DD")
  .option("--json", "uitvoer als JSON")
  .action((id, o) => run(() => catalogShow(out, id, o))());
catalog
  .command("compare [code]")
  .description("producten naast elkaar: op code, of met --ids / --kind")
  .addOption(dir())
  .addOption(fromDb())
  .option("--ids <a,b>", "product-id's, kommagescheiden")
  .option("--kind <soort>", "soort product")
  .option("--as-of <datum>", "peildatum JJJJ-MM-DD")
  .option("--json", "uitvoer als JSON")
  .action((code, o) => run(() => catalogCompare(out, code, o))());
catalog
  .command("export")
  .description("export in het open formaat kader.productenboek/v1 (json) of als csv/xlsx")
  .addOption(dir())
  .addOption(fromDb())
  .option("--format <f>", "json, csv of xlsx", "json")
  .option("--out <bestand>", "schrijf naar bestand in plaats van stdout")
  .option("--as-of <datum>", "peildatum JJJJ-MM-DD")
  .action((o) => run(() => catalogExport(out, o))());
catalog
  .command("load")
  .description("valideer en laad de catalogus in de database (idempotent, met versies)")
  .addOption(dir())
  .option("--json", "uitvoer als JSON")
  .action((o) => run(() => catalogLoad(out, o))());

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
    return run(() => serve(out, { port, host: o.host, dir: o.dir, load: o.load, webRoot: DEFAULT_WEB_ROOT }))();
  });

const providers = program.command("aanbieders").description("aanbieders en hun personeel");
providers
  .command("import <bestand>")
  .description("personeelsbestand (CSV of XLSX) inlezen; een bestand met fouten importeert niets")
  .requiredOption("--aanbieder <agb>", "AGB-code van de aanbieder (8 cijfers); nieuw wordt aangemaakt")
  .option("--naam <naam>", "naam van de aanbieder")
  .option("--gemeente <gemeentecode>", "gemeente die de aanbieder contracteert")
  .option("--json", "uitvoer als JSON")
  .action((file, o) => run(() => providersImport(out, file, o))());
providers
  .command("contract")
  .description("leg een contract van een gemeente met de aanbieder vast (product, periode, tarief)")
  .requiredOption("--aanbieder <agb>", "AGB-code")
  .requiredOption("--product <id>", "product-id")
  .requiredOption("--gemeente <gemeentecode>", "gemeentecode (4 cijfers)")
  .requiredOption("--van <datum>", "ingangsdatum JJJJ-MM-DD")
  .option("--tot <datum>", "einddatum JJJJ-MM-DD (inclusief)")
  .option("--tarief <cent>", "afgesproken tarief per eenheid in centen")
  .action((o) => run(() => providersContract(out, o))());
const compliance = program.command("compliance").description("toets aanbieders aan productenboek en programma van eisen");
compliance
  .command("check")
  .description("oordeel per product: voldoet / voldoet niet / onbekend, met redenen")
  .requiredOption("--aanbieder <agb>", "AGB-code")
  .option("--productenboek <id>", "alleen producten van dit productenboek")
  .option("--peildatum <datum>", "JJJJ-MM-DD (standaard vandaag)")
  .option("--json", "uitvoer als JSON (docs/formats.md)")
  .action((o) => run(() => complianceCheck(out, o))());
compliance
  .command("signalen")
  .description("bewijs dat binnenkort verloopt (VOG, registraties, certificaten, verklaringen)")
  .option("--dagen <n>", "binnen hoeveel dagen", "60")
  .option("--json", "uitvoer als JSON")
  .action((o) => run(() => complianceSignals(out, o))());

const tarieven = program.command("tarieven").description("kostprijstarieven uit de productbeschrijvingen (docs/tariefmodel.md)");
tarieven
  .command("bereken")
  .description("tarief van één product met elke stap van de berekening")
  .requiredOption("--product <id>", "product-id")
  .requiredOption("--parameters <bestand>", "parameterbestand (YAML of JSON), bv. tarieven/voorbeeld-2026.yaml")
  .addOption(dir())
  .addOption(fromDb())
  .option("--json", "uitvoer als JSON")
  .action((o) => run(() => tariffCalculate(out, o))());
tarieven
  .command("productenboek")
  .description("tarieven van alle producten van een productenboek; --xlsx schrijft een werkmap met echte formules")
  .requiredOption("--productenboek <id>", "productenboek-id")
  .requiredOption("--parameters <bestand>", "parameterbestand (YAML of JSON)")
  .option("--xlsx <bestand>", "schrijf de rekenende Excel-werkmap")
  .addOption(dir())
  .addOption(fromDb())
  .option("--json", "uitvoer als JSON")
  .action((o) => run(() => tariffBook(out, o))());

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
  .action((username, o) => run(() => usersAdd(out, username, o))());
users
  .command("list")
  .description("accounts tonen")
  .option("--json", "uitvoer als JSON")
  .action((o) => run(() => usersList(out, o))());
users
  .command("disable <gebruikersnaam>")
  .description("account uitschakelen en open sessies beëindigen")
  .action((username) => run(() => usersDisable(out, username))());
users
  .command("reset-password <gebruikersnaam>")
  .description("nieuw wachtwoord instellen (gegenereerd, of met --password-stdin)")
  .option("--password-stdin", "lees het wachtwoord van standaardinvoer")
  .action((username, o) => run(() => usersResetPassword(out, username, o))());

program
  .command("db")
  .description("database")
  .command("migrate")
  .description("voer openstaande migraties uit")
  .action(() => run(() => dbMigrate(out))());

program.parseAsync().catch((e: unknown) => {
  process.stderr.write(`Interne fout: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
});
