import { buildServer } from "../api/server.ts";
import { formatProblem } from "../domain/shared/problem.ts";
import { DEMO_PASSWORD } from "../app/auth.ts";
import { envConfig, isProduction, loadCatalogueDir, openKader } from "./compose.ts";
import { demoLoad } from "./care.ts";
import type { Output } from "./output.ts";

/** `kader serve`: open the database, migrate, load the catalogue, serve the API. */
export async function serve(out: Output, opts: { port: number; host: string; dir: string; load: boolean; webRoot?: string }): Promise<number> {
  const t0 = performance.now();
  const cfg = envConfig();
  const k = await openKader(cfg);
  if (opts.load) {
    const r = await loadCatalogueDir(k, opts.dir);
    if (!r.ok) {
      out.err("De catalogus is ongeldig; Kader start niet:");
      for (const p of r.problems) out.err(`  ${formatProblem(p)}`);
      await k.close();
      return 1;
    }
    const p = r.report.products;
    out.line(
      `Catalogus geladen: ${p.created.length} nieuw, ${p.changed.length} gewijzigd, ${p.withdrawn.length} ingetrokken, ${p.unchanged.length} ongewijzigd.`,
    );
  }
  if (!isProduction()) {
    const demo = await k.auth.ensureDemoUsers();
    if (demo.length)
      out.line(`Demo-accounts aangemaakt (wachtwoord "${DEMO_PASSWORD}"): ${demo.map((d) => `${d.username} (${d.role})`).join(", ")}. Niet voor productie.`);
    // the synthetic demo data set of the care chain, marked as demo everywhere; KADER_DEMO=0 leaves it out
    if (opts.load && process.env.KADER_DEMO !== "0" && !(await k.care.hasDemo())) {
      const d = await demoLoad(k, k.clock.today());
      out.line(
        `Synthetische demodata geladen (gemeenten 0106 en 1730): ${d.clients} cliënten, ${d.toewijzingen} toewijzingen, ${d.declaraties} declaraties met ${d.prestaties} prestaties (${d.afgewezen} afgewezen), ${d.conversie} lopende indicaties voor de conversie van 004. Niet voor productie.`,
      );
    }
  }
  const app = await buildServer(k, { logger: process.env.KADER_LOG === "1", webRoot: opts.webRoot });
  const shutdown = async () => {
    await app.close();
    await k.close();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  try {
    await app.listen({ port: opts.port, host: opts.host });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code !== "EADDRINUSE" && code !== "EACCES") throw e;
    out.err(code === "EADDRINUSE" ? `Poort ${opts.port} is al in gebruik; kies een andere met PORT of --port.` : `Geen toegang tot poort ${opts.port}.`);
    await app.close();
    await k.close();
    return 1;
  }
  out.line(
    `Kader draait op http://${opts.host === "0.0.0.0" ? "localhost" : opts.host}:${opts.port} (${cfg.databaseUrl ? "PostgreSQL" : `PGlite in ${cfg.dataDir}`}), klaar in ${Math.round(performance.now() - t0)} ms`,
  );
  return 0;
}
