import { connect } from "../adapters/db/connect.ts";
import { migrate } from "../adapters/db/migrate.ts";
import { envConfig } from "./compose.ts";
import type { Output } from "./output.ts";

/** `kader db migrate`: apply pending migrations and say which. */
export async function dbMigrate(out: Output): Promise<number> {
  const db = await connect(envConfig());
  try {
    const applied = await migrate(db);
    out.line(applied.length ? `Migraties toegepast: ${applied.join(", ")}` : "Database is bijgewerkt; geen migraties nodig.");
    return 0;
  } finally {
    await db.close();
  }
}
