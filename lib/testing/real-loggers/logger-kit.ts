import type { IncomingMessage, ServerResponse } from "node:http";
import type { Writable } from "node:stream";

/** What a service's handler logs through, whichever library is behind it. */
export interface RequestLogger {
  error(error: Error, message: string): void;
}

export interface ServiceLogger {
  /** Called first thing for every request; the kit logs the completion line when the response finishes. */
  forRequest(req: IncomingMessage, res: ServerResponse): RequestLogger;
  info(message: string): void;
  /** A fatal line as the library writes one (winston's syslog levels call it crit). */
  fatal(message: string): void;
  /** Resolves once every line is written to the stream. */
  close(): Promise<void>;
}

/** One logging library, set up the way its documentation shows for an HTTP service. */
export interface LoggerKit {
  name: string;
  create(service: string, stream: Writable): ServiceLogger;
}

/** The id a request carries from the caller, as every kit reads it for its correlation field. */
export function requestIdOf(req: IncomingMessage): string {
  const header = req.headers["x-request-id"];
  return (Array.isArray(header) ? header[0] : header) ?? "none";
}

/** The levels the kits log completions at, as in pino-http's documented customLogLevel. */
export function completionLevel(status: number): "error" | "warn" | "info" {
  return status >= 500 ? "error" : status >= 400 ? "warn" : "info";
}
