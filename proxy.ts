import { NextResponse, type NextRequest } from "next/server";
import { acceptOrCreateRequestId, REQUEST_ID_HEADER } from "@/lib/request-id";

/**
 * Gives every request an id (the caller's X-Request-ID when it looks like one), passes it
 * to route handlers and pages, and returns it so a user can quote it.
 */
export function proxy(request: NextRequest) {
  const requestId = acceptOrCreateRequestId(request.headers.get(REQUEST_ID_HEADER));
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
