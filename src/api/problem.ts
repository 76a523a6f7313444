import type { FastifyReply } from "fastify";
import { httpStatusOf, type Problem } from "../domain/shared/problem.ts";

/**
 * RFC 9457 problem+json. One response can carry several problems (`problems`), so a client fixes every bad
 * parameter in one round; `title`/`detail` repeat the first for clients that read only those.
 */
export function sendProblems(reply: FastifyReply, problems: Problem[], instance?: string) {
  const first = problems[0] ?? { code: "internal", title: "Onbekende fout", detail: "" };
  const status = Math.max(...problems.map((p) => httpStatusOf[p.code]));
  return reply
    .code(status)
    .type("application/problem+json; charset=utf-8")
    .send({
      type: `urn:kader:problem:${first.code}`,
      title: first.title,
      status,
      detail: problems.map((p) => p.detail).join("; "),
      ...(instance ? { instance } : {}),
      problems,
    });
}
