import "server-only";
import { getDb } from "../db";
import { logger } from "../logger";
import type { LogStore } from "../log-store/types";

/**
 * The explorer's points in time, one per viewer: paging, a refetch and a replayed link reuse the
 * viewer's point in time for the view instead of opening another, and moving to another view
 * closes it. Rows live in Postgres (explorer_pits) so this holds across app instances; the engine
 * frees an unused point in time itself when its keep-alive lapses.
 */
export interface ExplorerPitSlot {
  viewerId: string;
  /** explorerViewKey(): the search and the range as the URL states it. */
  viewKey: string;
  /** The frozen range the view's pages read; a new range (a fresh "now-1h") needs a new point in time. */
  range: { from: Date; to: Date };
}

export interface ExplorerPitAccess {
  store: LogStore;
  indexPattern: string;
  keepAliveSeconds: number;
  signal?: AbortSignal;
}

/** An id this close to its keep-alive is not handed out: the engine could drop it before the search arrives. */
const reuseMarginMs = (access: ExplorerPitAccess) => Math.min(10_000, access.keepAliveSeconds * 200);
/** Rows of any viewer this long past their keep-alive are swept; the engine freed their points in time long ago. */
const SWEEP_AFTER_MS = 60 * 60_000;

const keepAlive = (access: ExplorerPitAccess) => `${access.keepAliveSeconds}s`;
const expiry = (access: ExplorerPitAccess) => new Date(Date.now() + access.keepAliveSeconds * 1000);
const sameRange = (row: { rangeFrom: Date; rangeTo: Date }, slot: ExplorerPitSlot) =>
  row.rangeFrom.getTime() === slot.range.from.getTime() && row.rangeTo.getTime() === slot.range.to.getTime();
const usable = (row: { expiresAt: Date }, access: ExplorerPitAccess) => row.expiresAt.getTime() > Date.now() + reuseMarginMs(access);

/**
 * The viewer's point in time for this view and range: the registered one while it lives, else a
 * new one, which replaces every other point in time the viewer holds. Throws the engine's
 * PointInTimeRefusedError when it will not open one, and Postgres errors as they come.
 */
export interface AcquiredPit {
  id: string;
  /** Opened for this request (not a reused one). */
  opened: boolean;
  /** When the registry believes it lapses. */
  expiresAt: Date;
}

export async function acquireExplorerPit(slot: ExplorerPitSlot, access: ExplorerPitAccess): Promise<AcquiredPit> {
  const db = getDb();
  const row = await db.explorerPit.findUnique({ where: { viewerId_viewKey: { viewerId: slot.viewerId, viewKey: slot.viewKey } } });
  if (row && sameRange(row, slot) && usable(row, access)) return { id: row.pitId, opened: false, expiresAt: row.expiresAt };

  const opened = await access.store.openPointInTime(access.indexPattern, keepAlive(access), { signal: access.signal });
  let outcome: { kept: string; expiresAt: Date; close: string[] };
  try {
    // Serialised per viewer, so two instances answering the same viewer at once agree on one id.
    outcome = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('triage.explorer-pits'), hashtext(${slot.viewerId}))`;
      const held = await tx.explorerPit.findMany({ where: { viewerId: slot.viewerId } });
      const winner = held.find((candidate) => candidate.viewKey === slot.viewKey && sameRange(candidate, slot) && usable(candidate, access));
      if (winner) return { kept: winner.pitId, expiresAt: winner.expiresAt, close: [opened] };
      await tx.explorerPit.deleteMany({ where: { viewerId: slot.viewerId } });
      const expiresAt = expiry(access);
      await tx.explorerPit.create({ data: { viewerId: slot.viewerId, viewKey: slot.viewKey, pitId: opened, rangeFrom: slot.range.from, rangeTo: slot.range.to, expiresAt } });
      await tx.explorerPit.deleteMany({ where: { expiresAt: { lt: new Date(Date.now() - SWEEP_AFTER_MS) } } });
      return { kept: opened, expiresAt, close: held.map((old) => old.pitId) };
    });
  } catch (error) {
    await closeQuietly(access.store, [opened]);
    throw error;
  }
  await closeQuietly(access.store, outcome.close);
  return { id: outcome.kept, opened: outcome.kept === opened, expiresAt: outcome.expiresAt };
}

/**
 * After a search, which restarted the engine's keep-alive and may have handed back a new id. The
 * row is rewritten only when the id changed or its expiry lags by a fifth of the keep-alive, so a
 * burst of refetches costs no writes; a lagging expiry only makes the registry replace it early.
 */
export async function renewExplorerPit(slot: ExplorerPitSlot, access: ExplorerPitAccess, used: AcquiredPit, returnedId: string): Promise<void> {
  const lag = expiry(access).getTime() - used.expiresAt.getTime();
  if (returnedId === used.id && lag < access.keepAliveSeconds * 200) return;
  await getDb().explorerPit.updateMany({ where: { viewerId: slot.viewerId, viewKey: slot.viewKey, pitId: used.id }, data: { pitId: returnedId, expiresAt: expiry(access) } });
}

/** The engine no longer knows this id (expired, or the engine restarted): forget it so the next read opens a new one. */
export async function forgetExplorerPit(slot: ExplorerPitSlot, id: string): Promise<void> {
  await getDb().explorerPit.deleteMany({ where: { viewerId: slot.viewerId, viewKey: slot.viewKey, pitId: id } });
}

/** The viewer opened another view (its first page): close the points in time held for any other. */
export async function leaveOtherViews(viewerId: string, viewKey: string, store: LogStore): Promise<void> {
  const gone = await getDb().$queryRaw<Array<{ pit_id: string }>>`DELETE FROM explorer_pits WHERE viewer_id = ${viewerId} AND view_key <> ${viewKey} RETURNING pit_id`;
  await closeQuietly(store, gone.map((row) => row.pit_id));
}

async function closeQuietly(store: LogStore, ids: string[]): Promise<void> {
  await Promise.all(ids.map((id) => store.closePointInTime(id).catch((error: unknown) => logger.warn({ err: error }, "could not close an explorer point in time"))));
}
