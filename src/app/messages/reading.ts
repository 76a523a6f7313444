/** Reading the message log and the verzoeken (API, screens, CLI): a gemeente sees its own, an aanbieder its own. */
import type { Target } from "../../domain/auth/policy.ts";
import { problem, type Result } from "../../domain/shared/problem.ts";
import type { AccessContext, AccessGate, Actor } from "../access.ts";
import type { BerichtRecord, MessageStore, VerzoekRecord } from "../messages-ports.ts";

export interface Reading {
  store: MessageStore;
  gate: AccessGate;
}

/** The caller's own gemeente or aanbieder; nothing for the command line or a user without a tenant. */
export function tenantOf(actor: Actor): Target {
  const t = actor.kind === "user" ? actor.principal?.tenant : null;
  return t?.kind === "gemeente" ? { gemeentecode: t.gemeentecode } : t?.kind === "aanbieder" ? { agbCode: t.agbCode } : {};
}

/** The message log: a gemeente sees its own messages, an aanbieder its own. */
export async function list(
  { store, gate }: Reading,
  actor: Actor,
  q: { richting?: string | undefined; page?: number | undefined },
  ctx: AccessContext,
): Promise<Result<{ total: number; items: BerichtRecord[] }>> {
  const t = tenantOf(actor);
  const page = Math.max(1, q.page ?? 1);
  const richting = q.richting === "in" || q.richting === "uit" ? q.richting : undefined;
  return gate.guard(
    actor,
    "bericht",
    "read",
    t,
    ctx,
    () =>
      store.messages.list({
        gemeentecode: t.gemeentecode ?? undefined,
        agbCode: t.agbCode ?? undefined,
        richting,
        limit: 100,
        offset: (page - 1) * 100,
      }),
    { filter: `berichtenlog ${richting ?? "in en uit"}, pagina ${page}` },
  );
}

export interface MessageWithAnswers {
  bericht: BerichtRecord;
  antwoorden: BerichtRecord[];
  antwoordOp: BerichtRecord | null;
}

/** One message with its answers (and the message it answers). */
export async function get({ store, gate }: Reading, actor: Actor, id: number, ctx: AccessContext): Promise<Result<MessageWithAnswers>> {
  const b = await store.messages.get(id);
  const target = b ? { gemeentecode: b.gemeentecode, agbCode: b.agbCode } : tenantOf(actor);
  const r = await gate.guard(
    actor,
    "bericht",
    "read",
    target,
    ctx,
    async () =>
      b && {
        bericht: b,
        antwoorden: await store.messages.answersOf(id),
        antwoordOp: b.antwoordOp ? await store.messages.get(b.antwoordOp) : null,
      },
    { records: [`bericht:${id}`] },
  );
  if (!r.ok) return r;
  return r.value ? { ok: true, value: r.value } : { ok: false, problems: [problem.notFound(`geen bericht ${id}`)] };
}

/** The raw XML of a message (a received one, or an answer to download). */
export async function xml(reading: Reading, actor: Actor, id: number, ctx: AccessContext): Promise<Result<{ bestandsnaam: string; xml: string }>> {
  const r = await get(reading, actor, id, ctx);
  if (!r.ok) return r;
  return { ok: true, value: { bestandsnaam: r.value.bericht.bestandsnaam.split(/[\\/:]/).pop()!, xml: (await reading.store.messages.xml(id)) ?? "" } };
}

/** The verzoeken (315/317) for the toegang: open ones first. */
export async function verzoeken({ store, gate }: Reading, actor: Actor, ctx: AccessContext): Promise<Result<VerzoekRecord[]>> {
  const t = tenantOf(actor);
  const order = { open: 0, "in-onderzoek": 1, afgewezen: 2, toegewezen: 3 } as const;
  return gate.guard(
    actor,
    "bericht",
    "read",
    t,
    ctx,
    async () =>
      (await store.messages.verzoeken({ gemeentecode: t.gemeentecode ?? undefined, agbCode: t.agbCode ?? undefined })).sort(
        (a, b) => order[a.status] - order[b.status] || a.id - b.id,
      ),
    { filter: "verzoeken om toewijzing en wijziging" },
  );
}
