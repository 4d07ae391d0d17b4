// npx tsx scripts/time-redaction.ts: how long redaction takes on typical demo documents and on
// large hostile strings. A measurement to compare before/after a change to lib/logs/redact.ts,
// not a test (timings depend on the machine).
import { generateDemoLogs } from "@/lib/demo/generate-demo-logs";
import { redactDocument } from "@/lib/logs/redact";

const HOSTILE: Record<string, string> = {
  "a x100k": "a".repeat(100_000),
  "eyJ- x25k": "eyJ-".repeat(25_000),
  "eyJa. x20k": "eyJa.".repeat(20_000),
  "1234- x20k": "1234-".repeat(20_000),
  "&key x25k": "&key".repeat(25_000),
  '"password": x9k': '"password":'.repeat(9_000),
  "Bearer x14k": "Bearer ".repeat(14_000) + "x",
  "http://u:p x100k": "http://u:" + "p".repeat(100_000),
  "_ x100k + password=": "_".repeat(100_000) + "password=1",
  "password: x10k": "password: ".repeat(10_000),
  "a=a x33k": "a=a ".repeat(25_000),
  "name:Cookie x5k": '{"name":"Cookie",'.repeat(5_000),
  "digits x100k": "4".repeat(100_000),
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const { documents } = generateDemoLogs({ seed: 42, anchor: Date.now(), targetLines: 20_000 });
for (let i = 0; i < 3; i++) for (const doc of documents) redactDocument(doc);
const rounds: number[] = [];
for (let round = 0; round < 5; round++) {
  const started = performance.now();
  for (const doc of documents) redactDocument(doc);
  rounds.push(((performance.now() - started) * 1000) / documents.length);
}
console.log(`typical demo document (${documents.length} docs, median of 5 rounds): ${median(rounds).toFixed(1)} µs per document`);

for (const [name, input] of Object.entries(HOSTILE)) {
  redactDocument({ message: input });
  const times = Array.from({ length: 5 }, () => {
    const started = performance.now();
    redactDocument({ message: input });
    return performance.now() - started;
  });
  console.log(`${name.padEnd(22)} ${String(input.length).padStart(7)} chars: ${median(times).toFixed(1)} ms`);
}
