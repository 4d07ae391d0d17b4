import type { ParsedStackTrace, StackFrame } from "@/lib/schemas/request-drilldown";

export type { ParsedStackTrace, StackFrame };

/** Enough for any real trace; a runaway one is cut, and says so. */
const MAX_LINES = 2_000;

// Node/V8: "    at fn (/app/src/x.ts:10:5)", "    at /app/x.js:3:16", "    at new Promise (<anonymous>)".
const NODE_FRAME = /^\s*at\s+(?:(.+?)\s+\((.*)\)|(.+))\s*$/;
// Java: "\tat com.acme.X.method(X.java:42)", "at java.base/java.lang.Thread.run(Thread.java:833)".
// Logback may append the jar: "... (X.java:42) ~[spring-core.jar:6.1.2]".
const JAVA_FRAME = /^\s*at\s+([^\s()]+)\(([^()]*)\)(?:\s+~?\[[^\]]*\])?\s*$/;
// Python: '  File "/app/x.py", line 10, in fn'.
const PYTHON_FRAME = /^\s*File "([^"]*)", line (\d+)(?:, in (.+?))?\s*$/;
const JAVA_SECTION = /^\s*(?:Caused by|Suppressed):/;
const PYTHON_SECTION = /^(?:During handling of the above exception|The above exception was the direct cause)/;

const NODE_LIBRARY = [/(?:^|[\\/])node_modules[\\/]/, /^node:/, /^internal[\\/]/, /^<anonymous>$/, /^native$/, /^\[native code\]$/, /^webpack[\\/]runtime/];
const JAVA_LIBRARY = /^(?:java|javax|jakarta|jdk|sun|com\.sun|kotlin|kotlinx|scala|org\.springframework|org\.apache|org\.hibernate|org\.eclipse|io\.netty|reactor|com\.fasterxml|com\.zaxxer|org\.postgresql|org\.junit|io\.micrometer|io\.opentelemetry)\./;
const PYTHON_LIBRARY = [/[\\/](?:site|dist)-packages[\\/]/, /[\\/]lib[\\/]python\d+(?:\.\d+)?[\\/]/, /^<frozen /, /^<string>$/];

/**
 * Splits a Node, Java or Python stack trace into its header, frames and trailer. A frame is an
 * app frame unless its path (or Java package) names a runtime or a dependency.
 */
export function parseStackTrace(text: string): ParsedStackTrace {
  const all = text.replace(/\r\n?/g, "\n").split("\n");
  const truncated = all.length > MAX_LINES;
  const lines = all.slice(0, MAX_LINES);
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === "") lines.pop();

  const header: string[] = [];
  const trailer: string[] = [];
  const frames: StackFrame[] = [];
  let format: ParsedStackTrace["format"] = "unknown";
  let section = 0;
  let previousWasFrame = false;
  for (const raw of lines) {
    const frame = parsePythonFrame(raw) ?? parseJavaFrame(raw) ?? parseNodeFrame(raw);
    if (frame) {
      if (format === "unknown") format = frame.format;
      frames.push({ ...frame.frame, section });
      previousWasFrame = true;
      continue;
    }
    const previous = frames[frames.length - 1];
    // Python prints the source line, indented, under its frame.
    if (previousWasFrame && previous && format === "python" && /^\s{2,}\S/.test(raw)) {
      previous.source = raw.trim();
      previousWasFrame = false;
      continue;
    }
    previousWasFrame = false;
    if (frames.length === 0) {
      header.push(raw);
      continue;
    }
    trailer.push(raw);
    if (JAVA_SECTION.test(raw) || PYTHON_SECTION.test(raw.trim())) section += 1;
  }
  return { format, header, frames, trailer, truncated };
}

type Parsed = { format: Exclude<ParsedStackTrace["format"], "unknown">; frame: Omit<StackFrame, "section"> };

function parseNodeFrame(raw: string): Parsed | null {
  const match = NODE_FRAME.exec(raw);
  if (!match) return null;
  const [, fn, wrapped, bare] = match;
  const location = splitLocation(wrapped ?? bare?.replace(/^async\s+/, "") ?? "");
  const name = fn?.replace(/^async\s+/, "") ?? null;
  const file = location.file;
  const isAppFrame = file !== null && !NODE_LIBRARY.some((pattern) => pattern.test(file));
  return { format: "node", frame: { raw, function: name, file, line: location.line, column: location.column, isAppFrame } };
}

/** "/app/x.js:10:5" -> file, line, column; "file:///app/x.mjs:3:1" keeps its scheme; "<anonymous>" has no line. */
function splitLocation(location: string): { file: string | null; line: number | null; column: number | null } {
  const trimmed = location.trim();
  if (trimmed === "") return { file: null, line: null, column: null };
  const match = /^(.*?):(\d+)(?::(\d+))?$/.exec(trimmed);
  if (!match) return { file: trimmed, line: null, column: null };
  return { file: match[1] || null, line: Number(match[2]), column: match[3] === undefined ? null : Number(match[3]) };
}

function parseJavaFrame(raw: string): Parsed | null {
  const match = JAVA_FRAME.exec(raw);
  if (!match) return null;
  const [, qualified = "", location = ""] = match;
  // A Java location is "X.java:42", "Native Method" or "Unknown Source"; Node's would be a path.
  const fileMatch = /^([\w$.-]+\.(?:java|kt|scala|groovy|clj)):(\d+)$/.exec(location);
  if (!fileMatch && !/^(?:Native Method|Unknown Source)$/.test(location) && !/^[\w$-]+\.(?:java|kt|scala)$/.test(location)) return null;
  // "java.base/java.lang.Thread.run" and "app//com.acme.X.run" carry a module or loader prefix;
  // a hidden class ("X$$Lambda$812/0x…") keeps its slash.
  const name = qualified.replace(/^(?:[\w.-]+(?:@[\w.-]+)?\/(?!\/)|[\w.-]*\/\/)/, "");
  return {
    format: "java",
    frame: {
      raw,
      function: name,
      file: fileMatch ? (fileMatch[1] ?? null) : /\.\w+$/.test(location) ? location : null,
      line: fileMatch ? Number(fileMatch[2]) : null,
      column: null,
      isAppFrame: !JAVA_LIBRARY.test(name),
    },
  };
}

function parsePythonFrame(raw: string): Parsed | null {
  const match = PYTHON_FRAME.exec(raw);
  if (!match) return null;
  const [, file = "", line, fn] = match;
  return {
    format: "python",
    frame: { raw, function: fn ?? null, file, line: Number(line), column: null, isAppFrame: !PYTHON_LIBRARY.some((pattern) => pattern.test(file)) },
  };
}
