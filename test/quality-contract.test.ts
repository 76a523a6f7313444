import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import type { z } from "zod";
import { qualityDirOf, readQualityDir } from "../src/adapters/files/quality-files.ts";
import * as compliance from "../src/contract/compliance.ts";
import { EvidenceKind } from "../src/contract/compliance.ts";
import * as contract from "../src/contract/quality.ts";
import * as lists from "../src/domain/codes/quality.ts";
import * as codes from "../src/domain/codes/schemas.ts";
import * as provider from "../src/domain/compliance/provider.ts";
import * as assessment from "../src/domain/quality/assessment.ts";
import * as source from "../src/domain/quality/framework-source.ts";
import * as requirements from "../src/domain/quality/general-requirements.ts";
import { generalRequirements004 } from "../src/domain/quality/general-requirements.ts";
import * as library from "../src/domain/quality/library.ts";
import { conceptGroups, criterionHit, frameworkSummary, isLapsed, lapsedWarning, type QualityLibrary, segmentsOf } from "../src/domain/quality/library.ts";
import * as pve from "../src/domain/quality/pve.ts";
import { ProviderEvidenceKind } from "../src/domain/rules/rule.ts";
import { CATALOG_DIR } from "./support/app.ts";

/**
 * The code lists live in src/domain/codes and the request bodies in the contract (src/contract/quality.ts,
 * src/contract/compliance.ts); the domain re-exports them. These tests keep it that way — one schema object, not two
 * copies — pin the Dutch problems of the request bodies, and check the answers made of the shipped library against
 * the contract's response schemas.
 */
