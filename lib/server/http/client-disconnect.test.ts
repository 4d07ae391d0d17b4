import { describe, expect, it } from "vitest";
import { isClientDisconnect } from "./client-disconnect";

function aborted(reason?: unknown): AbortSignal {
  const controller = new AbortController();
  controller.abort(reason);
  return controller.signal;
}

describe("isClientDisconnect", () => {
  it("is the signal's own reason, however deeply it is wrapped", () => {
    class ResponseAborted extends Error {}
    const reason = new ResponseAborted();
    const signal = aborted(reason);
    expect(isClientDisconnect(reason, signal)).toBe(true);
    expect(isClientDisconnect(new Error("engine failed", { cause: reason }), signal)).toBe(true);
  });

  it("knows the abort errors of fetch, the engine clients, Next and Prisma's driver adapter", () => {
    const signal = aborted();
    expect(isClientDisconnect(new DOMException("aborted", "AbortError"), signal)).toBe(true);
    expect(isClientDisconnect(Object.assign(new Error("Request aborted"), { name: "RequestAbortedError" }), signal)).toBe(true);
    expect(isClientDisconnect(Object.assign(new Error("aborted"), { name: "ResponseAborted" }), signal)).toBe(true);
    const prisma = Object.assign(new Error("Invalid invocation"), { name: "PrismaClientKnownRequestError", meta: { driverAdapterError: { name: "AbortError" } } });
    expect(isClientDisconnect(prisma, signal)).toBe(true);
  });

  it("is false while the caller is still there, and for real failures after it left", () => {
    expect(isClientDisconnect(new DOMException("aborted", "AbortError"), new AbortController().signal)).toBe(false);
    expect(isClientDisconnect(new TypeError("x is undefined"), aborted())).toBe(false);
  });
});
