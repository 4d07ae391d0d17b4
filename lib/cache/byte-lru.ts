/**
 * A least-recently-used map bounded by bytes, not entries: values are stored as their JSON text,
 * so a cached answer can never be mutated by whoever read it, and its size is known exactly
 * (one byte per character is V8's one-byte string layout; wider text is counted the same, which
 * undercounts it at worst twice). A value larger than the whole budget is simply not kept.
 */
export class ByteLru {
  private readonly entries = new Map<string, string>();
  private used = 0;

  constructor(private readonly maxBytes: number) {}

  get bytes(): number {
    return this.used;
  }

  get size(): number {
    return this.entries.size;
  }

  get<T>(key: string): T | undefined {
    const text = this.entries.get(key);
    if (text === undefined) return undefined;
    // Re-inserting moves the entry to the young end of the Map's insertion order.
    this.entries.delete(key);
    this.entries.set(key, text);
    return JSON.parse(text) as T;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  set(key: string, value: unknown): void {
    this.delete(key);
    const text = JSON.stringify(value);
    const cost = text.length + key.length;
    if (cost > this.maxBytes) return;
    this.entries.set(key, text);
    this.used += cost;
    for (const [oldest, oldText] of this.entries) {
      if (this.used <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.used -= oldText.length + oldest.length;
    }
  }

  delete(key: string): void {
    const text = this.entries.get(key);
    if (text === undefined) return;
    this.entries.delete(key);
    this.used -= text.length + key.length;
  }

  clear(): void {
    this.entries.clear();
    this.used = 0;
  }
}
