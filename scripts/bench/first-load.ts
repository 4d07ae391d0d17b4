// First-load JavaScript per page route, from a production build's manifests: the scripts a browser
// must fetch before the page can run (the root main files plus every chunk of the route's layouts
// and page), gzipped the way a server would send them. Turbopack's build no longer prints this.
import fs from "node:fs/promises";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";

/** The bound issue 15 set: every page at most this many gzipped bytes before it runs. */
export const FIRST_LOAD_BUDGET_BYTES = 250 * 1024;

export interface RouteScripts {
  route: string;
  files: string[];
}

export interface RouteFirstLoad {
  route: string;
  scripts: number;
  gzipBytes: number;
  overBudget: boolean;
}

/** "/(dashboard)/logs/page" -> "/logs"; route groups are not part of the URL. */
export function routeOfEntry(entry: string): string {
  const segments = entry.replace(/\/page$/, "").split("/").filter((segment) => segment && !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}

/** The first load of each route: its files (deduplicated, with the root main files) summed by size. */
export function summarizeFirstLoad(routes: RouteScripts[], rootFiles: string[], gzipBytesOf: (file: string) => number): RouteFirstLoad[] {
  return routes
    .map(({ route, files }) => {
      const unique = [...new Set([...rootFiles, ...files])];
      const gzipBytes = unique.reduce((sum, file) => sum + gzipBytesOf(file), 0);
      return { route, scripts: unique.length, gzipBytes, overBudget: gzipBytes > FIRST_LOAD_BUDGET_BYTES };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}

async function findPageManifests(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name === "page_client-reference-manifest.js").map((entry) => path.join(entry.parentPath, entry.name));
}

type RscManifest = Record<string, { entryJSFiles?: Record<string, string[]> }>;

/** Every page route of the build in `nextDir` (".next") with the scripts of its first load. */
export async function readBuildRoutes(nextDir: string): Promise<{ routes: RouteScripts[]; rootFiles: string[] }> {
  const build = JSON.parse(await fs.readFile(path.join(nextDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const routes: RouteScripts[] = [];
  for (const file of await findPageManifests(path.join(nextDir, "server", "app"))) {
    // The manifest is a script that assigns to globalThis.__RSC_MANIFEST; run it in a bare context.
    const sandbox = { globalThis: {} as { __RSC_MANIFEST?: RscManifest } };
    vm.runInNewContext(await fs.readFile(file, "utf8"), sandbox);
    for (const [entry, manifest] of Object.entries(sandbox.globalThis.__RSC_MANIFEST ?? {})) {
      if (entry.startsWith("/_")) continue; // _not-found, _global-error: Next's own
      routes.push({ route: routeOfEntry(entry), files: Object.values(manifest.entryJSFiles ?? {}).flat() });
    }
  }
  return { routes, rootFiles: build.rootMainFiles };
}

export async function measureFirstLoad(nextDir = path.resolve(".next")): Promise<RouteFirstLoad[]> {
  const { routes, rootFiles } = await readBuildRoutes(nextDir);
  if (!routes.length) throw new Error(`no page routes in ${nextDir}: run \`npm run build\` first`);
  const sizes = new Map<string, number>();
  for (const file of new Set([...rootFiles, ...routes.flatMap((route) => route.files)])) {
    sizes.set(file, gzipSync(await fs.readFile(path.join(nextDir, file)), { level: 9 }).length);
  }
  return summarizeFirstLoad(routes, rootFiles, (file) => sizes.get(file) ?? 0);
}

// Names that only server or test code carries: finding one in a browser chunk means an import leaked.
const SERVER_ONLY_MARKERS = ["PrismaClient", "@elastic/elasticsearch", "@opensearch-project/opensearch", "@node-rs/argon2", "vitest", "lib/testing/"];

/** The server-only or test markers found in the build's browser chunks, with the chunk that holds each. */
export async function findServerCodeInClientChunks(nextDir = path.resolve(".next")): Promise<string[]> {
  const dir = path.join(nextDir, "static", "chunks");
  const found: string[] = [];
  for (const name of await fs.readdir(dir)) {
    if (!name.endsWith(".js")) continue;
    const text = await fs.readFile(path.join(dir, name), "utf8");
    for (const marker of SERVER_ONLY_MARKERS) if (text.includes(marker)) found.push(`${marker} in static/chunks/${name}`);
  }
  return found;
}

export function formatFirstLoadTable(rows: RouteFirstLoad[]): string {
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  const header = ["route", "scripts", "first-load JS (KB gzip)", "budget"];
  const body = rows.map((row) => [row.route, String(row.scripts), kb(row.gzipBytes), row.overBudget ? `OVER ${kb(FIRST_LOAD_BUDGET_BYTES)}` : "ok"]);
  const widths = header.map((cell, i) => Math.max(cell.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  return [line(header), widths.map((width) => "-".repeat(width)).join("  "), ...body.map(line)].join("\n");
}
