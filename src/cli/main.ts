#!/usr/bin/env node
import { Command } from "commander";
import { catalogValidate } from "./catalog-validate.ts";
import { processOutput } from "./output.ts";

const DEFAULT_CATALOG = new URL("../../catalog", import.meta.url).pathname.replace(/\/dist\/catalog$/, "/catalog");

const program = new Command("kader").description("Kader: productenboeken als controleerbare data").showHelpAfterError();
const catalog = program.command("catalog").description("productenboeken en producten");

catalog
  .command("validate")
  .description("controleer de catalogusbestanden tegen het schema")
  .option("--dir <path>", "map met productenboeken", DEFAULT_CATALOG)
  .option("--json", "uitvoer als JSON")
  .action(async (o) => {
    process.exitCode = await catalogValidate(processOutput, o);
  });

program.parseAsync().catch((e: unknown) => {
  process.stderr.write(`Interne fout: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
});
