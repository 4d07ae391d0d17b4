import { describe, expect, it } from "vitest";
import { stepSeries, type MachineRule, type Observation, type SeriesState, type StepResult } from "./state-machine";

const MIN = 60_000;
const rule = (overrides: Partial<MachineRule["condition"]> = {}, rest: Partial<MachineRule> = {}): MachineRule => ({
  condition: { comparator: "above", threshold: 10, recoveryThreshold: null, pendingSeconds: 0, keepFiringSeconds: 0, ...overrides },
  flapping: { changes: 4, evaluations: 20 },
  noData: "keep",
  ...rest,
});

type Step = Observation | number | null;
const toObservation = (step: Step): Observation => (typeof step === "number" ? { kind: "value", value: step } : step === null ? { kind: "nodata" } : step);

/** Runs values one minute apart; returns each step's result. */
function run(machine: MachineRule, steps: Step[], options: { silencedAt?: number[]; start?: SeriesState } = {}): StepResult[] {
  let state = options.start;
  return steps.map((step, index) => {
    const result = stepSeries(state, toObservation(step), machine, { now: index * MIN, silenced: options.silencedAt?.includes(index) });
    state = result.state;
    return result;
  });
}
const statuses = (results: StepResult[]) => results.map((r) => r.state.status);
const sent = (results: StepResult[]) => results.flatMap((r, i) => r.notifications.map((n) => `${i}:${n.kind}#${n.episode}`));
const ERROR: Observation = { kind: "error", message: "connect ECONNREFUSED" };

