#!/usr/bin/env node
// `npx kader` from a clone: runs the CLI's TypeScript through tsx, so no build step is needed.
import { register } from "tsx/esm/api";

register();
await import(new URL("../src/cli/main.ts", import.meta.url).href);
