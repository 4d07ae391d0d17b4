import type { LogStore } from "@/lib/server/log-store/types";

/** Records every LogStore method a verb calls, so "one round trip" is measured, not assumed. */
export function countEngineCalls(store: LogStore): { store: LogStore; calls: string[] } {
  const calls: string[] = [];
  const proxy = new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        calls.push(String(property));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: proxy, calls };
}
