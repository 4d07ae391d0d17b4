import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { SERVICE_USER } from "./search-engines";

type Log = (line: string) => void;

export interface RunAs {
  uid: number;
  gid: number;
  /** Command prefix that drops privileges; empty when we are not root. */
  prefix: string[];
}

/**
 * Both engines refuse to run as root. As root we create a system account and drop to it with
 * setpriv, which execs in place (runuser forks a watcher that SIGKILLs the engine 2 s after SIGTERM).
 */
export function ensureRunAs(log: Log): RunAs {
  const uid = process.getuid?.() ?? 0;
  if (uid !== 0) return { uid, gid: process.getgid?.() ?? 0, prefix: [] };

  if (!userExists(SERVICE_USER)) {
    log(`user: creating system user ${SERVICE_USER}`);
    try {
      execFileSync("useradd", ["--system", "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", "--user-group", SERVICE_USER], {
        stdio: ["ignore", "ignore", "pipe"],
      });
    } catch (error) {
      // A concurrent start may have created it first.
      if (!userExists(SERVICE_USER)) throw error;
    }
  }
  const serviceUid = Number(execFileSync("id", ["-u", SERVICE_USER], { encoding: "utf8" }).trim());
  const serviceGid = Number(execFileSync("id", ["-g", SERVICE_USER], { encoding: "utf8" }).trim());
  return {
    uid: serviceUid,
    gid: serviceGid,
    prefix: ["setpriv", `--reuid=${serviceUid}`, `--regid=${serviceGid}`, "--clear-groups", "--"],
  };
}

function userExists(name: string): boolean {
  try {
    execFileSync("id", ["-u", name], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/**
 * The service user must traverse and read every directory above the engine; without it the
 * launcher dies with "Could not find or load main class ...JavaVersionChecker".
 */
export function ensureWorldTraversable(dir: string, log: Log): void {
  let current = path.resolve(dir);
  for (;;) {
    const mode = fs.statSync(current).mode & 0o777;
    if ((mode & 0o005) !== 0o005) {
      log(`permissions: chmod o+rx ${current}`);
      fs.chmodSync(current, mode | 0o005);
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

/** chown -R, for instance directories the engine writes to. */
export function chownRecursive(dir: string, uid: number, gid: number): void {
  fs.chownSync(dir, uid, gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) chownRecursive(full, uid, gid);
    else fs.lchownSync(full, uid, gid);
  }
}
