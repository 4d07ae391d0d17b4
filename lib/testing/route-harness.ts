import "server-only";
import { readdirSync } from "node:fs";
import path from "node:path";
import type { Role } from "@/lib/auth/roles";
import { createSession } from "@/lib/server/auth/create-session";
import { hashPassword } from "@/lib/server/auth/password";
import { getDb } from "@/lib/server/db";

// Test-only: drives route handlers in-process with real Requests, against the real database.
export const TEST_ORIGIN = "http://127.0.0.1:3000";
export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

type Handler = (request: Request, segment: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface ApiRoute {
  file: string;
  /** URL path with [segments] filled with placeholder values. */
  path: string;
  params: Record<string, string>;
  methods: HttpMethod[];
  module: Partial<Record<HttpMethod, Handler>>;
}

const PLACEHOLDER_ID = "00000000-0000-4000-8000-000000000000";

/** Every app/api/**\/route.ts with the HTTP methods it exports. */
export async function listApiRoutes(appDir: string): Promise<ApiRoute[]> {
  const files = (readdirSync(path.join(appDir, "api"), { recursive: true }) as string[]).filter((file) => file.endsWith("route.ts"));
  const routes: ApiRoute[] = [];
  for (const file of files.sort()) {
    const handlers = (await import(path.join(appDir, "api", file))) as Partial<Record<HttpMethod, Handler>>;
    const params: Record<string, string> = {};
    const urlPath = `/api/${path.dirname(file)}`.replace(/\[(\w+)\]/g, (_, name: string) => {
      params[name] = PLACEHOLDER_ID;
      return PLACEHOLDER_ID;
    });
    routes.push({ file, path: urlPath, params, methods: HTTP_METHODS.filter((method) => typeof handlers[method] === "function"), module: handlers });
  }
  return routes;
}

export interface CallOptions {
  headers?: Record<string, string>;
  body?: unknown;
  params?: Record<string, string>;
  search?: string;
  /** Aborts the request like a browser that goes away (request.signal fires). */
  signal?: AbortSignal;
}

export async function callRoute(route: Pick<ApiRoute, "module" | "path" | "params">, method: HttpMethod, options: CallOptions = {}): Promise<Response> {
  const handler = route.module[method];
  if (!handler) throw new Error(`${route.path} has no ${method}`);
  const headers = new Headers({ host: new URL(TEST_ORIGIN).host, ...(options.body !== undefined ? { "content-type": "application/json" } : {}), ...options.headers });
  const request = new Request(`${TEST_ORIGIN}${route.path}${options.search ?? ""}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body), signal: options.signal });
  return handler(request, { params: Promise.resolve({ ...route.params, ...options.params }) });
}

/** A user of the given role with a live session; returns the headers a same-origin browser would send. */
export async function signedInAs(role: Role, label: string = role): Promise<{ userId: string; email: string; headers: Record<string, string> }> {
  const email = `${label}-${crypto.randomUUID().slice(0, 8)}@triage.test`;
  const user = await getDb().user.create({ data: { email, name: label, passwordHash: await hashPassword("correct horse battery"), role } });
  const session = await createSession(user.id, {});
  return { userId: user.id, email, headers: { cookie: `triage_session=${session.token}`, origin: TEST_ORIGIN } };
}
