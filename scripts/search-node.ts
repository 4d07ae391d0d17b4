// npm run search:start / search:stop: a real local Elasticsearch or OpenSearch from the integ-test
// zip on Maven Central, run as an unprivileged user. Progress goes to stderr; the last stdout line
// is eval-able: LOGS_URL=... [LOGS_USERNAME=... LOGS_PASSWORD=...].
//   tsx scripts/search-node.ts start [--engine elasticsearch|opensearch] [--port N] [--name NAME]
//   tsx scripts/search-node.ts stop [--name NAME] | status
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { DEV_PASSWORD, DEV_USERNAME, engineHome, isSearchEngineName, SEARCH_ENGINES, type SearchEngineName } from "./lib/search-engines";
import { describeListener, isPortOpen, probeHealth, type Credentials } from "./lib/search-health";
import { ensureEngineInstalled, findJavaHome, seconds } from "./lib/search-install";
import { instancePaths, isOurProcess, listInstanceNames, readMeta, readPid, tailFile, writeInstanceConfig, type InstanceMeta, type InstancePaths } from "./lib/search-instance";
import { ensureElasticsearchUser } from "./lib/search-security";
import { chownRecursive, ensureRunAs, ensureWorldTraversable } from "./lib/search-user";

export interface StartSearchNodeOptions {
  engine?: SearchEngineName;
  port?: number;
  name?: string;
  timeoutMs?: number;
  log?: (line: string) => void;
}

export interface SearchNode {
  name: string;
  engine: SearchEngineName;
  version: string;
  url: string;
  username?: string;
  password?: string;
  pid: number;
  /** True when a healthy instance was already running and was reused. */
  reused: boolean;
}

const HEALTH_TIMEOUT_MS = 150_000;
const STOP_GRACE_MS = 30_000;
const defaultLog = (line: string) => console.error(`[search-node] ${line}`);

export function defaultEngine(): SearchEngineName {
  const fromEnv = process.env.SEARCH_ENGINE ?? "elasticsearch";
  if (!isSearchEngineName(fromEnv)) throw new Error(`SEARCH_ENGINE must be elasticsearch or opensearch, got "${fromEnv}"`);
  return fromEnv;
}

export async function startSearchNode(options: StartSearchNodeOptions = {}): Promise<SearchNode> {
  const log = options.log ?? defaultLog;
  const spec = SEARCH_ENGINES[options.engine ?? defaultEngine()];
  const port = options.port ?? 9200;
  const name = options.name ?? `${spec.name}-${port}`;
  const paths = instancePaths(name);
  const home = engineHome(spec);
  const url = `http://127.0.0.1:${port}`;
  const credentials: Credentials = spec.security ? { username: DEV_USERNAME, password: DEV_PASSWORD } : {};
  const node = (pid: number, reused: boolean): SearchNode => ({ name, engine: spec.name, version: spec.version, url, ...credentials, pid, reused });

  const runningPid = readPid(paths);
  const meta = readMeta(paths);
  if (runningPid && isOurProcess(runningPid, paths, meta?.home ?? home)) {
    if (meta && (meta.port !== port || meta.engine !== spec.name)) {
      throw new Error(`Instance "${name}" is already running as ${meta.engine} on port ${meta.port}; stop it first or choose another --name`);
    }
    const probe = await probeHealth(url, credentials);
    if (probe.ok) {
      log(`reuse: ${name} is already running and ${probe.status} at ${url} (pid ${runningPid})`);
      return node(runningPid, true);
    }
    log(`${name} is running (pid ${runningPid}) but not healthy yet (${probe.reason}); waiting`);
    await waitUntilHealthy(url, credentials, paths, Date.now(), options.timeoutMs ?? HEALTH_TIMEOUT_MS, () => false, log);
    return node(runningPid, true);
  }
  await assertPortsFree(port, url);

  const started = Date.now();
  const installedHome = ensureEngineInstalled(spec, log);
  const javaHome = findJavaHome();
  const runAs = ensureRunAs(log);
  writeInstanceConfig(spec, installedHome, paths, name, port);
  fs.writeFileSync(paths.consoleLog, "");
  chownRecursive(paths.dir, runAs.uid, runAs.gid);
  ensureWorldTraversable(installedHome, log);
  ensureWorldTraversable(paths.dir, log);

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/local/bin:/usr/bin:/bin",
    LANG: "C.UTF-8",
    HOME: paths.dir,
    [spec.javaHomeVar]: javaHome,
    [spec.pathConfVar]: paths.config,
    [spec.tmpDirVar]: paths.tmp,
    [spec.javaOptsVar]: "-Xms512m -Xmx512m",
  };
  if (spec.security) ensureElasticsearchUser(installedHome, paths, env, runAs, log);

  log(`starting: ${spec.label} ${spec.version} as ${name} on ${url} (java ${path.basename(javaHome)}, logs in ${path.relative(process.cwd(), paths.logs)})`);
  const out = fs.openSync(paths.consoleLog, "a");
  const [command, ...args] = [...runAs.prefix, path.join(installedHome, "bin", spec.bin)] as unknown as [string, ...string[]];
  // Own process group, detached from our stdio: the node outlives this script.
  const child = spawn(command, args, { cwd: paths.dir, env: env as NodeJS.ProcessEnv, detached: true, stdio: ["ignore", out, out] });
  fs.closeSync(out);
  const pid = child.pid;
  if (!pid) throw new Error(`Could not spawn ${command}`);
  let exitCode: number | null | undefined;
  child.once("exit", (code, signal) => (exitCode = code ?? (signal ? -1 : null)));
  child.unref();
  fs.writeFileSync(paths.pidFile, `${pid}\n`);
  const instance: InstanceMeta = { name, engine: spec.name, version: spec.version, port, url, ...credentials, home: installedHome };
  fs.writeFileSync(paths.metaFile, `${JSON.stringify(instance, null, 2)}\n`);

  const spawned = Date.now();
  try {
    await waitUntilHealthy(url, credentials, paths, spawned, options.timeoutMs ?? HEALTH_TIMEOUT_MS, () => exitCode !== undefined, log);
  } catch (error) {
    if (exitCode === undefined) await stopSearchNode(name, () => undefined);
    else fs.rmSync(paths.pidFile, { force: true });
    throw error;
  }
  log(`ready: ${spec.label} ${spec.version} healthy after ${seconds(spawned)} (total ${seconds(started)} including setup)`);
  return node(pid, false);
}

