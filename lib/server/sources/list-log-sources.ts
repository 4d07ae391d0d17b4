import "server-only";
import type { LogSource, LogSourcesResponse } from "@/lib/schemas/log-source";
import { getDb } from "../db";
import { isDatabaseConnectionError } from "../errors";
import { defaultLogSource, toLogSource } from "./source-rows";

/** Every saved source, enabled or not, in the order they were added; the LOGS_INDEX default while none is saved. */
export async function listLogSources(): Promise<LogSourcesResponse> {
  const rows = await getDb().logSource.findMany({ orderBy: [{ createdAt: "asc" }, { name: "asc" }] });
  if (rows.length === 0) return { sources: [defaultLogSource()], usingDefault: true, notices: [] };
  const sources = rows.map(toLogSource).filter((source): source is LogSource => source !== null);
  const broken = rows.length - sources.length;
  return { sources, usingDefault: false, notices: broken > 0 ? [`${broken} saved source(s) no longer parse and are left out; re-save them.`] : [] };
}

export interface ReadableSources {
  /** Enabled sources; views read these. */
  sources: LogSource[];
  notices: string[];
}

/**
 * The sources views read. With Postgres down the LOGS_INDEX default is read and the view says
 * so, because an on-call engineer still needs the logs.
 */
export async function listReadableSources(): Promise<ReadableSources> {
  try {
    const { sources, notices } = await listLogSources();
    const enabled = sources.filter((source) => source.enabled);
    if (enabled.length === 0) return { sources: [], notices: [...notices, "Every log source is disabled: enable one in Settings to see logs."] };
    return { sources: enabled, notices };
  } catch (error) {
    if (!isDatabaseConnectionError(error)) throw error;
    return { sources: [defaultLogSource()], notices: ["Postgres is unreachable: showing logs with the default index pattern and field mapping."] };
  }
}
