/** Where CLI commands write; a seam so tests can capture output without spawning processes. */
export interface Output {
  line(s: string): void;
  err(s: string): void;
  json(v: unknown): void;
  raw(s: string | Uint8Array): void;
}

export const processOutput: Output = {
  line: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
  json: (v) => process.stdout.write(`${JSON.stringify(v, null, 2)}\n`),
  raw: (s) => process.stdout.write(s),
};
