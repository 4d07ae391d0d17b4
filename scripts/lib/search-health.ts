import net from "node:net";

export interface Credentials {
  username?: string;
  password?: string;
}

export type HealthProbe = { ok: true; status: string } | { ok: false; reason: string; httpStatus?: number };

export function authHeaders(credentials: Credentials): Record<string, string> {
  if (!credentials.username) return {};
  const token = Buffer.from(`${credentials.username}:${credentials.password ?? ""}`).toString("base64");
  return { authorization: `Basic ${token}` };
}

/** Yellow or green counts as healthy: a single node never allocates replicas. */
export async function probeHealth(url: string, credentials: Credentials): Promise<HealthProbe> {
  try {
    const response = await fetch(`${url}/_cluster/health`, { headers: authHeaders(credentials), signal: AbortSignal.timeout(3_000) });
    if (!response.ok) return { ok: false, reason: `HTTP ${response.status}`, httpStatus: response.status };
    const body = (await response.json()) as { status?: string };
    const status = body.status ?? "unknown";
    return status === "green" || status === "yellow" ? { ok: true, status } : { ok: false, reason: `status ${status}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return { ok: false, reason: cause?.code ?? (error as Error).message };
  }
}

/** Something listens on the port (HTTP or not). */
export function isPortOpen(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** Best-effort description of whatever answers on a port we did not start. */
export async function describeListener(url: string): Promise<string> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    const product = response.headers.get("x-elastic-product") ?? (response.headers.get("x-opensearch-version") ? "OpenSearch" : undefined);
    return `HTTP ${response.status}${product ? ` from ${product}` : ""}${response.headers.get("server") ? ` (server: ${response.headers.get("server")})` : ""}`;
  } catch {
    return "a non-HTTP listener";
  }
}
