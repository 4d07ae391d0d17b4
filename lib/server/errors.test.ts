import { describe, expect, it } from "vitest";
import { badRequest, DatabaseUnavailableError, postgresErrorCode, toErrorResponse } from "./errors";

/** The shape Prisma 7 throws through @prisma/adapter-pg (seen against a real server). */
const prismaError = (code: string, message: string) =>
  Object.assign(new Error("Invalid `getDb().user.create()` invocation"), {
    name: "PrismaClientKnownRequestError",
    code: "P2010",
    meta: { driverAdapterError: { name: "DriverAdapterError", cause: { originalCode: code, kind: "postgres", code, message } } },
  });

describe("postgresErrorCode", () => {
  it("reads the SQLSTATE from pg, from a cause, and from Prisma's driver-adapter error", () => {
    expect(postgresErrorCode(Object.assign(new Error("x"), { code: "57014" }))).toBe("57014");
    expect(postgresErrorCode(new Error("wrapped", { cause: Object.assign(new Error("x"), { code: "55P03" }) }))).toBe("55P03");
    expect(postgresErrorCode(prismaError("22021", "invalid byte sequence"))).toBe("22021");
    expect(postgresErrorCode(new Error("plain"))).toBeUndefined();
  });
});

describe("toErrorResponse for Postgres refusals", () => {
  it("answers a statement or lock timeout with a 503 that says what happened", () => {
    const timeout = toErrorResponse(prismaError("57014", "canceling statement due to statement timeout"), "req-1");
    expect(timeout).toMatchObject({ status: 503, body: { error: { code: "unavailable", message: expect.stringMatching(/statement timeout/) } } });
    expect(toErrorResponse(prismaError("55P03", "lock timeout"), "req-1")).toMatchObject({ status: 503, body: { error: { message: expect.stringMatching(/lock/) } } });
  });

  it("answers text Postgres cannot hold with a 422, as a backstop behind the schemas", () => {
    expect(toErrorResponse(prismaError("22021", "invalid byte sequence for encoding UTF8: 0x00"), "req-1").status).toBe(422);
    expect(toErrorResponse(prismaError("22P05", "unsupported Unicode escape sequence"), "req-1").status).toBe(422);
  });

  it("keeps anything else a 500 that leaks nothing", () => {
    expect(toErrorResponse(prismaError("23505", "duplicate key value violates unique constraint"), "req-1")).toMatchObject({ status: 500, body: { error: { code: "internal" } } });
  });
});

describe("toErrorResponse", () => {
  it("strips URL credentials from every message and field it answers with", () => {
    const outage = toErrorResponse(new DatabaseUnavailableError("Postgres at postgresql://app:pw@db:5432/triage refused"), "r1");
    expect(outage).toEqual({ status: 503, body: { error: { code: "unavailable", message: "Postgres at postgresql://db:5432/triage refused", requestId: "r1" } } });
    const query = toErrorResponse(badRequest("Query syntax: near https://u:p@h/x", { q: "near https://u:p@h/x?token=t" }), "r2");
    expect(query.body.error).toEqual({ code: "bad_request", message: "Query syntax: near https://h/x", fields: { q: "near https://h/x?token=[REDACTED]" }, requestId: "r2" });
  });
});
