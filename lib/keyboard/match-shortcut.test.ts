import { describe, expect, it } from "vitest";
import { isTypingTarget, matchShortcut, type KeyPress } from "./match-shortcut";

const keys = new Set(["?", "/", "j", "k", "Enter", "Escape", "[", "]", "z", "r"]);
const press = (key: string, target: KeyPress["target"] = { tagName: "BODY" }, modifiers: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, altKey: false, target, ...modifiers });

describe("shortcut matching", () => {
  it("matches the registered keys on the page", () => {
    for (const key of keys) expect(matchShortcut(press(key), keys)).toBe(key);
    expect(matchShortcut(press("x"), keys)).toBeNull();
    expect(matchShortcut(press("J"), keys)).toBeNull();
  });

  it("never fires while typing in a field", () => {
    for (const target of [{ tagName: "INPUT", type: "text" }, { tagName: "INPUT", type: "search" }, { tagName: "INPUT" }, { tagName: "TEXTAREA" }, { tagName: "SELECT" }, { tagName: "DIV", isContentEditable: true }]) {
      expect(matchShortcut(press("j", target), keys), JSON.stringify(target)).toBeNull();
      expect(matchShortcut(press("/", target), keys)).toBeNull();
    }
  });

  it("fires on controls that take no text (a checkbox, a button, a row)", () => {
    expect(isTypingTarget({ tagName: "INPUT", type: "checkbox" })).toBe(false);
    expect(matchShortcut(press("j", { tagName: "BUTTON" }), keys)).toBe("j");
    expect(matchShortcut(press("Enter", { tagName: "TR" }), keys)).toBe("Enter");
  });

  it("leaves Ctrl, Meta and Alt combinations to the browser", () => {
    expect(matchShortcut(press("r", undefined, { ctrlKey: true }), keys)).toBeNull();
    expect(matchShortcut(press("r", undefined, { metaKey: true }), keys)).toBeNull();
    expect(matchShortcut(press("[", undefined, { altKey: true }), keys)).toBeNull();
  });
});
