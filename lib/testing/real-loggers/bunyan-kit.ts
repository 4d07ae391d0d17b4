import bunyan from "bunyan";
import type { Writable } from "node:stream";
import { completionLevel, requestIdOf, type LoggerKit } from "./logger-kit";

/**
 * bunyan as its README sets up a server: a child logger per request carrying `req_id`, the
 * standard req/res/err serializers, numeric levels and ISO `time`.
 */
export const bunyanKit: LoggerKit = {
  name: "bunyan",
  create(service: string, stream: Writable) {
    const base = bunyan.createLogger({ name: service, streams: [{ level: "trace", stream }], serializers: bunyan.stdSerializers });
    return {
      forRequest(req, res) {
        const log = base.child({ req_id: requestIdOf(req) });
        res.on("finish", () => log[completionLevel(res.statusCode)]({ req, res }, `${req.method} ${req.url} ${res.statusCode}`));
        return { error: (error, message) => log.error({ err: error }, message) };
      },
      info: (message) => base.info(message),
      fatal: (message) => base.fatal(message),
      // bunyan writes each record to the stream as it is logged.
      close: async () => {},
    };
  },
};
