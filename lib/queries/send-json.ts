import { ApiRequestError, readJsonResponse } from "./fetch-json";

/** Sends JSON to our API (POST/PUT/PATCH/DELETE); the browser adds Origin, which the server checks. */
export async function sendJson<T>(method: "POST" | "PUT" | "PATCH" | "DELETE", path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { "content-type": "application/json", accept: "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiRequestError(0, "Triage's server cannot be reached. Check your connection or whether the app is running.");
  }
  return readJsonResponse<T>(response);
}

export const postJson = <T,>(path: string, body: unknown) => sendJson<T>("POST", path, body);
