import { describe, expect, it } from "vitest";
import { bindParameters, highestParameter, numberPlaceholders } from "./sql-tokens";

describe("sql tokens", () => {
  it("numbers ? placeholders outside literals, comments and quoted names", () => {
    expect(numberPlaceholders(`SELECT '?', "a?" FROM t /* ? */ WHERE a = ? -- ?\n AND b IN (?, ?)`)).toBe(`SELECT '?', "a?" FROM t /* ? */ WHERE a = $1 -- ?\n AND b IN ($2, $3)`);
  });

  it("binds logged parameters to $n, leaving $n inside strings and dollar quotes alone", () => {
    expect(bindParameters("SELECT * FROM orders WHERE user_id = $1 AND status = $2 AND note <> '$1' AND x = $$ $2 $$", ["'42'", "'active'"])).toBe(
      "SELECT * FROM orders WHERE user_id = '42' AND status = 'active' AND note <> '$1' AND x = $$ $2 $$",
    );
    expect(bindParameters("SELECT $3", ["'a'"])).toBe("SELECT $3");
  });

  it("finds the highest parameter", () => {
    expect(highestParameter("SELECT $2, $10, '$99'")).toBe(10);
    expect(highestParameter("SELECT 1")).toBe(0);
  });
});
