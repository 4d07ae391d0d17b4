import type { SeedProgress } from "@/lib/server/demo/seed-demo-logs";

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

/** One rewritten line on a terminal; a line per 10% when the output goes to a file (CI logs). */
export function seedProgressPrinter(): { update: (progress: SeedProgress) => void; done: () => void } {
  let lastDecile = -1;
  let drawn = false;
  return {
    update({ written, targetLines, linesPerSecond }) {
      const percent = Math.min(100, Math.floor((written / targetLines) * 100));
      const text = `  seeding: ${formatCount(written)} / ${formatCount(targetLines)} lines (${percent}%), ${formatCount(linesPerSecond)} lines/s`;
      if (process.stdout.isTTY) {
        process.stdout.write(`\r${text}\x1b[K`);
        drawn = true;
      } else if (Math.floor(percent / 10) > lastDecile) {
        lastDecile = Math.floor(percent / 10);
        console.log(text);
      }
    },
    done() {
      if (drawn) process.stdout.write("\n");
    },
  };
}
