import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { DEV_PASSWORD, DEV_USERNAME } from "./search-engines";
import type { InstancePaths } from "./search-instance";
import type { RunAs } from "./search-user";

/**
 * Adds the dev superuser to the instance's file realm with the distribution's own tool, run as the
 * service user so the files it writes stay readable by the node.
 */
export function ensureElasticsearchUser(home: string, paths: InstancePaths, env: Record<string, string>, runAs: RunAs, log: (line: string) => void): void {
  const usersFile = path.join(paths.config, "users");
  const existing = fs.existsSync(usersFile) ? fs.readFileSync(usersFile, "utf8") : "";
  if (existing.split("\n").some((line) => line.startsWith(`${DEV_USERNAME}:`))) return;
  log(`security: adding file-realm user ${DEV_USERNAME} (superuser)`);
  const command = [...runAs.prefix, path.join(home, "bin", "elasticsearch-users"), "useradd", DEV_USERNAME, "-p", DEV_PASSWORD, "-r", "superuser"];
  const [file, ...args] = command as unknown as [string, ...string[]];
  execFileSync(file, args, { env: env as NodeJS.ProcessEnv, cwd: paths.dir, stdio: ["ignore", "pipe", "pipe"] });
}
