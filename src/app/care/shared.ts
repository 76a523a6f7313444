import type { Target } from "../../domain/auth/policy.ts";
import { type Problem, problem } from "../../domain/shared/problem.ts";
import type { Actor } from "../access.ts";
import type { AccessSubject } from "../ports.ts";

/** At most 30 characters of what a caller sent, for a message. */
const excerpt = (v: string) => (v.length > 30 ? `${v.slice(0, 30)}…` : v);

export type ToewijzingKey = { gemeentecode: string; wet: string; toewijzingnummer: string };
export type DeclaratieKey = { agbCode: string; wet: string; declaratienummer: string };

/** The answers for a record that does not exist — and, so nobody learns it exists, for another tenant's record. */
export const missing = {
  client: (id: number): Problem[] => [problem.notFound(`geen cliënt ${id}`)],
  toewijzing: (k: ToewijzingKey): Problem[] => [
    problem.notFound(`geen toewijzing ${excerpt(k.toewijzingnummer)} van gemeente ${excerpt(k.gemeentecode)} (${excerpt(k.wet)})`),
  ],
  declaratie: (k: DeclaratieKey): Problem[] => [
    problem.notFound(`geen declaratie ${excerpt(k.declaratienummer)} van aanbieder ${excerpt(k.agbCode)} (${excerpt(k.wet)})`),
  ],
};

/** Record ids for the access log (AccessSubject.records). */
export const recordIds = {
  toewijzing: (t: ToewijzingKey) => `toewijzing:${t.gemeentecode}/${t.wet}/${t.toewijzingnummer}`,
  declaratie: (d: DeclaratieKey) => `declaratie:${d.agbCode}/${d.wet}/${d.declaratienummer}`,
  beschikking: (b: { id: number }) => `beschikking:${b.id}`,
};

/** The access-log subject of a list of toewijzingen: their clients and records, and the filter asked. */
export const toewijzingSubject = (ts: (ToewijzingKey & { clientId: number })[], filter?: string): Partial<AccessSubject> => ({
  clientIds: ts.map((t) => t.clientId),
  records: ts.map(recordIds.toewijzing),
  count: ts.length,
  ...(filter ? { filter } : {}),
});

/** The caller's own gemeente or aanbieder (none for the command line and for roles without a tenant). */
export function ownTenant(actor: Actor): { gemeentecode?: string; agbCode?: string } {
  const t = actor.kind === "user" ? actor.principal?.tenant : null;
  if (t?.kind === "gemeente") return { gemeentecode: t.gemeentecode };
  if (t?.kind === "aanbieder") return { agbCode: t.agbCode };
  return {};
}

/** The policy target of a list of the caller's own records: its gemeente and aanbieder. */
export function ownTarget(actor: Actor): Target {
  const t = ownTenant(actor);
  return { gemeentecode: t.gemeentecode ?? null, agbCode: t.agbCode ?? null };
}

/** Who did it, for the records: the signed-in user, or the command line. */
export const actorName = (actor: Actor): string => (actor.kind === "user" ? (actor.principal?.username ?? "onbekend") : "kader-cli");

/** The gemeente a body names, read before it is parsed (for the policy, which is asked first). */
export const gemeenteOf = (raw: unknown): string | null =>
  typeof raw === "object" && raw && "gemeente" in raw ? String((raw as { gemeente: unknown }).gemeente) : null;
