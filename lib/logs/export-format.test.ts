import { describe, expect, it } from "vitest";
import { csvCell, csvHeader, csvRow, csvTrailer, csvValues, exportFileName, ndjsonLine, ndjsonTrailer } from "./export-format";
import { ECS_FIELD_MAPPING } from "./field-mapping";

describe("NDJSON", () => {
  it("writes one source per line, newlines inside values escaped", () => {
    const line = ndjsonLine({ message: "two\nlines", n: 1 });
    expect(line).toBe('{"message":"two\\nlines","n":1}\n');
    expect(line.split("\n")).toHaveLength(2);
  });

  it("ends a cut export with a _triage note", () => {
    expect(ndjsonTrailer({ kind: "truncated", exported: 100, total: 250 })).toBe('{"_triage":{"truncated":true,"exported":100,"total":250}}\n');
    expect(JSON.parse(ndjsonTrailer({ kind: "error", exported: 5, total: 9, message: "gone" }))).toEqual({ _triage: { error: "gone", exported: 5, total: 9 } });
  });
});

describe("CSV", () => {
  it("quotes cells with quotes, commas and line breaks (RFC 4180)", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell("line1\nline2")).toBe('"line1\nline2"');
    expect(csvCell("cr\rhere")).toBe('"cr\rhere"');
  });

  it("defuses cells a spreadsheet would run as formulas", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+cmd")).toBe("'+cmd");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tTAB")).toBe("'\tTAB");
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    // Numbers are numbers, not formulas.
    expect(csvCell(-2)).toBe("-2");
  });

  it("writes empty cells for missing values and JSON for objects and arrays", () => {
    expect(csvRow([null, undefined, 0, false, { a: 1 }, ["x", "y"]])).toBe(',,0,false,"{""a"":1}","[""x"",""y""]"\r\n');
  });

  it("heads the file with the base columns and the chosen ones", () => {
    expect(csvHeader(["http.response.status_code"])).toBe("timestamp,service,level,message,http.response.status_code\r\n");
  });

  it("reads base columns through the mapping and extra columns by name", () => {
    const mapping = { ...ECS_FIELD_MAPPING, service: "service.keyword", message: "msg" };
    const source = { "@timestamp": "t", service: "orders", log: { level: "ERROR" }, msg: "boom", http: { response: { status_code: 500 } } };
    expect(csvValues(source, mapping, ["http.response.status_code", "missing"])).toEqual(["t", "orders", "ERROR", "boom", 500, undefined]);
  });

  it("writes pino's epoch-millis time as ISO and its numeric level by name", () => {
    const mapping = { ...ECS_FIELD_MAPPING, timestamp: "time", level: "level", levelScheme: "pino" as const, service: "name", message: "msg" };
    expect(csvValues({ time: 1712345678901, level: 50, name: "api", msg: "boom" }, mapping, [])).toEqual(["2024-04-05T19:34:38.901Z", "api", "error", "boom"]);
  });

  it("notes a cut or failed export in a last one-cell row", () => {
    expect(csvTrailer({ kind: "truncated", exported: 10, total: 12 })).toBe("# truncated: exported 10 of 12 lines\r\n");
    expect(csvTrailer({ kind: "error", exported: 1, total: 2, message: "a, b" })).toBe('"# error: export stopped after 1 of 2 lines: a, b"\r\n');
  });
});

describe("exportFileName", () => {
  it("names the file after the range, without characters file systems refuse", () => {
    expect(exportFileName("ndjson", new Date("2024-05-01T10:00:00.000Z"), new Date("2024-05-01T11:30:15.250Z"))).toBe("triage-logs-20240501T100000Z-20240501T113015Z.ndjson");
    expect(exportFileName("csv", new Date("2024-05-01T10:00:00Z"), new Date("2024-05-01T11:00:00Z"))).toBe("triage-logs-20240501T100000Z-20240501T110000Z.csv");
  });
});
