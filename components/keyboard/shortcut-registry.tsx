"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useEffect, useRef, type RefObject } from "react";
import { matchShortcut } from "@/lib/keyboard/match-shortcut";
import { ShortcutSheet, type ShortcutSheetHandle } from "./shortcut-sheet";

export interface Shortcut {
  key: string;
  /** What the sheet shows for the key, when not the key itself ("j / k"). */
  keys?: string;
  group: "Anywhere" | "Time range" | "Tables";
  description: string;
  /** Returns false when it did nothing, so the next shortcut for the key (or the browser) gets it. */
  run: (event: KeyboardEvent) => boolean | void;
  /** A shortcut of one element (a table): preferred when focus is inside it, else the first on the page. */
  scope?: RefObject<HTMLElement | null>;
  /** Tried before the others for its key (Esc folds a popover before it closes a row). */
  first?: boolean;
  /** Whether the page offers it now (the sheet leaves out `/` where there is no query box). */
  available?: () => boolean;
}

interface Registry {
  register: (shortcuts: Shortcut[]) => () => void;
  list: () => Shortcut[];
}

const RegistryContext = createContext<Registry | null>(null);

const queryBox = () => document.querySelector<HTMLElement>("[data-shortcut-focus='query']");

function focusQueryBox(): boolean {
  const box = queryBox();
  if (!box) return false;
  box.focus();
  return true;
}

/** Esc folds open popovers (<details> menus) first; tables close their open row after. */
function closeOpenDetails(): boolean {
  const open = [...document.querySelectorAll<HTMLDetailsElement>("main details[open]")];
  for (const details of open) details.open = false;
  return open.length > 0;
}

/** Candidates for a key, best first: the one whose scope holds focus, then scoped ones in page order, then the rest. */
function orderCandidates(candidates: Shortcut[]): Shortcut[] {
  const active = document.activeElement;
  const scoped = candidates.filter((shortcut) => shortcut.scope?.current?.isConnected);
  const focused = scoped.filter((shortcut) => active && shortcut.scope!.current!.contains(active));
  const inOrder = [...scoped].sort((a, b) => (a.scope!.current!.compareDocumentPosition(b.scope!.current!) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  return [...new Set([...candidates.filter((shortcut) => shortcut.first), ...focused, ...inOrder, ...candidates.filter((shortcut) => !shortcut.scope)])];
}

/**
 * One keydown listener for the whole app. Views and tables add their shortcuts with
 * `useShortcuts`; `?`, `/`, `r` and Esc are here, as they mean the same on every page.
 */
export function ShortcutProvider({ children }: { children: React.ReactNode }) {
  const queryClient = useQueryClient();
  const sheet = useRef<ShortcutSheetHandle>(null);
  const registered = useRef(new Map<number, Shortcut[]>());
  const nextId = useRef(0);
  const builtins = useRef<Shortcut[]>([
    { key: "?", group: "Anywhere", description: "Show these shortcuts", run: () => sheet.current?.open() },
    { key: "/", group: "Anywhere", description: "Focus the query box", run: focusQueryBox, available: () => Boolean(queryBox()) },
    { key: "r", group: "Anywhere", description: "Refresh now", run: () => void queryClient.refetchQueries({ type: "active" }) },
    { key: "Escape", keys: "Esc", group: "Anywhere", description: "Close what is open", run: closeOpenDetails, first: true },
  ]);
  const list = useCallback(() => [...builtins.current, ...[...registered.current.values()].flat()], []);
  const register = useCallback((shortcuts: Shortcut[]) => {
    const id = nextId.current++;
    registered.current.set(id, shortcuts);
    return () => void registered.current.delete(id);
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || sheet.current?.isOpen()) return;
      const all = list();
      const key = matchShortcut({ key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, target: event.target as HTMLElement | null }, new Set(all.map((shortcut) => shortcut.key)));
      if (!key) return;
      for (const shortcut of orderCandidates(all.filter((candidate) => candidate.key === key))) {
        if (shortcut.run(event) !== false) {
          event.preventDefault();
          return;
        }
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [list]);

  return (
    <RegistryContext.Provider value={{ register, list }}>
      {children}
      <ShortcutSheet ref={sheet} list={list} />
    </RegistryContext.Provider>
  );
}

/**
 * Adds shortcuts while the calling component is mounted. The latest handlers run (no stale
 * closures); the set is registered again only when its keys change.
 */
export function useShortcuts(shortcuts: Shortcut[]): void {
  const registry = useContext(RegistryContext);
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  const signature = shortcuts.map((shortcut) => shortcut.key).join(" ");
  useEffect(() => {
    if (!registry) return;
    return registry.register(latest.current.map((shortcut, index) => ({ ...shortcut, run: (event: KeyboardEvent) => latest.current[index]?.run(event) ?? false })));
  }, [registry, signature]);
}
