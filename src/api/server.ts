import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import type { CatalogueService } from "../app/catalogue.ts";
import { openApiDocument } from "./openapi.ts";
import { sendProblems } from "./problem.ts";
import { catalogueRoutes } from "./routes/catalogue.ts";

export interface ServerOptions {
  logger?: boolean;
}

/** The HTTP API under /api/v1. Catalogue data is public; every error is problem+json. */
export async function buildServer(catalogue: CatalogueService, opts: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: "info", redact: ["req.headers.authorization", "req.headers.cookie"] } : false,
    bodyLimit: 1024 * 1024,
    // query strings are parsed but validated by the routes' zod schemas, which name every bad parameter
    routerOptions: { ignoreTrailingSlash: true },
  });

  app.setErrorHandler((err: { statusCode?: number; message: string; validation?: unknown }, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) req.log.error({ err }, "interne fout");
    return sendProblems(
      reply,
      [
        status === 500
          ? { code: "internal", title: "Interne fout", detail: "er ging iets mis aan onze kant; probeer het later opnieuw" }
          : { code: status === 415 ? "unsupported" : "invalid-input", title: "Ongeldig verzoek", detail: err.message },
      ],
      req.url,
    );
  });
  app.setNotFoundHandler((req, reply) =>
    sendProblems(reply, [{ code: "not-found", title: "Niet gevonden", detail: `geen route ${req.method} ${req.url.split("?")[0]}` }], req.url),
  );

  await app.register(swagger, { mode: "static", specification: { document: openApiDocument() as never } });
  await app.register(swaggerUi, { routePrefix: "/api/v1/docs" });
  app.get("/api/v1/openapi.json", async () => openApiDocument());
  app.get("/health", async () => ({ status: "ok" }));
  await app.register(catalogueRoutes(catalogue), { prefix: "/api/v1" });
  app.get("/", async (_req, reply) =>
    reply
      .type("text/html; charset=utf-8")
      .send(
        `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Kader</title></head><body><main><h1>Kader</h1><p>Productenboeken als controleerbare data.</p><ul><li><a href="/api/v1/docs">API-documentatie</a></li><li><a href="/api/v1/productenboeken">Productenboeken (JSON)</a></li><li><a href="/api/v1/products">Producten (JSON)</a></li><li><a href="/api/v1/export?format=xlsx">Export (Excel)</a></li></ul></main></body></html>`,
      ),
  );
  return app;
}
