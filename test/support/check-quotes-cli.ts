// Dev aid for catalogue authors: npx tsx test/support/check-quotes-cli.ts [catalogDir] [seedsDir]
import { readCatalogueDir } from "../../src/adapters/files/catalogue-files.ts";
import { formatProblem } from "../../src/domain/shared/problem.ts";
import { checkQuotes } from "./source-quotes.ts";

const [dir = "catalog", seeds = "../shared/seeds"] = process.argv.slice(2);
const res = await readCatalogueDir(dir);
if (!res.ok) {
  for (const p of res.problems) console.error(formatProblem(p));
  process.exit(1);
}
const results = checkQuotes(res.value, seeds);
const bad = results.filter((r) => !r.found);
for (const b of bad) console.error(`NIET GEVONDEN ${b.where} (regel ${b.line}): ${JSON.stringify(b.asWritten)}`);
console.log(`${results.length - bad.length}/${results.length} citaten gevonden`);
process.exit(bad.length ? 1 : 0);
