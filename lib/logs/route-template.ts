const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LONG_HEX = /^(?=.*\d)[0-9a-f]{16,}$/i;

/**
 * The route a raw path was served by: numeric segments, UUIDs and long hex ids become `{id}`, so
 * `/api/users/4821` and `/api/users/77` are one endpoint. Numeric segments match the demo
 * generator's own templating exactly (lib/demo/services.ts), which the integration tests rely on.
 */
export function toRouteTemplate(path: string): string {
  // Loggers that write the request URL (pino-http's req.url) include the query; a route never does.
  return path
    .replace(/[?#].*$/s, "")
    .split("/")
    .map((segment) => (/^\d+$/.test(segment) || UUID.test(segment) || LONG_HEX.test(segment) ? "{id}" : segment))
    .join("/");
}
