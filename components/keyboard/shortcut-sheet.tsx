"use client";

import { useImperativeHandle, useRef, useState, type Ref } from "react";
import type { Shortcut } from "./shortcut-registry";

export interface ShortcutSheetHandle {
  open: () => void;
  isOpen: () => boolean;
}

const GROUPS: Shortcut["group"][] = ["Anywhere", "Time range", "Tables"];

/** The `?` sheet: the shortcuts this page has now, in a modal dialog (Esc and the button close it). */
export function ShortcutSheet({ ref, list }: { ref: Ref<ShortcutSheetHandle>; list: () => Shortcut[] }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [shortcuts, setShortcuts] = useState<Shortcut[]>([]);
  useImperativeHandle(ref, () => ({
    open: () => {
      // One line per description: a page with three tables lists j / k once.
      const seen = new Map<string, Shortcut>();
      for (const shortcut of list()) if (!seen.has(shortcut.description) && (shortcut.available?.() ?? true)) seen.set(shortcut.description, shortcut);
      setShortcuts([...seen.values()]);
      dialog.current?.showModal();
    },
    isOpen: () => Boolean(dialog.current?.open),
  }));
  return (
    <dialog ref={dialog} className="shortcut-sheet" aria-labelledby="shortcut-sheet-title" data-testid="shortcut-sheet">
      <header className="panel-header">
        <h2 id="shortcut-sheet-title">Keyboard shortcuts</h2>
        <button type="button" onClick={() => dialog.current?.close()}>Close</button>
      </header>
      <p className="notice">Shortcuts work anywhere except while typing in a field.</p>
      {GROUPS.map((group) => {
        const inGroup = shortcuts.filter((shortcut) => shortcut.group === group);
        return inGroup.length ? (
          <section key={group}>
            <h3>{group}</h3>
            <dl className="shortcut-list">
              {inGroup.map((shortcut) => (
                <div key={shortcut.description}>
                  <dt><kbd>{shortcut.keys ?? shortcut.key}</kbd></dt>
                  <dd>{shortcut.description}</dd>
                </div>
              ))}
            </dl>
          </section>
        ) : null;
      })}
    </dialog>
  );
}
