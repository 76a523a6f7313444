/** Pure parts of message processing: order, answer names, the retour twins and the 323 ↔ declaratie mapping. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { answerDefinition, buildRetourModel, build325Model, declaratieFrom323, headerInfo, retourcodesIn } from "../src/app/messages-mapping.ts";
import { answerFileName, orderInputs } from "../src/app/messages/index.ts";
import { Declaratie } from "../src/domain/billing/declaratie.ts";
import { buildMessage, MESSAGES, messageByName, validateMessage } from "../src/messages/index.ts";
import { bsn, m301, m305, m307, m315, m317, m319, m323 } from "./messages-processing-support.ts";

const model = (bytes: Uint8Array) => validateMessage(bytes, { model: true }).model!;
const meta = { identificatie: "KDR000000001", dagtekening: "2026-06-01" };

describe("berichten verwerken: zuivere delen", () => {
  test("inputs are processed by Dagtekening, then file name", () => {
    const a = { bestandsnaam: "b.xml", bytes: m305({ id: "1", dag: "2026-05-03", bsn: bsn(1), items: [{ nummer: 1, begindatum: "2026-05-01" }] }) };
    const b = { bestandsnaam: "a.xml", bytes: m305({ id: "2", dag: "2026-05-03", bsn: bsn(1), items: [{ nummer: 1, begindatum: "2026-05-01" }] }) };
    const c = { bestandsnaam: "z.xml", bytes: m301({ id: "3", dag: "2026-01-05", bsn: bsn(1), producten: [{ nummer: 1 }] }) };
    assert.deepEqual(
      orderInputs([a, b, c]).map((x) => x.bestandsnaam),
      ["z.xml", "a.xml", "b.xml"],
    );
  });

  test("an answer is named after the message it answers", () => {
    const def = messageByName("WMO306")!;
    assert.equal(answerFileName("/in/start-mei.xml", def), "start-mei.WMO306.xml");
    assert.equal(answerFileName("batch.zip:map/a.xml", def, 2), "batch-map-a.WMO306-2.xml");
    assert.equal(answerFileName("in/batch.zip:a.xml", def), "batch-a.WMO306.xml");
  });

  test("an answer's name carries the answered message's Identificatie and a ZIP entry's folders (issue 13)", () => {
    const def = messageByName("WMO308")!;
    // the same file name in two folders, or in two folders of a ZIP: different names, and the same name every time
    assert.equal(answerFileName("/in/dir1/stop.xml", def, 1, "ST1"), "stop_ST1.WMO308.xml");
    assert.equal(answerFileName("/in/dir2/stop.xml", def, 1, "ST2"), "stop_ST2.WMO308.xml");
    assert.equal(answerFileName("in/batch.zip:a/stop.xml", def, 1, "ST1"), "batch-a-stop_ST1.WMO308.xml");
    assert.equal(answerFileName("in/batch.zip:b/stop.xml", def, 1, "ST1"), "batch-b-stop_ST1.WMO308.xml");
    assert.equal(answerFileName("in/batch.zip:b/stop.xml", def, 1, "ST1"), answerFileName("in/batch.zip:b/stop.xml", def, 1, "ST1"));
    // nothing of a hostile name survives but letters, digits, ".", "_" and "-": never a path
    assert.equal(answerFileName("x.zip:../../etc/p\r\nq.xml", def, 1, "a/b"), "x-..-..-etc-p_q_a_b.WMO308.xml");
  });

  test("a 9056 retour (TR056) is named after its own Identificatie as well: never the first answer's name", () => {
    const def = messageByName("WMO308")!;
    assert.equal(answerFileName("/in/dir1/stop.xml", def, 1, "Q1", "KDR000000042"), "stop_Q1.9056-KDR000000042.WMO308.xml");
    assert.notEqual(answerFileName("/in/dir1/stop.xml", def, 1, "Q1", "KDR000000042"), answerFileName("/in/dir1/stop.xml", def, 1, "Q1"));
    assert.equal(answerFileName("x.zip:a/stop.xml", def, 1, "Q1", "../x"), "x-a-stop_Q1.9056-.._x.WMO308.xml");
  });

  test("every retour twin Kader builds from a valid heen message is valid, with 0200 at every class and a code where given", () => {
    const heen: [string, Uint8Array][] = [
      ["WMO301", m301({ id: "1", bsn: bsn(1), producten: [{ nummer: 1 }, { nummer: 2, code: "02A06" }] })],
      ["JW301", m301({ std: "JW", id: "1", bsn: bsn(1), producten: [{ nummer: 1, cat: "45", code: "45A48" }] })],
      ["WMO305", m305({ id: "1", bsn: bsn(1), items: [{ nummer: 1, begindatum: "2026-05-01" }] })],
      ["JW307", m307({ std: "JW", id: "1", bsn: bsn(1), items: [{ nummer: 1, begindatum: "2026-05-01", einddatum: "2026-05-10" }] })],
      ["WMO315", m315({ id: "1", bsn: bsn(1), refs: ["A", "B"] })],
      ["JW315", m315({ std: "JW", id: "1", bsn: bsn(1), refs: ["A"] })],
      ["WMO317", m317({ id: "1", bsn: bsn(1), ref: "R", ongewijzigd: [1], tewijzigen: [2] })],
      ["JW319", m319({ std: "JW", id: "1", ref: "R", reden: "3" })],
    ];
    for (const [name, bytes] of heen) {
      const def = messageByName(name)!;
      const ans = answerDefinition(def);
      const m = model(bytes);
      const retour = buildRetourModel(ans, m, meta, [], (p) => (p.endsWith("[1]") ? ["9019"] : []));
      const xml = buildMessage(ans, retour);
      assert.deepEqual(validateMessage(xml).failures, [], ans.name);
      const headerOnly = buildMessage(ans, buildRetourModel(ans, m, meta, ["8848"], null));
      assert.deepEqual(validateMessage(headerOnly).failures, [], `${ans.name} (header)`);
      assert.deepEqual(retourcodesIn(validateMessage(headerOnly, { model: true }).model), ["8848"]);
    }
  });

  test("a 323 becomes the care chain's declaratie (cents as in the message) and its 325 validates", () => {
    const bytes = m323({
      id: "D",
      nummer: "DECL1",
      clients: [
        {
          bsn: bsn(1),
          prestaties: [
            { ref: "R1", nummer: 7, volume: 3, tarief: 2500 },
            { ref: "R2", nummer: 8, volume: 1, tarief: 2500 },
          ],
        },
      ],
    });
    const m = model(bytes);
    const h = headerInfo(m)!;
    const raw = declaratieFrom323(m, "iwmo", h);
    const d = Declaratie.safeParse(raw);
    assert.ok(d.success, JSON.stringify(d.error?.issues));
    assert.deepEqual(validateMessage(bytes).failures, []);
    assert.equal(d.data.totaalBedrag, 7500 + 2500);
    assert.deepEqual(
      d.data.prestaties.map((p) => [p.referentienummer, p.bedrag, p.debetCredit, p.toewijzingnummer]),
      [
        ["R1", 7500, "D", "7"],
        ["R2", 2500, "D", "8"],
      ],
    );
    const def = messageByName("WMO325")!;
    const result = {
      declaratienummer: "DECL1",
      afgewezen: null,
      ingediend: 10000,
      toegekend: 7500,
      prestaties: [
        {
          referentienummer: "R1",
          debetCredit: "D" as const,
          toegekend: true,
          retourcodes: ["0200"],
          bevindingen: [],
          ingediendBedrag: 7500,
          toegekendBedrag: 7500,
          toewijzingKey: null,
        },
        {
          referentienummer: "R2",
          debetCredit: "D" as const,
          toegekend: false,
          retourcodes: ["9338"],
          bevindingen: [],
          ingediendBedrag: 2500,
          toegekendBedrag: 0,
          toewijzingKey: null,
        },
      ],
    };
    const xml = buildMessage(def, build325Model(def, { heen: m, meta, headerCodes: [], result, h }));
    assert.deepEqual(validateMessage(xml).failures, []);
    assert.deepEqual(retourcodesIn(validateMessage(xml, { model: true }).model), ["9338"]);
  });

  test("every heen message has an answer definition of its own standard", () => {
    for (const def of MESSAGES.filter((d) => ["301", "305", "307", "315", "317", "319", "323"].includes(d.number))) {
      const ans = answerDefinition(def);
      assert.equal(ans.answers, def.name);
    }
  });
});
