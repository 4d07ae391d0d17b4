import { ecsFormat } from "@elastic/ecs-pino-format";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Writable } from "node:stream";
import pino, { type Logger } from "pino";
import pinoHttp from "pino-http";
import { completionLevel, requestIdOf, type LoggerKit, type ServiceLogger } from "./logger-kit";

/**
 * pino-http as its README sets it up: the request id from the caller's X-Request-ID (what
 * correlates two services), 5xx and errors logged at error level, 4xx at warn.
 */
function httpService(logger: Logger): ServiceLogger {
  const middleware = pinoHttp({
    logger,
    genReqId: (req) => requestIdOf(req),
    customLogLevel: (_req, res, error) => (error ? "error" : completionLevel(res.statusCode)),
  });
  return {
    forRequest(req: IncomingMessage, res: ServerResponse) {
      middleware(req, res);
      return { error: (error, message) => req.log.error({ err: error }, message) };
    },
    info: (message) => logger.info(message),
    fatal: (message) => logger.fatal(message),
    // pino writes synchronously to a plain stream: every line is there already.
    close: async () => {},
  };
}

/** pino's default output: numeric levels, `time` in epoch milliseconds, `msg`, the service as `name`. */
export const pinoHttpKit: LoggerKit = {
  name: "pino + pino-http",
  create: (service: string, stream: Writable) => httpService(pino({ name: service }, stream)),
};

/** pino with @elastic/ecs-pino-format: ECS names, partly as flat dotted keys ("service.name", "log.level"). */
export const ecsPinoKit: LoggerKit = {
  name: "pino + @elastic/ecs-pino-format",
  create: (service: string, stream: Writable) => httpService(pino(ecsFormat({ serviceName: service, convertReqRes: true, apmIntegration: false }), stream)),
};
