/** As gemeente, a declaratie (323): the care chain's declaratie check, answered with a 325 with every retourcode per rejected prestatie. */
import type { Problem } from "../../domain/shared/problem.ts";
import type { AccessContext, Actor } from "../access.ts";
import type { CareService } from "../care.ts";
import { answerDefinition, build325Model, declaratieFrom323, prestatiesOf } from "../messages-mapping.ts";
import { melding } from "./findings.ts";
import type { Handled, Incoming } from "./types.ts";

const CLI: Actor = { kind: "cli" };

export async function declaratie({ def, model, h }: Incoming, care: CareService, ctx: AccessContext): Promise<Handled> {
  const raw = declaratieFrom323(model, def.standaard, h);
  const ans = answerDefinition(def);
  const reject = (problems: Problem[]): Handled => ({
    status: "afgekeurd",
    meldingen: problems.map((p) => melding("0001", `Bericht/Declaratie${p.path ? ` (${p.path})` : ""}`, `${p.title}: ${p.detail}`)),
    summary: { declaratienummer: raw.declaratienummer },
    answers: [{ def: ans, build: (meta) => build325Model(ans, { heen: model, meta, headerCodes: ["0001"], result: null, h }) }],
  });
  const r = await care.submitDeclaratie(CLI, raw, ctx);
  if (!r.ok) return reject(r.problems);
  const result = r.value.result;
  const afgewezen = result.prestaties.filter((p) => !p.toegekend);
  const items = prestatiesOf(model);
  return {
    status: result.afgewezen ? "afgekeurd" : "verwerkt",
    meldingen: result.prestaties.flatMap((p, i) =>
      p.bevindingen.map((b) => melding(b.retourcode, items[i]?.path ?? "", `${p.referentienummer}: ${b.message}`)),
    ),
    summary: {
      declaratienummer: result.declaratienummer,
      ingediend: result.ingediend,
      toegekend: result.toegekend,
      prestaties: result.prestaties.length,
      afgewezen: afgewezen.length,
      herhaald: r.value.herhaald,
    },
    answers: [{ def: ans, build: (meta) => build325Model(ans, { heen: model, meta, headerCodes: [], result, h }) }],
  };
}
