import type { FastifyRequest } from "fastify";
import type { z } from "zod";
import type { Actor } from "../app/compliance.ts";
import { explainZodIssue } from "../domain/shared/zod-dutch.ts";

/** What the routes share: who asks, the access-log context of a request, and Dutch problems for bad query parameters. */
export const actorOf = (req: FastifyRequest): Actor => ({ kind: "user", principal: req.principal });
export const ctx = (req: FastifyRequest, purpose: string) => ({ endpoint: `${req.method} ${req.routeOptions.url ?? req.url}`, purpose });
export const badQuery = (e: z.ZodError) =>
  e.issues.map((i) => ({ code: "invalid-parameter" as const, title: `Ongeldige parameter ${String(i.path[0] ?? "")}`, detail: explainZodIssue(i), path: String(i.path[0] ?? "") }));