describe("the quality contract agrees with the domain", () => {
  test("code lists: one list each, in src/domain/codes", () => {
    const pairs: [string, unknown, unknown][] = [
      ["QualityElement", contract.QualityElement, source.QualityElement],
      ["Addressee", contract.Addressee, source.Addressee],
      ["Nature", contract.Nature, source.Nature],
      ["QualityLaw", contract.QualityLaw, source.QualityLaw],
      ["SegmentId", contract.SegmentId, source.SegmentId],
      ["FrameworkStatus", contract.FrameworkStatus, source.FrameworkStatus.shape.value],
      ["EvidenceKind", EvidenceKind, ProviderEvidenceKind],
      ["Verdict", contract.Verdict, assessment.Oordeel],
      ["QualityElement", codes.QualityElement, contract.QualityElement],
      ["Verdict", codes.ReviewVerdict, contract.Verdict],
      ["QuestionStatus", codes.QuestionStatus, contract.QuestionStatus],
      ["vraagStatuses", lists.QUESTION_STATUSES, assessment.vraagStatuses],
      ["elements", lists.QUALITY_ELEMENTS, library.elements],
      ["elementLabel", lists.qualityElementLabel, library.elementLabel],
      ["statusLabel", lists.frameworkStatusLabel, library.statusLabel],
      ["vraagStatusLabel", lists.questionStatusLabel, assessment.vraagStatusLabel],
    ];
    for (const [name, a, b] of pairs) assert.equal(a, b, `${name}: the same object`);
    assert.deepEqual(contract.QuestionStatus.options, ["open", "ingediend", "akkoord", "aanvullen", "niet-akkoord"], "question statuses in order");
    assert.deepEqual([...contract.ALLOWED_FILE_TYPES].sort(), Object.keys(assessment.ALLOWED_FILE_TYPES).sort(), "ALLOWED_FILE_TYPES");
  });

  test("request bodies: one schema each, the contract's", () => {
    const pairs: [string, unknown, unknown][] = [
      ["PveConcept", contract.PveConcept, pve.PveConcept],
      ["Afwijking", contract.Deviation, pve.Afwijking],
      ["PveOnderdeel", contract.PvePart, pve.PveOnderdeel],
      ["Checkable", contract.Checkable, requirements.Checkable],
      ["Antwoord", contract.AnswerBody, assessment.Antwoord],
      ["Beoordeling", contract.ReviewBody, assessment.Beoordeling],
      ["ProviderEvidence", compliance.EvidenceInput, provider.ProviderEvidence],
      ["ProviderContract", compliance.ContractInput, provider.ProviderContract],
    ];
    for (const [name, a, b] of pairs) assert.equal(a, b, `${name}: the same object`);
  });

  test("request bodies: their problems, in Dutch with their place", () => {
    const cases: [z.ZodType, unknown, [string, string][]][] = [
      [contract.AnswerBody, { geldigVan: "2026-02-30" }, [["geldigVan", "geen geldige datum (JJJJ-MM-DD)"]]],
      [contract.AnswerBody, { geldigVan: "2026-03-01", geldigTot: "2026-01-01" }, [["geldigTot", "geldig tot ligt vóór geldig van"]]],
      [contract.ReviewBody, { oordeel: "aanvullen" }, [["opmerking", "licht toe wat er ontbreekt of niet klopt"]]],
      [
        contract.PveConcept,
        { titel: "", onderdelen: [{ soort: "eigen", titel: "", tekst: "" }] },
        [
          ["titel", "geef het programma van eisen een titel"],
          ["onderdelen.0.titel", "geef de eis een titel"],
          ["onderdelen.0.tekst", "beschrijf de eis"],
        ],
      ],
      [compliance.EvidenceInput, { kind: "kvk-uittreksel", date: "2026-02-30" }, [["date", "geen geldige datum (JJJJ-MM-DD)"]]],
      [compliance.EvidenceInput, { kind: "kvk-uittreksel", date: "2026-03-01", validUntil: "2026-01-01" }, [["validUntil", "geldig tot ligt vóór de datum"]]],
      [compliance.EvidenceInput, { kind: "kvk-uittreksel", date: "2026-03-01", scope: [] }, [["scope", "noem minstens één product, of * voor alles"]]],
      [compliance.ContractInput, { productId: "p", gemeentecode: "12", validFrom: "2026-03-01" }, [["gemeentecode", "een gemeentecode is 4 cijfers"]]],
      [
        compliance.ContractInput,
        { productId: "p", gemeentecode: "0363", validFrom: "2026-03-01", validTo: "2026-01-01" },
        [["validTo", "einddatum ligt vóór de begindatum"]],
      ],
    ];
    for (const [schema, input, problems] of cases) {
      const r = schema.safeParse(input);
      assert.equal(r.success, false, JSON.stringify(input));
      assert.deepEqual(
        r.error?.issues.map((i) => [i.path.join("."), i.message]),
        problems,
        JSON.stringify(input),
      );
    }
    assert.deepEqual(
      compliance.EvidenceInput.parse({ kind: "kvk-uittreksel", date: "2026-03-01" }),
      { kind: "kvk-uittreksel", date: "2026-03-01", validUntil: null, scope: ["*"], description: null },
      "evidence defaults",
    );
  });

  describe("answers made of the shipped library", () => {
    let lib: QualityLibrary;
    before(async () => {
      const r = await readQualityDir(qualityDirOf(CATALOG_DIR));
      assert.ok(r.ok, "the shipped library reads");
      lib = r.value;
    });

    const fits = (schema: z.ZodType, value: unknown, what: string) => {
      const r = schema.safeParse(value);
      assert.ok(r.success, `${what}: ${r.error?.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`)}`);
    };

    test("frameworks, criteria, segments, concepts and the general requirements", () => {
      for (const f of lib.frameworks) {
        fits(
          contract.Framework,
          { ...f, segmentenUitgebreid: segmentsOf(f, lib.segments), waarschuwing: lapsedWarning(f), vervallen: isLapsed(f) },
          `kader ${f.nr}`,
        );
        fits(
          contract.FrameworkItem,
          { ...frameworkSummary(f), uitgever: f.uitgever, statusTekst: f.status.text, statusSinds: f.status.since, waarschuwing: null },
          `item ${f.nr}`,
        );
        for (const c of f.criteria) fits(contract.CriterionHit, criterionHit(f, c), `criterium ${f.nr}.${c.id}`);
      }
      for (const s of lib.segments) fits(contract.Segment, s, `segment ${s.id}`);
      for (const g of conceptGroups(lib)) fits(contract.ConceptGroup, g, `begrip ${g.id}`);
      for (const g of generalRequirements004) fits(contract.GeneralRequirement, g, `algemene eis ${g.id}`);
    });
  });
});
