import { describe, expect, it } from "vitest";
import { isErrorLevel, levelClassClause, levelClassOf, levelFilter, levelName } from "./level-scheme";

describe("level names for display", () => {
  it("names pino/bunyan numbers, custom ones by the range they fall in", () => {
    expect([10, 20, 30, 40, 50, 60].map((n) => levelName(n, "pino"))).toEqual(["trace", "debug", "info", "warn", "error", "fatal"]);
    expect(levelName(55, "pino")).toBe("error");
    expect(levelName("50", "pino")).toBe("error");
    expect(levelName([40], "pino")).toBe("warn");
  });

  it("names syslog severities by their RFC 5424 keywords", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((n) => levelName(n, "syslog"))).toEqual(["emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"]);
    expect(levelName(9, "syslog")).toBe("9");
  });

  it("keeps names as logged, and what a numeric scheme cannot read", () => {
    expect(levelName("ERROR", "names")).toBe("ERROR");
    expect(levelName(50, "names")).toBe("50");
    expect(levelName("info", "pino")).toBe("info");
    expect(levelName(undefined, "pino")).toBeNull();
  });
});

describe("error lines", () => {
  it("knows the common vocabularies in any case", () => {
    for (const name of ["ERROR", "err", "Error", "FATAL", "critical", "CRIT", "emerg", "Alert", "panic", "DPANIC"]) expect(isErrorLevel(name, "names")).toBe(true);
    for (const name of ["warn", "WARNING", "info", "notice", "debug", "trace", "verbose", ""]) expect(isErrorLevel(name, "names")).toBe(false);
  });

  it("counts pino 50 and above, syslog 3 and below", () => {
    expect([10, 20, 30, 40, 49, 50, 60, 70].map((n) => isErrorLevel(n, "pino"))).toEqual([false, false, false, false, false, true, true, true]);
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((n) => isErrorLevel(n, "syslog"))).toEqual([true, true, true, true, false, false, false, false]);
    expect(levelClassOf(2, "syslog")).toBe("fatal");
    expect(levelClassOf(3, "syslog")).toBe("error");
  });
});

describe("engine clauses for level classes", () => {
  it("names: one terms over every spelling of the classes", () => {
    const clause = levelClassClause("level", "names", ["error"]) as { terms: { level: string[] } };
    expect(clause.terms.level.sort()).toEqual(["ERR", "ERROR", "Err", "Error", "err", "error"]);
    const both = levelClassClause("level", "names", ["error", "fatal"]) as { terms: { level: string[] } };
    expect(both.terms.level).toEqual(expect.arrayContaining(["CRITICAL", "dpanic", "Emerg", "alert", "FATAL", "err"]));
  });

  it("pino: ranges, adjacent classes merged", () => {
    expect(levelClassClause("level", "pino", ["error"])).toEqual({ range: { level: { gte: 50, lt: 60 } } });
    expect(levelClassClause("level", "pino", ["fatal"])).toEqual({ range: { level: { gte: 60 } } });
    expect(levelClassClause("level", "pino", ["error", "fatal"])).toEqual({ range: { level: { gte: 50 } } });
    expect(levelClassClause("level", "pino", ["trace", "warn"])).toEqual({ bool: { should: [{ range: { level: { lt: 20 } } }, { range: { level: { gte: 40, lt: 50 } } }], minimum_should_match: 1 } });
    expect(levelClassClause("level", "pino", ["notice"])).toBeNull();
  });

  it("syslog: the severities' numbers", () => {
    expect(levelClassClause("severity", "syslog", ["error"])).toEqual({ terms: { severity: [3] } });
    expect(levelClassClause("severity", "syslog", ["fatal"])).toEqual({ terms: { severity: [0, 1, 2] } });
  });
});

describe("the explorer's level filter", () => {
  it("names: a class name finds the whole class, other names as typed in three cases", () => {
    const filter = levelFilter("level", "names", ["error", "Verbose"]);
    expect(filter.ok).toBe(true);
    const terms = (filter as unknown as { clause: { terms: { level: string[] } } }).clause.terms.level;
    expect(terms).toEqual(expect.arrayContaining(["ERROR", "err", "Error", "Verbose", "VERBOSE", "verbose"]));
    expect(terms).not.toContain("warn");
  });

  it("pino: names become ranges, numbers stay exact", () => {
    expect(levelFilter("level", "pino", ["ERROR"])).toEqual({ ok: true, clause: { range: { level: { gte: 50, lt: 60 } } } });
    expect(levelFilter("level", "pino", ["warning", "error"])).toEqual({ ok: true, clause: { range: { level: { gte: 40, lt: 60 } } } });
    expect(levelFilter("level", "pino", ["35"])).toEqual({ ok: true, clause: { terms: { level: [35] } } });
  });

  it("syslog: its own names are one number, class names all of theirs", () => {
    expect(levelFilter("severity", "syslog", ["crit"])).toEqual({ ok: true, clause: { terms: { severity: [2] } } });
    expect(levelFilter("severity", "syslog", ["error"])).toEqual({ ok: true, clause: { terms: { severity: [3] } } });
    expect(levelFilter("severity", "syslog", ["fatal"])).toEqual({ ok: true, clause: { terms: { severity: [0, 1, 2] } } });
  });

  it("refuses a name a numeric scheme has no number for, saying which names it knows", () => {
    const filter = levelFilter("level", "pino", ["notice", "loud"]);
    expect(filter).toMatchObject({ ok: false, unknown: ["notice", "loud"], message: expect.stringMatching(/pino level scheme: use trace, debug/) });
    expect(levelFilter("severity", "syslog", ["trace"])).toMatchObject({ ok: false, unknown: ["trace"] });
  });
});
