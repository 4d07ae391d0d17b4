import { once } from "node:events";
import type { Writable } from "node:stream";
import winston from "winston";
import { requestIdOf, type LoggerKit } from "./logger-kit";

const SYSLOG_LEVEL = { error: "error", warn: "warning", info: "info" } as const;

/**
 * winston with its JSON format and timestamp, the service in defaultMeta (as in winston's README),
 * errors() for stacks, and syslog's level names, so "warning" and "crit" are in the output.
 */
export const winstonKit: LoggerKit = {
  name: "winston",
  create(service: string, stream: Writable) {
    const logger = winston.createLogger({
      levels: winston.config.syslog.levels,
      level: "debug",
      defaultMeta: { service },
      format: winston.format.combine(winston.format.errors({ stack: true }), winston.format.timestamp(), winston.format.json()),
      transports: [new winston.transports.Stream({ stream })],
    });
    return {
      forRequest(req, res) {
        const log = logger.child({ request_id: requestIdOf(req) });
        const started = Date.now();
        res.on("finish", () => {
          const level = res.statusCode >= 500 ? SYSLOG_LEVEL.error : res.statusCode >= 400 ? SYSLOG_LEVEL.warn : SYSLOG_LEVEL.info;
          log.log(level, `${req.method} ${req.url} ${res.statusCode}`, { method: req.method, path: req.url, status: res.statusCode, duration_ms: Date.now() - started });
        });
        return { error: (error, message) => log.error(message, error) };
      },
      info: (message) => logger.info(message),
      fatal: (message) => logger.crit(message),
      close: async () => {
        const finished = once(logger, "finish");
        logger.end();
        await finished;
      },
    };
  },
};
