// Generates the Prisma client offline. Prisma's CLI insists on having its native schema
// engine on disk before any command, and that binary is downloaded from a host this
// machine cannot reach. Generation itself never runs it (it uses the bundled WebAssembly),
// so we point the CLI at a stand-in that explains itself if anything does call it.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = path.join(root, "scripts/no-schema-engine.sh");
const result = spawnSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), "generate"], { cwd: root, env, stdio: "inherit" });
process.exit(result.status ?? 1);
