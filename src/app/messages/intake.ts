/**
 * Intake of one message, before its transaction: the reader's verdict (a message Kader cannot answer is
 * `onleesbaar`), whether it is for this party and role (else `geweigerd`, nothing stored), and for a user the access
 * check on the message by its natural key. What passes is `Admitted`: the message with the key it is known by.
 */
import type { Wet } from "../../domain/care/codes.ts";
import type { MessageDefinition, MessageNumber, validateMessage } from "../../messages/index.ts";
import type { AnyModel } from "../../messages/schema/structure.ts";
import type { AccessContext, AccessGate, Actor } from "../access.ts";
import { type HeaderInfo, headerInfo, sentByAanbieder, wetOf } from "../messages-mapping.ts";
import type { Richting, Rol } from "../messages-ports.ts";
import { melding } from "./findings.ts";
import { obj, str } from "./model.ts";
import { sha256 } from "./records.ts";
import type { BerichtInput, PlainOutcome, ProcessOptions } from "./types.ts";

const DAGTEKENING = /<(?:[A-Za-z0-9_]+:)?Dagtekening>\s*([0-9]{4}-[0-9]{2}-[0-9]{2})\s*</;

/** Processing order: by Dagtekening (read from the header), then file name. */
export function orderInputs<T extends BerichtInput>(inputs: T[]): T[] {
  const key = (i: T) => DAGTEKENING.exec(new TextDecoder().decode(i.bytes.subarray(0, 8192)))?.[1] ?? "9999-99-99";
  return inputs
    .map((i) => ({ i, k: key(i) }))
    .sort((a, b) => a.k.localeCompare(b.k) || a.i.bestandsnaam.localeCompare(b.i.bestandsnaam))
    .map((x) => x.i);
}

const RETOUR_NUMBERS: MessageNumber[] = ["302", "306", "308", "316", "318", "320"];

/** What Kader does with a message, per role: answer it, or only register it. */
function handling(rol: Rol, n: MessageNumber): "answer" | "register" | null {
  if (rol === "gemeente") return ["305", "307", "315", "317", "323"].includes(n) ? "answer" : ["301", "302", "320"].includes(n) ? "register" : null;
  return ["301", "319"].includes(n) ? "answer" : ["325", "315", "317", "306", "308", "316", "318"].includes(n) ? "register" : null;
}

/** The outcome's fields every outcome of this message starts from. */
export type Blank = Omit<PlainOutcome, "status" | "meldingen">;

/** A message that passed intake: read, for this party and role, allowed. */
export interface Admitted {
  def: MessageDefinition;
  model: AnyModel;
  h: HeaderInfo;
  wet: Wet;
  rol: Rol;
  how: "answer" | "register";
  richting: Richting;
  isRetour: boolean;
  /** the key the message is known by (TR056): a retour by its receiver's heen message's sender and its own Identificatie */
  keyAfzender: string;
  keyId: string;
  dagtekening: string;
  hash: string;
  blank: Blank;
}

/** Reads the message's verdict and checks party, role and access: the admitted message, or the outcome that ends it. */
export async function admit(
  gate: AccessGate,
  actor: Actor,
  input: BerichtInput,
  read: ReturnType<typeof validateMessage>,
  opts: ProcessOptions,
  ctx: AccessContext,
): Promise<{ ok: true; message: Admitted } | { ok: false; outcome: PlainOutcome }> {
  const def = read.definition;
  const model = read.model;
  const h = headerInfo(model);
  const blank: Blank = {
    bestandsnaam: input.bestandsnaam,
    berichtNaam: def?.name ?? null,
    identificatie: h?.identificatie ?? null,
    dagtekening: h?.dagtekening ?? null,
    retourcodes: [],
    antwoorden: [],
    berichtId: null,
    prestaties: 0,
  };
  if (!def || !model || !h) {
    const why = read.failures.slice(0, 5).map((f) => melding(f.retourcode, f.path, f.message));
    return {
      ok: false,
      outcome: {
        ...blank,
        status: "onleesbaar",
        meldingen: why.length ? why : [melding("0001", "Bericht/Header", "de header mist afzender, ontvanger, identificatie of dagtekening")],
      },
    };
  }
  const refuse = (text: string) => ({
    ok: false as const,
    outcome: { ...blank, status: "geweigerd" as const, meldingen: [melding("", "Bericht/Header", text)] },
  });
  const auto: Rol = sentByAanbieder(def.number) ? "gemeente" : "aanbieder";
  const rol: Rol = opts.rol === "auto" ? auto : opts.rol;
  if (opts.gemeente && h.gemeentecode !== opts.gemeente) return refuse(`dit bericht hoort bij gemeente ${h.gemeentecode}, niet bij ${opts.gemeente}`);
  if (opts.aanbieder && h.agbCode !== opts.aanbieder) return refuse(`dit bericht hoort bij aanbieder ${h.agbCode}, niet bij ${opts.aanbieder}`);
  const how = handling(rol, def.number);
  if (!how) return refuse(`als ${rol} verwerkt Kader geen ${def.name} (zie docs/berichten.md, "Verwerken")`);
  if (actor.kind === "user") {
    const t = actor.principal?.tenant;
    if (t?.kind === "aanbieder" && rol !== auto) return refuse(`een aanbieder levert ${def.name} aan als ${auto}`);
    if (t?.kind === "gemeente" && rol !== "gemeente") return refuse("een gemeente verwerkt berichten als gemeente");
    // the access log names the message by its natural key (sender, kind, Identificatie): known before it is stored
    const allowed = await gate.guard(actor, "bericht", "write", { gemeentecode: h.gemeentecode, agbCode: h.agbCode }, ctx, async () => true, {
      records: [`bericht:${def.name}:${h.afzender}:${h.identificatie}`],
    });
    if (!allowed.ok) return refuse(allowed.problems.map((p) => p.detail).join("; "));
  }
  const own = (rol === "gemeente" && def.number === "301") || (rol === "aanbieder" && (def.number === "315" || def.number === "317"));
  const isRetour = RETOUR_NUMBERS.includes(def.number);
  const header = obj(model.Header);
  // a retour is sent by the receiver of its heen message, under an Identificatie of its own
  return {
    ok: true,
    message: {
      def,
      model,
      h,
      wet: wetOf(def.standaard),
      rol,
      how,
      richting: own ? "uit" : "in",
      isRetour,
      keyAfzender: isRetour ? h.ontvanger : h.afzender,
      keyId: isRetour ? (str(header.IdentificatieRetour) ?? h.identificatie) : h.identificatie,
      dagtekening: isRetour ? (str(header.DagtekeningRetour) ?? h.dagtekening) : h.dagtekening,
      hash: sha256(input.bytes),
      blank,
    },
  };
}
