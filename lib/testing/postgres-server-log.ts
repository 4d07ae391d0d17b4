import "server-only";
import { readFile, stat } from "node:fs/promises";
import { Client } from "pg";

/**
 * Test-only: the log file of the real PostgreSQL server the tests use, read the way a log shipper
 * reads it. With logging_collector on, pg_current_logfile() names it; Debian's packaged cluster
 * logs stderr to /var/log/postgresql/postgresql-<major>-<cluster>.log instead. A file this process
 * cannot open is read through pg_read_file (superuser), so no server setting is changed.
 */
export async function locateServerLog(admin: Client): Promise<string> {
  const current = await admin.query<{ path: string | null; dir: string; data: string; major: string }>(
    "SELECT pg_current_logfile() AS path, current_setting('log_directory') AS dir, current_setting('data_directory') AS data, current_setting('server_version_num')::int / 10000 AS major",
  );
  const row = current.rows[0]!;
  if (row.path) return row.path.startsWith("/") ? row.path : `${row.data}/${row.path}`;
  const cluster = row.data.split("/").filter(Boolean).pop() ?? "main";
  return `/var/log/postgresql/postgresql-${row.major}-${cluster}.log`;
}

export async function logSize(admin: Client, path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    const result = await admin.query<{ size: string }>("SELECT (pg_stat_file($1)).size AS size", [path]);
    return Number(result.rows[0]!.size);
  }
}

export async function readLogFrom(admin: Client, path: string, offset: number): Promise<string> {
  try {
    return (await readFile(path)).subarray(offset).toString("utf8");
  } catch {
    const result = await admin.query<{ text: string }>("SELECT pg_read_file($1, $2, (pg_stat_file($1)).size - $2) AS text", [path, offset]);
    return result.rows[0]!.text;
  }
}

const LINE_START = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)? [A-Z]{2,5}) \[(\d+)\]/;

/**
 * Log events as a shipper with a multiline rule makes them: a line that does not start with the
 * prefix's timestamp (a statement's continuation, indented by a tab) joins the one before; the
 * event's time is the prefix's. Only the given backends' events are kept (the server is shared).
 */
export function shipLogEvents(text: string, pids: readonly number[]): { "@timestamp": string; message: string }[] {
  const events: { "@timestamp": string; message: string; pid: string }[] = [];
  for (const line of text.split("\n")) {
    const start = LINE_START.exec(line);
    if (start) events.push({ "@timestamp": new Date(start[1]!.replace(" ", "T").replace(/ UTC$/, "Z")).toISOString(), message: line, pid: start[2]! });
    else if (events.length > 0 && line !== "") events[events.length - 1]!.message += `\n${line}`;
  }
  const wanted = new Set(pids.map(String));
  return events.filter((event) => wanted.has(event.pid)).map(({ pid: _, ...event }) => event);
}
