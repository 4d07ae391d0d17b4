import { parseArgs } from "node:util";
import { isSearchEngineName, type SearchEngineName } from "../lib/search-engines";

export interface BenchArgs {
  lines: number;
  engines: SearchEngineName[];
  /** False when --engine was left at its default: with LOGS_URL, whichever engine answers is measured. */
  engineGiven: boolean;
  iterations: number;
  warmup: number;
  /** Use the existing index as it is, however old. */
  reuse: boolean;
  /** Which parts run: the engine views, the build's first-load JavaScript, or both (default). */
  only: BenchPart | null;
  /** Only the views whose name contains one of these (comma-separated), e.g. "overview,slow". */
  views: string[];
}

export const BENCH_PARTS = ["views", "first-load"] as const;
export type BenchPart = (typeof BENCH_PARTS)[number];

export const USAGE = "npm run bench -- [--lines 1000000] [--engine elasticsearch|opensearch|both] [--iterations 30] [--warmup 3] [--reuse] [--only views|first-load] [--views overview,slow]";

export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      lines: { type: "string", default: "1000000" },
      engine: { type: "string" },
      iterations: { type: "string", default: "30" },
      warmup: { type: "string", default: "3" },
      reuse: { type: "boolean", default: false },
      only: { type: "string" },
      views: { type: "string", default: "" },
    },
  });
  const engine = values.engine ?? "elasticsearch";
  if (engine !== "both" && !isSearchEngineName(engine)) throw new Error(`--engine must be elasticsearch, opensearch or both, got "${engine}"`);
  const only = values.only ?? null;
  if (only !== null && !(BENCH_PARTS as readonly string[]).includes(only)) throw new Error(`--only must be ${BENCH_PARTS.join(" or ")}, got "${only}"`);
  return {
    only: only as BenchPart | null,
    views: values.views.split(",").map((part) => part.trim()).filter(Boolean),
    lines: positiveInteger("--lines", values.lines),
    engines: engine === "both" ? ["elasticsearch", "opensearch"] : [engine],
    engineGiven: values.engine !== undefined,
    iterations: positiveInteger("--iterations", values.iterations),
    warmup: positiveInteger("--warmup", values.warmup, 0),
    reuse: values.reuse,
  };
}

/** Accepts 1_000_000 and 1,000,000 as well as 1000000. */
function positiveInteger(flag: string, text: string, min = 1): number {
  const value = Number(text.replace(/[_,]/g, ""));
  if (!Number.isInteger(value) || value < min) throw new Error(`${flag} must be an integer of at least ${min}, got "${text}"`);
  return value;
}
