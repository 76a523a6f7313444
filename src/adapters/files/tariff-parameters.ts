import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { parseParameters } from "../../app/tariffs.ts";
import type { Result } from "../../domain/shared/problem.ts";
import type { TariffParameters } from "../../domain/tariffs/parameters.ts";

/** A parameter file (YAML or JSON), validated as a whole; problems name the file and the field. */
export async function readParametersFile(path: string): Promise<Result<TariffParameters>> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return { ok: false, problems: [{ code: "invalid-input", title: "Bestand niet gevonden", detail: `kan ${path} niet lezen`, file: path }] };
  }
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (e) {
    return {
      ok: false,
      problems: [{ code: "invalid-input", title: "Ongeldige YAML of JSON", detail: e instanceof Error ? e.message.split("\n")[0]! : String(e), file: path }],
    };
  }
  return parseParameters(raw, path);
}
