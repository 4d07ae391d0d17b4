import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { engineHome, searchDirs, type SearchEngineSpec } from "./search-engines";

type Log = (line: string) => void;

/** Downloads (through Maven's cache) and unpacks the engine once; later calls reuse the unpacked copy. */
export function ensureEngineInstalled(spec: SearchEngineSpec, log: Log): string {
  const home = engineHome(spec);
  if (fs.existsSync(path.join(home, "bin", spec.bin))) return home;

  fs.mkdirSync(searchDirs.downloads, { recursive: true });
  fs.mkdirSync(searchDirs.engines, { recursive: true });
  const zip = path.join(searchDirs.downloads, `${spec.name}-${spec.version}.zip`);
  if (!fs.existsSync(zip)) {
    log(`download: ${spec.artifact} (Maven, cached in ~/.m2 after the first time)`);
    const started = Date.now();
    execFileSync("mvn", ["-q", "-B", "-Dstyle.color=never", "dependency:copy", `-Dartifact=${spec.artifact}`, `-DoutputDirectory=${searchDirs.downloads}`], {
      // Maven's chatter goes to stderr: stdout carries only the eval-able LOGS_URL line.
      stdio: ["ignore", 2, 2],
    });
    log(`download: done in ${seconds(started)}`);
  }

  log(`unpack: ${path.basename(zip)} -> ${path.relative(searchDirs.repoRoot, home)}`);
  const started = Date.now();
  // Unpack beside the target and rename, so a half-unpacked engine is never mistaken for a complete one.
  const staging = fs.mkdtempSync(path.join(searchDirs.engines, `.unpack-${spec.name}-`));
  try {
    execFileSync("unzip", ["-q", zip, "-d", staging], { stdio: ["ignore", 2, 2] });
    const [top] = fs.readdirSync(staging);
    if (!top) throw new Error(`${zip} is empty`);
    try {
      fs.renameSync(path.join(staging, top), home);
    } catch (error) {
      // Another start unpacked the same engine concurrently: keep theirs.
      if (!fs.existsSync(path.join(home, "bin", spec.bin))) throw error;
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  fs.rmSync(zip, { force: true });
  log(`unpack: done in ${seconds(started)}`);
  return home;
}

/** Finds a Temurin JDK 21+ under /usr/lib/jvm (or SEARCH_JAVA_HOME), newest first. */
export function findJavaHome(): string {
  const override = process.env.SEARCH_JAVA_HOME;
  if (override) return override;
  const root = "/usr/lib/jvm";
  const candidates = (fs.existsSync(root) ? fs.readdirSync(root) : [])
    .filter((entry) => entry.startsWith("temurin-"))
    .map((entry) => path.join(root, entry))
    .map((home) => ({ home, major: javaMajorVersion(home) }))
    .filter((c) => c.major >= 21 && fs.existsSync(path.join(c.home, "bin", "java")))
    .sort((a, b) => b.major - a.major);
  const best = candidates[0];
  if (!best) throw new Error("No Temurin JDK 21+ found under /usr/lib/jvm (set SEARCH_JAVA_HOME to a JDK 21+)");
  return best.home;
}

function javaMajorVersion(home: string): number {
  try {
    const release = fs.readFileSync(path.join(home, "release"), "utf8");
    const match = /^JAVA_VERSION="(\d+)/m.exec(release);
    return match ? Number(match[1]) : 0;
  } catch {
    const match = /temurin-(\d+)/.exec(home);
    return match ? Number(match[1]) : 0;
  }
}

export function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)}s`;
}
