/** Exponential backoff with jitter: base·2^(attempt−1), capped at an hour, then a random 50–100 % of it, so receivers that failed together are not retried in lockstep. */
export function retryDelayMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(baseMs * 2 ** Math.max(0, attempt - 1), 3_600_000);
  return Math.round(ceiling * (0.5 + random() / 2));
}
