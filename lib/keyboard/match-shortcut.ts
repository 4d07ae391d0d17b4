/**
 * Which single-key shortcut a key press means, if any. Pure (takes the event's plain facts), so the
 * rules are unit-tested: no shortcut while typing in a field, none with Ctrl/Meta/Alt (those belong
 * to the browser and the system), Shift only where it makes the key (`?`).
 */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The focused element, as far as the rules need it. */
  target: { tagName?: string; isContentEditable?: boolean; type?: string } | null;
}

const TEXT_INPUT_TYPES = new Set(["text", "search", "email", "password", "url", "tel", "number", "date", "datetime-local", "time", "month", "week", ""]);

/** A field a person types into: shortcuts must not steal its keys. */
export function isTypingTarget(target: KeyPress["target"]): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName?.toUpperCase();
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  return tag === "INPUT" && TEXT_INPUT_TYPES.has((target.type ?? "").toLowerCase());
}

/** The shortcut key of a press among `keys`, or null when the press is not a shortcut. */
export function matchShortcut(press: KeyPress, keys: ReadonlySet<string>): string | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (isTypingTarget(press.target)) return null;
  return keys.has(press.key) ? press.key : null;
}
