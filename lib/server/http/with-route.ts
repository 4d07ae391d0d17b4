import "server-only";
import { NextResponse } from "next/server";
import { acceptOrCreateRequestId, REQUEST_ID_HEADER } from "@/lib/request-id";
import { toErrorResponse } from "../errors";
import { logger } from "../logger";

export interface RouteContext<P> {
  request: Request;
  url: URL;
  requestId: string;
  params: P;
  /** Aborts when the browser goes away, so engine calls are cancelled with it. */
  signal: AbortSignal;
}

type Handler<P> = (context: RouteContext<P>) => Promise<unknown>;

/**
 * Every API route goes through here once: request id, JSON logging with status and
 * duration, and conversion of anything thrown into the one error envelope.
 */
export function withRoute<P = Record<string, never>>(handler: Handler<P>) {
  return async (request: Request, segment: { params: Promise<P> }): Promise<Response> => {
    const started = performance.now();
    const requestId = acceptOrCreateRequestId(request.headers.get(REQUEST_ID_HEADER));
    const url = new URL(request.url);
    let response: Response;
    try {
      const result = await handler({ request, url, requestId, params: await segment.params, signal: request.signal });
      response = result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      const { status, body } = toErrorResponse(error, requestId);
      if (status >= 500) logger.error({ err: error, http: { request: { id: requestId } } }, "request failed");
      response = NextResponse.json(body, { status });
    }
    response.headers.set(REQUEST_ID_HEADER, requestId);
    logger.info(
      {
        http: { request: { id: requestId, method: request.method }, response: { status_code: response.status } },
        url: { path: url.pathname },
        event: { duration: Math.round((performance.now() - started) * 1e6) },
      },
      `${request.method} ${url.pathname} ${response.status}`,
    );
    return response;
  };
}
