/**
 * Builds the XML of a message from its model, in the order the standard prescribes, with the standard's namespace
 * prefixes (wmo301:, iwmo:), UTF-8 without BOM and CRLF line ends (OP192). Elements absent from the model are left
 * out; the result is validated by reading it back (`readMessage`), never assumed valid.
 */
import type { MessageDefinition } from "./schema/messages.ts";
import { type AnyModel, type ComplexType, isComplex, type ModelValue } from "./schema/structure.ts";

const CRLF = "\r\n";

const escapeText = (s: string) => s.replace(/[&<>\r\n]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === "\r" ? "&#13;" : CRLF));

/** XML text of one message. */
export function buildMessage(def: MessageDefinition, model: AnyModel): string {
  const out: string[] = [`<?xml version="1.0" encoding="UTF-8"?>${CRLF}`];
  const m = def.prefix;
  const b = def.basisPrefix;
  out.push(`<${m}:Bericht xmlns:${b}="${def.basisNamespace}" xmlns:${m}="${def.namespace}">${CRLF}`);
  writeChildren(out, def, def.root, model, 1);
  out.push(`</${m}:Bericht>${CRLF}`);
  return out.join("");
}

function writeChildren(out: string[], def: MessageDefinition, type: ComplexType, model: AnyModel, depth: number) {
  const prefix = type.home === "basis" ? def.basisPrefix : def.prefix;
  const indent = "\t".repeat(depth);
  for (const [name, particle] of Object.entries(type.children)) {
    const value = model[name];
    if (value === undefined) continue;
    const items: ModelValue[] = particle.max === "n" && Array.isArray(value) ? value : [value];
    for (const item of items) {
      const tag = `${prefix}:${name}`;
      if (isComplex(particle.type)) {
        if (typeof item !== "object" || Array.isArray(item)) continue;
        out.push(`${indent}<${tag}>${CRLF}`);
        writeChildren(out, def, particle.type, item, depth + 1);
        out.push(`${indent}</${tag}>${CRLF}`);
      } else if (typeof item === "string" || typeof item === "number") {
        out.push(`${indent}<${tag}>${escapeText(String(item))}</${tag}>${CRLF}`);
      }
    }
  }
}
