import { existsSync } from "node:fs";
import { join } from "node:path";
import compress from "@fastify/compress";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import type { AccessGate } from "../app/access.ts";
import type { AuthService } from "../app/auth.ts";
import type { CareService } from "../app/care.ts";
import type { MessageService } from "../app/messages/index.ts";
import type { ConversionService } from "../app/conversion.ts";
import type { CatalogueService } from "../app/catalogue.ts";
import type { ComplianceService } from "../app/compliance.ts";
import type { QualityService } from "../app/quality.ts";
import type { TariffService } from "../app/tariffs.ts";
import type { AccessLogRepository } from "../app/ports.ts";
import { installDutchZodMessages } from "../domain/shared/zod-dutch.ts";
import { authPlugin } from "./auth.ts";
import { openApiDocument } from "./openapi.ts";
import { type ErrorLog, frameworkProblem, maskDigits, pathOf, sendInternalError, sendProblems, stderrLog } from "./problem.ts";
import { BodyProblem, bodyCharacterProblems, parameterCharacterProblems, parseJsonBody } from "./request.ts";
import { authRoutes } from "./routes/auth.ts";
import { careRoutes } from "./routes/care.ts";
import { messageRoutes } from "./routes/messages.ts";
import { conversionRoutes } from "./routes/conversion.ts";
import { catalogueRoutes } from "./routes/catalogue.ts";
import { complianceRoutes } from "./routes/compliance.ts";
import { qualityRoutes } from "./routes/quality.ts";
import { tariffRoutes } from "./routes/tariffs.ts";

declare module "fastify" {
  interface FastifyInstance {
    /** the API routes registered (method and pattern), in order */
    apiRoutes: readonly { method: string; url: string }[];
  }
}

export interface ServerOptions {
  /** request logging (KADER_LOG=1): one JSON line per request with method, route pattern, status and time — never the URL */
  logger?: boolean;
  /** where request log lines go (default stdout) */
  requestLog?: (line: string) => void;
  /** where the line of an internal error (500) goes, always, logger or not (default stderr) */
  errorLog?: ErrorLog;
  /** the built web application (dist/web); served at / with a fallback to index.html for its routes */
  webRoot?: string | undefined;
}

export interface ServerDeps {
  catalogue: CatalogueService;
  auth: AuthService;
  gate: AccessGate;
  accessLog: AccessLogRepository;
  compliance: ComplianceService;
  tariffs: TariffService;
  /** quality frameworks, programmes of requirements, self-assessments (optional for callers that build their own deps) */
  quality?: QualityService;
  /** the care chain (optional for callers that build their own deps) */
  care?: CareService;
  /** iWmo/iJw message processing (optional for callers that build their own deps) */
  messages?: MessageService;
  /** conversion of running toewijzingen (optional); its plans are read from conversionPlanDir */
  conversion?: ConversionService;
  conversionPlanDir?: string;
}

