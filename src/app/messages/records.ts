import { createHash } from "node:crypto";
import type { Wet } from "../../domain/care/codes.ts";
import type { MessageDefinition } from "../../messages/index.ts";
import type { HeaderInfo } from "../messages-mapping.ts";
import type { NewBericht, Rol, VerzoekRecord } from "../messages-ports.ts";

export const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

/**
 * A message Kader built and sends (an answer, a 301, a 319): richting uit, status verzonden, its hash, from the
 * party it is sent by to the party it is sent to.
 */
export function outgoing(
  m: {
    rol: Rol;
    gemeentecode: string;
    agbCode: string;
    wet: Wet;
    def: MessageDefinition;
    afzender: string;
    ontvanger: string;
    meta: { identificatie: string; dagtekening: string };
    bestandsnaam: string;
    retourcodes?: string[];
    summary: Record<string, unknown>;
    antwoordOp: number | null;
    createdAt: string;
    geschrevenOp?: string | null;
  },
  xml: string,
): NewBericht {
  return {
    rol: m.rol,
    richting: "uit",
    gemeentecode: m.gemeentecode,
    agbCode: m.agbCode,
    wet: m.wet,
    berichtNaam: m.def.name,
    berichtCode: m.def.berichtCode,
    afzender: m.afzender,
    ontvanger: m.ontvanger,
    identificatie: m.meta.identificatie,
    dagtekening: m.meta.dagtekening,
    bestandsnaam: m.bestandsnaam,
    contentHash: sha256(xml),
    status: "verzonden",
    retourcodes: m.retourcodes ?? [],
    meldingen: [],
    samenvatting: m.summary,
    antwoordOp: m.antwoordOp,
    antwoordBestand: null,
    createdAt: m.createdAt,
    ...(m.geschrevenOp !== undefined ? { geschrevenOp: m.geschrevenOp } : {}),
  };
}

/** A verzoek (315/317) to register, open, from the message that carries it. */
export function openVerzoek(
  rol: Rol,
  h: HeaderInfo,
  wet: Wet,
  kind: "315" | "317",
  ref: string,
  bsn: string,
  berichtId: number,
  inhoud: Record<string, unknown>,
  createdAt: string,
): Omit<VerzoekRecord, "id"> {
  return {
    rol,
    gemeentecode: h.gemeentecode,
    agbCode: h.agbCode,
    wet,
    soort: kind,
    referentieAanbieder: ref,
    bsn,
    status: "open",
    berichtId,
    inhoud,
    antwoord: null,
    createdAt,
  };
}

/** A received message (or one of its own a party hands in) as it is first stored: verwerkt, until its handler says otherwise. */
export function incoming(
  m: {
    rol: Rol;
    richting: "in" | "uit";
    h: HeaderInfo;
    wet: Wet;
    def: MessageDefinition;
    keyAfzender: string;
    keyId: string;
    dagtekening: string;
    hash: string;
  },
  bestandsnaam: string,
  createdAt: string,
): NewBericht {
  return {
    rol: m.rol,
    richting: m.richting,
    gemeentecode: m.h.gemeentecode,
    agbCode: m.h.agbCode,
    wet: m.wet,
    berichtNaam: m.def.name,
    berichtCode: m.def.berichtCode,
    afzender: m.keyAfzender,
    ontvanger: m.keyAfzender === m.h.afzender ? m.h.ontvanger : m.h.afzender,
    identificatie: m.keyId,
    dagtekening: /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(m.dagtekening) ? m.dagtekening : null,
    bestandsnaam,
    contentHash: m.hash,
    status: "verwerkt",
    retourcodes: [],
    meldingen: [],
    samenvatting: {},
    antwoordOp: null,
    antwoordBestand: null,
    createdAt,
  };
}
