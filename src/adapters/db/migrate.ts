import type { Db } from "./db.ts";
import { migrations } from "./migrations/index.ts";

/** Applies pending migrations, each in its own transaction. Returns the versions applied. */
export async function migrate(db: Db): Promise<number[]> {
  await db.exec("create table if not exists kader_migration (version integer primary key, name text not null, applied_at timestamptz not null default now())");
  const done = new Set((await db.query<{ version: number }>("select version from kader_migration")).map((r) => r.version));
  const applied: number[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    await db.transaction(async (tx) => {
      await tx.exec(m.sql);
      await tx.query("insert into kader_migration (version, name) values ($1, $2)", [m.version, m.name]);
    });
    applied.push(m.version);
  }
  return applied;
}
