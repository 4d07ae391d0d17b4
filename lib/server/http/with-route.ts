import "server-only";
import { NextResponse } from "next/server";
import { can, type Permission } from "@/lib/auth/roles";
import { acceptOrCreateRequestId, REQUEST_ID_HEADER } from "@/lib/request-id";
import type { Actor } from "@/lib/schemas/auth";
import { clientAddress } from "../auth/client-address";
import { resolveActor } from "../auth/resolve-actor";
import { ApiError, toErrorResponse } from "../errors";
import { logger } from "../logger";
import { isMutation, isSameOriginMutation } from "./check-origin";
import { CLIENT_CLOSED_REQUEST, isClientDisconnect } from "./client-disconnect";

interface BaseContext<P> {
  request: Request;
  url: URL;
  requestId: string;
  params: P;
  clientIp: string;
  /** Aborts when the browser goes away, so engine calls are cancelled with it. */
  signal: AbortSignal;
}

export type RouteContext<P> = BaseContext<P> & { actor: Actor };
export type PublicRouteContext<P> = BaseContext<P> & { actor: Actor | null };

type Segment<P> = { params: Promise<P> };
type RouteHandler<P> = (request: Request, segment: Segment<P>) => Promise<Response>;

/**
 * Every API route goes through here once: request id, the guard (who is calling, may they
 * do this, is a browser mutation same-origin), JSON logging with status and duration, and
 * conversion of anything thrown into the one error envelope.
 */
export function withRoute<P = Record<string, never>>(options: { permission: Permission }, handler: (context: RouteContext<P>) => Promise<unknown>): RouteHandler<P>;
export function withRoute<P = Record<string, never>>(options: { public: true }, handler: (context: PublicRouteContext<P>) => Promise<unknown>): RouteHandler<P>;
export function withRoute<P>(
  options: { permission: Permission } | { public: true },
  handler: ((context: RouteContext<P>) => Promise<unknown>) | ((context: PublicRouteContext<P>) => Promise<unknown>),
): RouteHandler<P> {
  // Safe: the permission branch below guarantees a non-null actor before a RouteContext handler runs.
  const run = handler as (context: PublicRouteContext<P>) => Promise<unknown>;
  return async (request, segment) => {
    const started = performance.now();
    const requestId = acceptOrCreateRequestId(request.headers.get(REQUEST_ID_HEADER));
    const url = new URL(request.url);
    const clientIp = clientAddress(request.headers);
    let actor: Actor | null = null;
    let response: Response;
    try {
      // Public routes (health, login) must keep answering while Postgres is down.
      actor = "public" in options ? await resolveActor(request.headers).catch(() => null) : await resolveActor(request.headers);
      if (isMutation(request.method) && actor?.via !== "token" && !isSameOriginMutation(request)) {
        throw new ApiError(403, "forbidden", "Cross-site request refused: this change must come from Triage's own pages.");
      }
      if ("permission" in options) {
        if (!actor) throw new ApiError(401, "unauthorized", "Sign in to use Triage.");
        if (!can(actor.role, options.permission)) {
          throw new ApiError(403, "forbidden", `Your role (${actor.role}) does not allow this. Ask an admin.`);
        }
      }
      const result = await run({ request, url, requestId, params: await segment.params, clientIp, actor, signal: request.signal });
      response = result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      if (isClientDisconnect(error, request.signal)) {
        // Not an error of ours: the access line below records it as 499, with no error line.
        response = new Response(null, { status: CLIENT_CLOSED_REQUEST });
      } else {
        const { status, body } = toErrorResponse(error, requestId);
        if (status >= 500) logger.error({ err: error, http: { request: { id: requestId } } }, "request failed");
        response = NextResponse.json(body, { status });
      }
    }
    response.headers.set(REQUEST_ID_HEADER, requestId);
    response.headers.set("cache-control", "no-store");
    logger.info(
      {
        http: { request: { id: requestId, method: request.method }, response: { status_code: response.status } },
        url: { path: url.pathname },
        user: actor ? { id: actor.id } : undefined,
        client: { ip: clientIp },
        event: { duration: Math.round((performance.now() - started) * 1e6) },
      },
      `${request.method} ${url.pathname} ${response.status}`,
    );
    return response;
  };
}
