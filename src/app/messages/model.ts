import type { AnyModel, ModelValue } from "../../messages/schema/structure.ts";
import type { CodesFor } from "../messages-mapping.ts";
import type { Melding } from "../messages-ports.ts";
import { melding } from "./findings.ts";

/** Reading a message model: a class, a list of classes (one or many), a value as text. */
export type M = AnyModel;
export const obj = (v: ModelValue | undefined): M => (v && typeof v === "object" && !Array.isArray(v) ? (v as M) : {});
export const arr = (v: ModelValue | undefined): M[] => (Array.isArray(v) ? (v as M[]) : v && typeof v === "object" ? [v as M] : []);
export const str = (v: ModelValue | undefined): string | null => (typeof v === "string" || typeof v === "number" ? String(v) : null);

/** The toewijzing statuses that count as current. */
export const ACTUEEL = new Set(["toegewezen", "gestart", "tijdelijk-gestopt"]);

/** Retourcodes collected per message-class path, each with its melding; a note is a melding with 0200. */
export class Codes {
  private readonly m = new Map<string, string[]>();
  readonly meldingen: Melding[] = [];
  add(path: string, retourcode: string, text: string) {
    this.m.set(path, [...new Set([...(this.m.get(path) ?? []), retourcode])]);
    this.meldingen.push(melding(retourcode, path, text));
  }
  note(path: string, text: string) {
    this.meldingen.push(melding("0200", path, text));
  }
  get any() {
    return this.m.size > 0;
  }
  has(path: string) {
    return this.m.has(path);
  }
  readonly codesFor: CodesFor = (path) => this.m.get(path) ?? [];
}
