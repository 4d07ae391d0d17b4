import { describe, expect, it } from "vitest";
import { currentEpisode, incidentTitleForAlert, type StoredTransition } from "./alert-episode";

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 14, minute));
const t = (minute: number, fromStatus: string, toStatus: string): StoredTransition => ({ id: `t${minute}`, fromStatus, toStatus, value: null, evaluatedAt: at(minute) });

describe("currentEpisode", () => {
  it("is the transitions since the last one that left ok, oldest first, flapping and no data included", () => {
    const newestFirst = [t(9, "nodata", "firing"), t(8, "firing", "nodata"), t(7, "pending", "firing"), t(6, "ok", "pending"), t(3, "firing", "ok"), t(1, "ok", "firing")];
    expect(currentEpisode(newestFirst).map((x) => x.id)).toEqual(["t6", "t7", "t8", "t9"]);
  });

  it("is empty when no transition left ok (nothing to open an incident from)", () => {
    expect(currentEpisode([])).toEqual([]);
    expect(currentEpisode([t(2, "nodata", "error")])).toEqual([]);
  });
});

describe("incidentTitleForAlert", () => {
  it("names the rule and the series, all services for *, within 200 characters", () => {
    expect(incidentTitleForAlert("5xx rate", "users")).toBe("5xx rate: users");
    expect(incidentTitleForAlert("5xx rate", "*")).toBe("5xx rate: all services");
    expect(incidentTitleForAlert("x".repeat(300), "users")).toHaveLength(200);
  });
});
