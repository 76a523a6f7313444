/**
 * Dispatch per message kind: what Kader does with a new message, as gemeente or as aanbieder — a handler per kind
 * (start-stop.ts, verzoeken.ts, declaratie.ts, toewijzingen.ts) whose codes become a retour, or a message only
 * registered (a retour received, a 325, the aanbieder's own 315/317).
 */
import { validateMessage } from "../../messages/index.ts";
import type { ModelValue } from "../../messages/schema/structure.ts";
import type { AccessContext } from "../access.ts";
import type { CareService } from "../care.ts";
import { answerDefinition, buildRetourModel, headerInfo } from "../messages-mapping.ts";
import type { Rol } from "../messages-ports.ts";
import { declaratie } from "./declaratie.ts";
import { arr, type Codes, obj, str } from "./model.ts";
import { start, stop } from "./start-stop.ts";
import { import301, received301 } from "./toewijzingen.ts";
import type { CatalogueSnapshot, Handled, Incoming, ProcessOptions } from "./types.ts";
import { inOnderzoek, ownVerzoek, received319, verzoek315, verzoek317 } from "./verzoeken.ts";

/** The retour to a heen message: every retourcode per message class, verwerkt. */
function retour(m: Incoming, codes: Codes, extra: Partial<Handled> = {}): Handled {
  const ans = answerDefinition(m.def);
  return {
    status: "verwerkt",
    meldingen: codes.meldingen,
    summary: {},
    answers: [{ def: ans, build: (meta) => buildRetourModel(ans, m.model, meta, [], codes.codesFor) }],
    ...extra,
  };
}

/** A message Kader only records. */
const register = (summary: Record<string, unknown> = {}): Handled => ({ status: "geregistreerd", meldingen: [], summary, answers: [] });

/** For a retour received: the id of the message of ours it answers. */
async function heenOf({ u, rec, def }: Incoming): Promise<number | null> {
  const heenCode = String(Number(def.berichtCode) - 1);
  const model = await u.messages.xml(rec.id);
  const id = model ? headerInfo(validateMessage(model, { model: true, hygiene: false }).model)?.identificatie : null;
  if (!id) return null;
  const found = await u.messages.byKey(rec.rol, "uit", rec.ontvanger, heenCode, id);
  return found[0]?.id ?? null;
}

/** A 325 received: the declaratie's totals and the number of rejected prestaties. */
function summaryOf325(m: Incoming): Record<string, unknown> {
  const a = obj(m.model.DeclaratieAntwoord);
  const totaal = (v: ModelValue | undefined) => (str(obj(v).DebetCredit) === "C" ? -1 : 1) * Number(str(obj(v).TotaalBedrag) ?? 0);
  return {
    declaratienummer: str(a.DeclaratieNummer),
    ingediend: totaal(a.TotaalIngediendBedrag),
    toegekend: totaal(a.TotaalToegekendBedrag),
    afgewezenPrestaties: arr(obj(a.Clienten).Client).reduce((s, c) => s + arr(obj(c.Prestaties).Prestatie).length, 0),
  };
}

export async function dispatch(rol: Rol, m: Incoming, care: CareService, cat: CatalogueSnapshot, ctx: AccessContext, opts: ProcessOptions): Promise<Handled> {
  if (rol === "gemeente")
    switch (m.def.number) {
      case "301":
        return import301(m, cat);
      case "305":
        return retour(m, await start(m, care, ctx));
      case "307":
        return retour(m, await stop(m, care, ctx));
      case "315":
      case "317": {
        const { codes, verzoeken } = m.def.number === "315" ? await verzoek315(m) : await verzoek317(m);
        return retour(m, codes, {
          answers: [...retour(m, codes).answers, ...(opts.inOnderzoek ? await inOnderzoek(m.u, m.clock, verzoeken, m.model) : [])],
          summary: { verzoeken: verzoeken.length },
        });
      }
      case "323":
        return declaratie(m, care, ctx);
      default:
        return register({ heen: await heenOf(m) });
    }
  switch (m.def.number) {
    case "301":
      return retour(m, await received301(m));
    case "319":
      return retour(m, await received319(m));
    case "325":
      return register(summaryOf325(m));
    case "315":
    case "317":
      return register({ verzoeken: (await ownVerzoek(m)).length });
    default:
      return register({ heen: await heenOf(m) });
  }
}
