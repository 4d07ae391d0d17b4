import { errorEnvelopeSchema, type ErrorCode } from "@/lib/schemas/error-envelope";

/** An API answer that was not 2xx, carrying the server's readable message. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: ErrorCode,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

/** GETs JSON from our API; non-2xx answers become ApiRequestError with the envelope's message. */
export async function fetchJson<T>(path: string, params: URLSearchParams | undefined, signal?: AbortSignal): Promise<T> {
  const url = params && params.size > 0 ? `${path}?${params.toString()}` : path;
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: "application/json" } });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiRequestError(0, "Triage's server cannot be reached. Check your connection or whether the app is running.");
  }
  return readJsonResponse<T>(response);
}

/** The body of a 2xx answer, or an ApiRequestError carrying the error envelope's message. */
export async function readJsonResponse<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    // Proxies and crashed servers answer with HTML or nothing: then the status is all we have.
    const envelope = errorEnvelopeSchema.safeParse(body).data?.error;
    throw new ApiRequestError(response.status, envelope?.message ?? `The server answered ${response.status}.`, envelope?.code, envelope?.fields);
  }
  return body as T;
}
