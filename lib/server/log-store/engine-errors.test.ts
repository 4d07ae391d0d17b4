import { describe, expect, it } from "vitest";
import { errorFromEngineResponse, toLogStoreError } from "./engine-errors";
import { LogStoreQueryError, LogStoreUnavailableError, PointInTimeGoneError, PointInTimeRefusedError } from "./types";

const context = { label: "Elasticsearch", url: "http://127.0.0.1:9200", requestTimeoutMs: 1000 };

describe("errorFromEngineResponse", () => {
  it("calls an expired point in time gone", () => {
    const body = { type: "search_context_missing_exception", reason: "No search context found for id [12]" };
    expect(errorFromEngineResponse(context, 404, body, { pointInTime: true })).toBeInstanceOf(PointInTimeGoneError);
  });

  it("keeps a query parse error a query error, even inside a point-in-time search", () => {
    const body = { type: "search_phase_execution_exception", root_cause: [{ type: "query_shard_exception", reason: "Failed to parse query [status:(]" }] };
    const error = errorFromEngineResponse(context, 400, body, { pointInTime: true });
    expect(error).toBeInstanceOf(LogStoreQueryError);
    expect(error.message).toMatch(/Failed to parse query/);
  });

  it("maps credentials and overload to outages that name the engine", () => {
    expect(errorFromEngineResponse(context, 401, { reason: "unable to authenticate" })).toBeInstanceOf(LogStoreUnavailableError);
    expect(errorFromEngineResponse(context, 429, { reason: "rejected" }).message).toMatch(/Elasticsearch at http:\/\/127.0.0.1:9200 failed \(HTTP 429\)/);
  });

  it("calls an engine that answers but will not open a point in time a refusal, and bad credentials still an outage", () => {
    const tooMany = { type: "rejected_execution_exception", reason: "Trying to create too many Point In Time contexts. Must be less than or equal to: [300]." };
    const refused = errorFromEngineResponse(context, 429, tooMany, { openingPointInTime: true });
    expect(refused).toBeInstanceOf(PointInTimeRefusedError);
    expect(refused).toBeInstanceOf(LogStoreUnavailableError);
    expect(refused.message).toMatch(/would not open a point in time \(HTTP 429\): Trying to create too many/);
    expect(errorFromEngineResponse(context, 400, { reason: "Keep alive for request (2d) is too large." }, { openingPointInTime: true })).toBeInstanceOf(PointInTimeRefusedError);
    expect(errorFromEngineResponse(context, 401, { reason: "unable to authenticate" }, { openingPointInTime: true })).not.toBeInstanceOf(PointInTimeRefusedError);
  });
});

describe("toLogStoreError", () => {
  it("never quotes URL credentials, from the configured URL or from the client's own message", () => {
    const withCredentials = { ...context, url: "http://triage:hunter2@127.0.0.1:9200" };
    const unreachable = toLogStoreError(withCredentials, { name: "ConnectionError", message: "connect ECONNREFUSED http://triage:hunter2@127.0.0.1:9200/_search?api_key=k" }) as Error;
    expect(unreachable.message).toBe("Elasticsearch at http://127.0.0.1:9200 is unreachable: connect ECONNREFUSED http://127.0.0.1:9200/_search?api_key=[REDACTED]");
    const refused = toLogStoreError(withCredentials, { name: "ResponseError", message: "x", meta: { statusCode: 401, body: { error: { reason: "bad credentials for http://triage:hunter2@h" } } } }) as Error;
    expect(refused.message).not.toContain("hunter2");
  });
});
