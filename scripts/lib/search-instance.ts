import fs from "node:fs";
import path from "node:path";
import { searchDirs, type SearchEngineName, type SearchEngineSpec } from "./search-engines";

/** One named node: its own config, data, logs, temp dir and pid file under .data/search/<name>/. */
export interface InstancePaths {
  dir: string;
  config: string;
  data: string;
  logs: string;
  tmp: string;
  pidFile: string;
  metaFile: string;
  consoleLog: string;
}

export interface InstanceMeta {
  name: string;
  engine: SearchEngineName;
  version: string;
  port: number;
  url: string;
  username?: string;
  password?: string;
  home: string;
}

export function instancePaths(name: string): InstancePaths {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name)) throw new Error(`Invalid instance name "${name}" (letters, digits, . _ - only)`);
  const dir = path.join(searchDirs.instances, name);
  return {
    dir,
    config: path.join(dir, "config"),
    data: path.join(dir, "data"),
    logs: path.join(dir, "logs"),
    tmp: path.join(dir, "tmp"),
    pidFile: path.join(dir, "pid"),
    metaFile: path.join(dir, "instance.json"),
    consoleLog: path.join(dir, "logs", "console.log"),
  };
}

export function listInstanceNames(): string[] {
  if (!fs.existsSync(searchDirs.instances)) return [];
  return fs.readdirSync(searchDirs.instances).filter((n) => fs.existsSync(path.join(searchDirs.instances, n, "instance.json")));
}

export function readMeta(paths: InstancePaths): InstanceMeta | undefined {
  try {
    return JSON.parse(fs.readFileSync(paths.metaFile, "utf8")) as InstanceMeta;
  } catch {
    return undefined;
  }
}

export function readPid(paths: InstancePaths): number | undefined {
  try {
    const pid = Number(fs.readFileSync(paths.pidFile, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Alive and still the engine we started (guards against a recycled pid). */
export function isOurProcess(pid: number, paths: InstancePaths, home: string): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
    return cmdline.includes(paths.config) || cmdline.includes(home);
  } catch {
    return true; // no /proc: trust the pid file
  }
}

/**
 * Copies the distribution's config once (the engine keeps its keystore and users there), then
 * rewrites the node settings and points the JVM's relative log/dump paths into the instance.
 */
export function writeInstanceConfig(spec: SearchEngineSpec, home: string, paths: InstancePaths, name: string, port: number): void {
  for (const dir of [paths.dir, paths.data, paths.logs, paths.tmp]) fs.mkdirSync(dir, { recursive: true });
  if (!fs.existsSync(paths.config)) fs.cpSync(path.join(home, "config"), paths.config, { recursive: true });

  const settings: Record<string, string | number | boolean> = {
    "cluster.name": `triage-${name}`,
    "node.name": name,
    "discovery.type": "single-node",
    "network.host": "127.0.0.1",
    "http.port": port,
    // Offset transport port so two side-by-side nodes never fight over 9300.
    "transport.port": port + 100,
    "path.data": paths.data,
    "path.logs": paths.logs,
    "cluster.routing.allocation.disk.threshold_enabled": false,
    "action.destructive_requires_name": false,
  };
  if (spec.security) {
    // Basic auth over plain HTTP, so the adapters' credentials are really checked.
    Object.assign(settings, {
      "xpack.security.enabled": true,
      "xpack.security.http.ssl.enabled": false,
      "xpack.security.transport.ssl.enabled": false,
    });
  }
  const yml = Object.entries(settings).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  fs.writeFileSync(path.join(paths.config, spec.configFile), `# Written by scripts/search-node.ts for instance ${name}\n${yml.join("\n")}\n`);

  const jvmOptions = path.join(paths.config, "jvm.options");
  const rewritten = fs
    .readFileSync(path.join(home, "config", "jvm.options"), "utf8")
    .replace(/file=(logs\/)?gc\.log/g, `file=${paths.logs}/gc.log`)
    .replace(/-XX:ErrorFile=(logs\/)?hs_err/g, `-XX:ErrorFile=${paths.logs}/hs_err`)
    .replace(/-XX:HeapDumpPath=data\b/g, `-XX:HeapDumpPath=${paths.data}`);
  fs.writeFileSync(jvmOptions, rewritten);
}

export function tailFile(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return `(no log at ${file})`;
  }
}
