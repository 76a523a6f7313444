/**
 * The code lists of src/domain/codes against the published enumerations (reference/istandaarden/codelijsten): the
 * codes are exactly the standard's, and the labels are the standard's words (eenheid and frequentie lowercased).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { EENHEDEN, eenheidLabel } from "../src/domain/codes/eenheid.ts";
import { FREQUENTIES, frequentieLabel } from "../src/domain/codes/frequentie.ts";
import { JW_PRODUCTCATEGORIEEN, productcategorieLabel, WMO_PRODUCTCATEGORIEEN } from "../src/domain/codes/productcategorie.ts";
import { explainRetourcode, RETOURCODES, retourcodeExplanation, retourcodeText } from "../src/domain/codes/retourcodes.ts";
import { type Standaard, standaardOfBericht, standaardOfWet, wetOfStandaard, WETTEN } from "../src/domain/codes/wet.ts";
import { hasReference, NO_REFERENCE, REFERENCE } from "./messages/support.ts";

const enumerations = (std: Standaard): Map<string, Map<string, string>> => {
  const lists = new Map<string, Map<string, string>>();
  const file = join(REFERENCE, "codelijsten", `${std === "iwmo" ? "iwmo" : "ijw"}-3.2-enumeraties-uit-basisschema.tsv`);
  for (const line of readFileSync(file, "utf8").split("\n").slice(1)) {
    const [ldt, code, text] = line.split("\t");
    if (!ldt || code === undefined || text === undefined) continue;
    if (!lists.has(ldt)) lists.set(ldt, new Map());
    lists.get(ldt)!.set(code, text.trim());
  }
  return lists;
};
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

describe("the code lists against the published enumerations", { skip: hasReference ? false : NO_REFERENCE }, () => {
  for (const std of ["iwmo", "ijw"] as const) {
    test(`${std}: eenheid, frequentie, productcategorie and retourcode in the standard's codes and words`, () => {
      const e = enumerations(std);
      const eenheid = e.get("LDT_Eenheid")!;
      assert.deepEqual([...EENHEDEN], [...eenheid.keys()], "WJ756 codes");
      for (const c of EENHEDEN) assert.equal(eenheidLabel[c], lowerFirst(eenheid.get(c)!), `eenheid ${c}`);
      const frequentie = e.get("LDT_Frequentie")!;
      assert.deepEqual([...FREQUENTIES], [...frequentie.keys()], "WJ757 codes");
      for (const c of FREQUENTIES) assert.equal(frequentieLabel[c], lowerFirst(frequentie.get(c)!), `frequentie ${c}`);
      const categorie = e.get("LDT_ProductCategorie")!;
      const ours = std === "iwmo" ? WMO_PRODUCTCATEGORIEEN : JW_PRODUCTCATEGORIEEN;
      assert.deepEqual([...ours], [...categorie.keys()], "productcategorie codes");
      for (const c of ours) assert.equal(productcategorieLabel[c], categorie.get(c), `productcategorie ${c}`);
      const retour = e.get("LDT_RetourCode")!;
      assert.deepEqual([...RETOURCODES], [...retour.keys()], "retourcodes");
      for (const c of RETOURCODES) assert.equal(retourcodeText(std, c), retour.get(c), `retourcode ${c} (${std})`);
    });
  }
});

describe("the code lists' helpers", () => {
  test("wet and standaard map both ways; a message name tells its standard", () => {
    for (const w of WETTEN) assert.equal(wetOfStandaard[standaardOfWet[w]], w, `wet ${w}`);
    assert.equal(standaardOfBericht("JW323"), "ijw", "JW323");
    assert.equal(standaardOfBericht("WMO323"), "iwmo", "WMO323");
    assert.equal(standaardOfBericht(undefined), "iwmo", "no name");
  });
  test("retourcodes: Kader explains only known codes; an unknown code is named as it is", () => {
    for (const c of Object.keys(retourcodeExplanation)) assert.ok((RETOURCODES as readonly string[]).includes(c), `explained code ${c} is a retourcode`);
    assert.equal(explainRetourcode("0611"), "het tarief is niet het contracttarief", "0611");
    assert.equal(explainRetourcode("toString"), "retourcode toString", "not a prototype key");
    assert.equal(retourcodeText("iwmo", "constructor"), undefined, "not a prototype key");
  });
});
