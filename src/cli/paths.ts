import { resolve } from "node:path";

/** The shipped catalogue: catalog/ at the repository root (also when running the built dist/src/cli). */
export const DEFAULT_CATALOG = resolve(new URL(".", import.meta.url).pathname, "../../catalog").replace(/\/dist\/catalog$/, "/catalog");

/** The built web application: dist/web next to dist/src. */
export const DEFAULT_WEB_ROOT = resolve(DEFAULT_CATALOG, "../dist/web");
