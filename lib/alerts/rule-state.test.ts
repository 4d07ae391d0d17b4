import { describe, expect, it } from "vitest";
import { ruleState } from "./rule-state";

describe("ruleState", () => {
  it("is the worst series' state, firing over pending over error over no data over ok", () => {
    expect(ruleState({ enabled: true }, [{ status: "ok" }, { status: "pending" }, { status: "firing" }])).toBe("firing");
    expect(ruleState({ enabled: true }, [{ status: "nodata" }, { status: "ok" }])).toBe("nodata");
    expect(ruleState({ enabled: true }, [])).toBe("ok");
  });

  it("says disabled for a disabled rule whatever its series, and error when the engine rejected its query", () => {
    expect(ruleState({ enabled: false }, [{ status: "firing" }])).toBe("disabled");
    expect(ruleState({ enabled: true, lastError: "parse_exception" }, [{ status: "ok" }])).toBe("error");
    expect(ruleState({ enabled: true, lastError: "parse_exception" }, [{ status: "firing" }])).toBe("firing");
  });
});
