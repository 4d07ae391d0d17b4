import { describe, expect, it } from "vitest";
import { InFlight } from "./coalesce";

const deferred = <T>() => {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
};

describe("InFlight", () => {
  it("runs identical work once for every caller that joins while it runs", async () => {
    const inFlight = new InFlight();
    const gate = deferred<number>();
    let runs = 0;
    const work = () => {
      runs++;
      return gate.promise;
    };
    const callers = Array.from({ length: 50 }, () => inFlight.run("same", work));
    gate.resolve(7);
    expect(await Promise.all(callers)).toEqual(Array(50).fill(7));
    expect(runs).toBe(1);
    expect(inFlight.count).toBe(0);
  });

  it("aborts the shared work only when every caller has gone", async () => {
    const inFlight = new InFlight();
    let aborted = false;
    const work = (signal: AbortSignal) =>
      new Promise<number>((_, reject) => signal.addEventListener("abort", () => {
        aborted = true;
        reject(signal.reason);
      }));
    const first = new AbortController();
    const second = new AbortController();
    const a = inFlight.run("k", work, first.signal);
    const b = inFlight.run("k", work, second.signal);
    first.abort(new Error("tab closed"));
    await expect(a).rejects.toThrow("tab closed");
    expect(aborted).toBe(false);
    second.abort(new Error("second tab closed"));
    await expect(b).rejects.toThrow("second tab closed");
    expect(aborted).toBe(true);
  });
});
