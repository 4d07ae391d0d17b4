import "server-only";
import { ApiError } from "../errors";

export interface ExportSlotLimits {
  /** EXPORT_MAX_PER_USER: exports one viewer may run at once. */
  perUser: number;
  /** EXPORT_MAX_PER_INSTANCE: exports this app instance runs at once, for everyone. */
  perInstance: number;
}

/**
 * Exports running in this process, in all and per viewer. Each one holds a point in time and a
 * response stream for up to minutes, so both are bounded here. Counted per instance on purpose:
 * the bound protects this instance and its share of the engine, needs no Postgres (exports keep
 * working without it), and a crashed instance leaves nothing behind to expire.
 */
export class ExportSlots {
  private running = 0;
  private readonly perViewer = new Map<string, number>();

  /** Takes a slot or throws a 429 that says which bound was hit; the returned release is safe to call twice. */
  acquire(viewerId: string, limits: ExportSlotLimits): () => void {
    const mine = this.perViewer.get(viewerId) ?? 0;
    if (mine >= limits.perUser) {
      throw new ApiError(429, "rate_limited", `You already have ${mine} export${mine === 1 ? "" : "s"} running, the most one person may run at once. Wait for one to finish or cancel it, then try again.`);
    }
    if (this.running >= limits.perInstance) {
      throw new ApiError(429, "rate_limited", `This Triage instance is already running ${this.running} exports, its limit. Try again in a minute.`);
    }
    this.running++;
    this.perViewer.set(viewerId, mine + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      const left = (this.perViewer.get(viewerId) ?? 1) - 1;
      if (left > 0) this.perViewer.set(viewerId, left);
      else this.perViewer.delete(viewerId);
    };
  }

  get size(): number {
    return this.running;
  }
}

// On globalThis: Next bundles route handlers separately, and every bundle must count the same exports.
const globalForExports = globalThis as typeof globalThis & { triageExportSlots?: ExportSlots };

/** The slots of this app instance. */
export function instanceExportSlots(): ExportSlots {
  globalForExports.triageExportSlots ??= new ExportSlots();
  return globalForExports.triageExportSlots;
}
