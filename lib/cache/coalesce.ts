/**
 * Identical work in flight at once runs once: callers with the same key share one promise. Each
 * caller may bring its own abort signal; the shared work is aborted only when every caller that
 * joined it has gone, so one closed tab never fails forty-nine other viewers.
 */
export class InFlight {
  private readonly running = new Map<string, { promise: Promise<unknown>; waiting: number; controller: AbortController }>();

  get count(): number {
    return this.running.size;
  }

  run<T>(key: string, work: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    let entry = this.running.get(key);
    if (!entry) {
      const controller = new AbortController();
      const promise = work(controller.signal).finally(() => {
        if (this.running.get(key) === created) this.running.delete(key);
      });
      const created = { promise, waiting: 0, controller };
      this.running.set(key, created);
      entry = created;
    }
    return this.join(key, entry, signal) as Promise<T>;
  }

  private join(key: string, entry: { promise: Promise<unknown>; waiting: number; controller: AbortController }, signal?: AbortSignal): Promise<unknown> {
    entry.waiting++;
    if (!signal) return entry.promise;
    return new Promise((resolve, reject) => {
      const leave = () => {
        entry.waiting--;
        reject(signal.reason);
        if (entry.waiting === 0) {
          // Nobody wants the answer any more: stop the engine work, and let the next caller start afresh.
          if (this.running.get(key) === entry) this.running.delete(key);
          entry.controller.abort(signal.reason);
        }
      };
      signal.addEventListener("abort", leave, { once: true });
      entry.promise.then(
        (value) => {
          signal.removeEventListener("abort", leave);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener("abort", leave);
          reject(error);
        },
      );
    });
  }
}
