/** Incoming X-Request-IDs are honoured only when they look like an id, so logs stay clean. */
const REQUEST_ID = /^[\w.:\-]{1,128}$/;

export const REQUEST_ID_HEADER = "x-request-id";

export function acceptOrCreateRequestId(incoming: string | null | undefined): string {
  if (incoming && REQUEST_ID.test(incoming)) return incoming;
  return crypto.randomUUID();
}