/** The HTTP API under /api/v1 and the web application. Catalogue data is public; every error is problem+json. */
export async function buildServer(deps: ServerDeps, opts: ServerOptions = {}): Promise<FastifyInstance> {
  installDutchZodMessages();
  const errorLog = opts.errorLog ?? stderrLog;
  const app = Fastify({
    // Fastify's own logger is off: it would log raw URLs (query strings with search terms) and whole error objects
    // (SQL parameters). Requests are logged below, internal errors always (sendInternalError), both redacted.
    logger: false,
    bodyLimit: 1024 * 1024,
    // query strings are parsed but validated by the routes' zod schemas, which name every bad parameter
    routerOptions: { ignoreTrailingSlash: true },
    // a URL Fastify cannot decode is answered in Dutch, without echoing it
    frameworkErrors: (err, _req, reply) =>
      sendProblems(reply, [
        frameworkProblem(err as { code?: string; statusCode?: number }) ?? {
          code: "invalid-input",
          title: "Ongeldig verzoek",
          detail: "het verzoek kon niet worden gelezen",
        },
      ]),
  });

  if (opts.logger) {
    const write = opts.requestLog ?? ((line: string) => process.stdout.write(`${line}\n`));
    app.addHook("onResponse", async (req, reply) => {
      write(
        JSON.stringify({
          level: "info",
          time: new Date().toISOString(),
          method: req.method,
          route: req.routeOptions.url ?? null,
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime * 10) / 10,
        }),
      );
    });
  }

  // JSON bodies: a syntax error says where (line, column, position), in Dutch; prototype-poisoning keys are refused
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_req, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (e) {
      done(e as Error, undefined);
    }
  });

  // text at the boundary: NUL and other control characters in path parameters, query strings and JSON (keys and
  // values at any depth) are refused with a 400 naming the field, before any route or database sees them
  app.addHook("preValidation", async (req, reply) => {
    const body = req.body;
    const problems = [
      ...parameterCharacterProblems(req.params, "padparameter"),
      ...parameterCharacterProblems(req.query, "parameter"),
      ...(body !== undefined && body !== null && !Buffer.isBuffer(body) && (typeof body === "object" || typeof body === "string")
        ? bodyCharacterProblems(body)
        : []),
    ];
    if (problems.length) return sendProblems(reply, problems, req.url);
  });

  app.setErrorHandler((err: { statusCode?: number; code?: string; message: string }, req, reply) => {
    if (err instanceof BodyProblem) return sendProblems(reply, err.problems, req.url);
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    const problem = status === 500 ? null : frameworkProblem(err, req);
    if (!problem) return sendInternalError(req, reply, err, errorLog);
    return sendProblems(reply, [problem], req.url);
  });
  const web = opts.webRoot && existsSync(join(opts.webRoot, "index.html")) ? opts.webRoot : null;
  app.setNotFoundHandler((req, reply) => {
    // the web application's own routes (/producten/…) get its index.html, never cached so a new build is picked up;
    // the API and missing files (/assets/…, a static file extension) answer problem+json; product ids contain dots
    const path = pathOf(req.url);
    if (
      web &&
      req.method === "GET" &&
      !path.startsWith("/api/") &&
      !path.startsWith("/assets/") &&
      !/\.(js|mjs|css|map|png|jpe?g|gif|svg|ico|webp|woff2?|ttf|txt|json|xml|webmanifest)$/i.test(path)
    )
      return reply.header("cache-control", "no-cache").type("text/html; charset=utf-8").sendFile("index.html", { cacheControl: false });
    const shown = maskDigits(path.length > 60 ? `${path.slice(0, 59)}…` : path);
    return sendProblems(reply, [{ code: "not-found", title: "Niet gevonden", detail: `geen route ${req.method} ${shown}` }], maskDigits(path));
  });

  // every route the API registers, so a test can hold it against the contract (test/contract.int.test.ts)
  const registered: { method: string; url: string }[] = [];
  app.decorate("apiRoutes", registered);
  app.addHook("onRoute", (r) => {
    if (!r.url.startsWith("/api/v1/")) return;
    for (const method of [r.method].flat()) if (method !== "HEAD") registered.push({ method, url: r.url });
  });

  // gzip/brotli for clients that ask for it (browsers); small answers stay uncompressed
  await app.register(compress, { threshold: 1024 });
  await app.register(swagger, { mode: "static", specification: { document: openApiDocument() as never } });
  await app.register(swaggerUi, { routePrefix: "/api/v1/docs" });
  app.get("/api/v1/openapi.json", async () => openApiDocument());
  app.get("/health", async () => ({ status: "ok" }));
  await app.register(authPlugin, { auth: deps.auth, gate: deps.gate });
  await app.register(catalogueRoutes(deps.catalogue), { prefix: "/api/v1" });
  await app.register(authRoutes(deps.auth, deps.gate, deps.accessLog), { prefix: "/api/v1" });
  await app.register(complianceRoutes(deps.compliance), { prefix: "/api/v1" });
  await app.register(tariffRoutes(deps.tariffs), { prefix: "/api/v1" });
  if (deps.quality) await app.register(qualityRoutes(deps.quality), { prefix: "/api/v1" });
  if (deps.care) await app.register(careRoutes(deps.care), { prefix: "/api/v1" });
  if (deps.messages) await app.register(messageRoutes(deps.messages), { prefix: "/api/v1" });
  if (deps.conversion && deps.conversionPlanDir) await app.register(conversionRoutes(deps.conversion, deps.conversionPlanDir), { prefix: "/api/v1" });
  if (web) {
    // hashed assets never change: cache them for a year; index.html is revalidated on every visit
    await app.register(fastifyStatic, {
      root: web,
      wildcard: false,
      index: ["index.html"],
      cacheControl: false,
      setHeaders: (res, file) => res.setHeader("cache-control", /[\\/]assets[\\/]/.test(file) ? "public, max-age=31536000, immutable" : "no-cache"),
    });
    return app;
  }
  app.get("/", async (_req, reply) =>
    reply
      .type("text/html; charset=utf-8")
      .send(
        `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Kader</title></head><body><main><h1>Kader</h1><p>Productenboeken als controleerbare data.</p><ul><li><a href="/api/v1/docs">API-documentatie</a></li><li><a href="/api/v1/productenboeken">Productenboeken (JSON)</a></li><li><a href="/api/v1/products">Producten (JSON)</a></li><li><a href="/api/v1/export?format=xlsx">Export (Excel)</a></li></ul></main></body></html>`,
      ),
  );
  return app;
}
