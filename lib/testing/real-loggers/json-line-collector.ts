import { Writable } from "node:stream";

/** A stream loggers write to, as they would to stdout; the lines come back parsed, in write order. */
export function collectJsonLines(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  let text = "";
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  const lines = () =>
    text
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { stream, lines };
}