describe("stepSeries", () => {
  it("fires at once without a pending period, and resolves when the value clears", () => {
    const results = run(rule(), [1, 11, 12, 5, 5]);
    expect(statuses(results)).toEqual(["ok", "firing", "firing", "ok", "ok"]);
    expect(sent(results)).toEqual(["1:firing#1", "3:resolved#1"]);
    expect(results[3]!.notifications[0]!.startedAt).toBe(1 * MIN);
  });

  it("a value exactly on the threshold is not above it", () => {
    expect(statuses(run(rule(), [10, 10]))).toEqual(["ok", "ok"]);
    expect(statuses(run(rule({ comparator: "below", threshold: 10 }), [10, 9]))).toEqual(["ok", "firing"]);
  });

  it("is pending until the condition has held for the pending period", () => {
    const results = run(rule({ pendingSeconds: 120 }), [11, 11, 11, 11]);
    expect(statuses(results)).toEqual(["pending", "pending", "firing", "firing"]);
    expect(sent(results)).toEqual(["2:firing#1"]);
  });

  it("a breach shorter than the pending period never fires or notifies", () => {
    const results = run(rule({ pendingSeconds: 120 }), [11, 11, 5, 11, 5]);
    expect(statuses(results)).toEqual(["pending", "pending", "ok", "pending", "ok"]);
    expect(sent(results)).toEqual([]);
    expect(results.map((r) => r.transition && `${r.transition.from}>${r.transition.to}`)).toEqual(["ok>pending", null, "pending>ok", "ok>pending", "pending>ok"]);
  });

  it("keeps firing for the keep-firing period after the value clears, and a relapse restarts that clock", () => {
    const results = run(rule({ keepFiringSeconds: 120 }), [11, 5, 5, 11, 5, 5, 5]);
    expect(statuses(results)).toEqual(["firing", "firing", "firing", "firing", "firing", "firing", "ok"]);
    expect(results[1]!.state.clearSince).toBe(1 * MIN);
    expect(results[3]!.state.clearSince).toBeNull();
    expect(sent(results)).toEqual(["0:firing#1", "6:resolved#1"]);
  });

  it("a recovery threshold keeps a value hovering on the line from resolving", () => {
    const results = run(rule({ recoveryThreshold: 8 }), [11, 9.5, 10.5, 9, 7.9, 9.5]);
    expect(statuses(results)).toEqual(["firing", "firing", "firing", "firing", "ok", "ok"]);
    expect(sent(results)).toEqual(["0:firing#1", "4:resolved#1"]);
    // Without it the same values go back and forth (flap detection off here: 10 changes needed).
    expect(sent(run(rule({}, { flapping: { changes: 10, evaluations: 20 } }), [11, 9.5, 10.5, 9, 7.9, 9.5]))).toEqual(["0:firing#1", "1:resolved#1", "2:firing#2", "3:resolved#2"]);
  });

  it("marks a series flapping at K changes in the last M evaluations and holds its notifications until it settles", () => {
    const machine = rule({}, { flapping: { changes: 4, evaluations: 6 } });
    const values = [11, 5, 11, 5, 11, 5, 11, 11, 11, 11, 11, 11, 11];
    const results = run(machine, values);
    // Changes at 0,1,2,3: flapping from the 4th change; notifications 0..2 went out, then held.
    expect(results[3]!.state.flapping).toBe(true);
    expect(results[3]!.flapStarted).toBe(true);
    expect(results.filter((r) => r.flapStarted)).toHaveLength(1);
    const settled = results.findIndex((r, i) => i > 3 && !r.state.flapping);
    expect(settled).toBeGreaterThan(6);
    // Receivers last heard "firing" (episode 2) at 2; settling while firing needs no new message.
    expect(sent(results)).toEqual(["0:firing#1", "1:resolved#1", "2:firing#2"]);
    expect(results[settled]!.transition?.note).toBe("stopped flapping");
  });

  it("sends the net change when a flapping series settles on the other side", () => {
    const machine = rule({}, { flapping: { changes: 3, evaluations: 5 } });
    const results = run(machine, [11, 5, 11, 5, 5, 5, 5, 5]);
    expect(sent(results)).toEqual(["0:firing#1", "1:resolved#1"]);
    const machine2 = rule({}, { flapping: { changes: 2, evaluations: 4 } });
    // Active at 0 (sent), ok at 1 is the 2nd change: flapping, resolve held; settles ok → resolved sent late.
    const late = run(machine2, [11, 5, 5, 5, 5, 5]);
    expect(late[1]!.state.flapping).toBe(true);
    expect(sent(late)).toEqual(["0:firing#1", "4:resolved#1"]);
  });

  it("no data: keep holds the last state (shown as no data) and resumes from it", () => {
    const results = run(rule(), [11, null, null, 11, 5]);
    expect(statuses(results)).toEqual(["firing", "nodata", "nodata", "firing", "ok"]);
    expect(sent(results)).toEqual(["0:firing#1", "4:resolved#1"]);
  });

  it("no data: ok counts as a clear value; alert fires", () => {
    expect(sent(run(rule({}, { noData: "ok" }), [11, null]))).toEqual(["0:firing#1", "1:resolved#1"]);
    expect(statuses(run(rule({}, { noData: "ok" }), [11, null]))).toEqual(["firing", "ok"]);
    const alerting = run(rule({}, { noData: "alert" }), [5, null, null, 5]);
    expect(statuses(alerting)).toEqual(["ok", "nodata", "nodata", "ok"]);
    expect(sent(alerting)).toEqual(["1:firing#1", "3:resolved#1"]);
  });

  it("an engine error is its own state: never OK, never a resolve, and evaluation resumes from the stored state", () => {
    const results = run(rule({ pendingSeconds: 60 }), [11, 11, ERROR, ERROR, ERROR, 11, 5]);
    expect(statuses(results)).toEqual(["pending", "firing", "error", "error", "error", "firing", "ok"]);
    expect(sent(results)).toEqual(["1:firing#1", "6:resolved#1"]);
    expect(results[2]!.transition).toEqual({ from: "firing", to: "error", note: "connect ECONNREFUSED" });
    expect(results[3]!.transition).toBeNull();
    // A pending series stays pending across the outage and keeps its clock.
    const pending = run(rule({ pendingSeconds: 180 }), [11, ERROR, 11, 11]);
    expect(statuses(pending)).toEqual(["pending", "error", "pending", "firing"]);
  });

  it("an engine error from OK does not fire or resolve anything", () => {
    const results = run(rule(), [5, ERROR, 5]);
    expect(statuses(results)).toEqual(["ok", "error", "ok"]);
    expect(sent(results)).toEqual([]);
  });

  it("a silence drops notifications while it holds and sends what is due when it ends", () => {
    const results = run(rule(), [11, 11, 11, 5], { silencedAt: [0, 1] });
    expect(statuses(results)).toEqual(["firing", "firing", "firing", "ok"]);
    expect(sent(results)).toEqual(["2:firing#1", "3:resolved#1"]);
    expect(results[3]!.notifications[0]!.startedAt).toBe(0);
    // A whole episode inside the silence is never announced, so nothing is resolved either.
    expect(sent(run(rule(), [11, 5, 5], { silencedAt: [0, 1] }))).toEqual([]);
  });

  it("numbers episodes so each firing and resolve pair is distinct", () => {
    const results = run(rule({}, { flapping: { changes: 10, evaluations: 20 } }), [11, 5, 5, 5, 11, 5]);
    expect(sent(results)).toEqual(["0:firing#1", "1:resolved#1", "4:firing#2", "5:resolved#2"]);
  });

  it("survives a JSON round trip (the worker stores state in jsonb)", () => {
    let state: SeriesState | undefined;
    const out: string[] = [];
    [11, 11, 5, 11].forEach((value, i) => {
      const result = stepSeries(state && JSON.parse(JSON.stringify(state)), { kind: "value", value }, rule(), { now: i * MIN });
      out.push(...result.notifications.map((n) => n.kind));
      state = result.state;
    });
    expect(out).toEqual(["firing", "resolved", "firing"]);
  });
});