async function assertPortsFree(port: number, url: string): Promise<void> {
  if (await isPortOpen(port)) {
    const owner = listInstanceNames().find((other) => {
      const meta = readMeta(instancePaths(other));
      const pid = readPid(instancePaths(other));
      return meta?.port === port && pid !== undefined && isOurProcess(pid, instancePaths(other), meta.home);
    });
    throw new Error(
      owner
        ? `Port ${port} is used by our instance "${owner}"; pass --name ${owner} to reuse it or choose another --port`
        : `Something else already answers on port ${port} (${await describeListener(url)}); stop it or choose another --port`,
    );
  }
  if (await isPortOpen(port + 100)) throw new Error(`Transport port ${port + 100} (http port + 100) is already in use; choose another --port`);
}

async function waitUntilHealthy(
  url: string,
  credentials: Credentials,
  paths: InstancePaths,
  since: number,
  timeoutMs: number,
  exited: () => boolean,
  log: (line: string) => void,
): Promise<void> {
  let lastReport = 0;
  for (;;) {
    const probe = await probeHealth(url, credentials);
    if (probe.ok) return;
    const elapsed = Date.now() - since;
    const failure = exited()
      ? "the node exited during start-up"
      : probe.httpStatus === 401
        ? "the node refused the dev credentials (HTTP 401)"
        : elapsed > timeoutMs
          ? `not healthy after ${Math.round(elapsed / 1000)}s (last: ${probe.reason})`
          : undefined;
    if (failure) {
      throw new Error(`${url}: ${failure}. Last 40 lines of ${paths.consoleLog}:\n${tailFile(paths.consoleLog, 40)}`);
    }
    if (elapsed - lastReport >= 5_000) {
      log(`waiting: ${Math.round(elapsed / 1000)}s (${probe.reason})`);
      lastReport = elapsed;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** SIGTERM, wait for the whole process group, SIGKILL after 30 s. Null when it was not running. */
export async function stopSearchNode(name: string, log: (line: string) => void = defaultLog): Promise<SearchNode | null> {
  const paths = instancePaths(name);
  const meta = readMeta(paths);
  const pid = readPid(paths);
  if (!meta || !pid || !isOurProcess(pid, paths, meta.home)) {
    fs.rmSync(paths.pidFile, { force: true });
    log(`${name} is not running`);
    return null;
  }
  const started = Date.now();
  log(`stopping: ${name} (pid ${pid})`);
  signal(pid, "SIGTERM");
  while (groupAlive(pid) && Date.now() - started < STOP_GRACE_MS) await new Promise((resolve) => setTimeout(resolve, 250));
  if (groupAlive(pid)) {
    log(`stopping: still alive after ${STOP_GRACE_MS / 1000}s, sending SIGKILL`);
    signal(-pid, "SIGKILL");
  }
  fs.rmSync(paths.pidFile, { force: true });
  log(`stopped: ${name} in ${seconds(started)}`);
  const { username, password } = meta;
  return { name, engine: meta.engine, version: meta.version, url: meta.url, username, password, pid, reused: false };
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

export function formatEnvLine(node: Pick<SearchNode, "url" | "username" | "password">): string {
  return [`LOGS_URL=${node.url}`, ...(node.username ? [`LOGS_USERNAME=${node.username}`, `LOGS_PASSWORD=${node.password ?? ""}`] : [])].join(" ");
}

async function printStatus(): Promise<void> {
  const names = listInstanceNames();
  if (names.length === 0) console.log("no search instances under .data/search");
  for (const name of names) {
    const paths = instancePaths(name);
    const meta = readMeta(paths)!;
    const pid = readPid(paths);
    const running = pid !== undefined && isOurProcess(pid, paths, meta.home);
    const health = running ? await probeHealth(meta.url, meta) : undefined;
    const state = !running ? "stopped" : health?.ok ? health.status : `starting (${health?.reason})`;
    console.log(`${name}\t${meta.engine} ${meta.version}\t${meta.url}\t${running ? `pid ${pid}` : "-"}\t${state}`);
  }
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { engine: { type: "string" }, port: { type: "string" }, name: { type: "string" } },
  });
  const command = positionals[0] ?? "start";
  if (values.engine !== undefined && !isSearchEngineName(values.engine)) throw new Error(`--engine must be elasticsearch or opensearch, got "${values.engine}"`);
  const engine = (values.engine as SearchEngineName | undefined) ?? defaultEngine();
  const port = values.port === undefined ? 9200 : Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65_435) throw new Error(`--port must be an integer port, got "${values.port}"`);
  const name = values.name ?? `${engine}-${port}`;

  if (command === "start") {
    const node = await startSearchNode({ engine, port, name });
    console.log(formatEnvLine(node));
    return 0;
  }
  if (command === "stop") {
    await stopSearchNode(name);
    return 0;
  }
  if (command === "status") {
    await printStatus();
    return 0;
  }
  console.error(`Unknown command "${command}". Usage: search-node.ts start|stop|status [--engine elasticsearch|opensearch] [--port N] [--name NAME]`);
  return 2;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`[search-node] error: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
