import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import { sleep } from "./viewers";

export interface AppProcess {
  url: string;
  child: ChildProcess;
  /** Highest resident set size seen so far (sampled every 500 ms from /proc). */
  peakRssBytes(): number;
  stop(): Promise<void>;
}

/** `npm start`'s server (scripts/serve.mjs) on loopback, over the built app (`next build` first). */
export async function startApp(port: number, env: Record<string, string>): Promise<AppProcess> {
  const child = spawn(process.execPath, ["scripts/serve.mjs"], { env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn", ...env }, stdio: ["ignore", "inherit", "inherit"] });
  const url = `http://127.0.0.1:${port}`;
  let peak = 0;
  const sampler = setInterval(() => {
    void readRss(child.pid).then((rss) => (peak = Math.max(peak, rss)));
  }, 500);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    clearInterval(sampler);
    if (child.exitCode === null) child.kill("SIGTERM");
    await Promise.race([exited, sleep(10_000)]);
  };
  for (let waited = 0; ; waited += 500) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode} before answering (is it built? run npx next build)`);
    const ok = await fetch(`${url}/api/health`).then((response) => response.status < 500, () => false);
    if (ok) break;
    if (waited > 120_000) {
      await stop();
      throw new Error("the app did not answer /api/health within 2 minutes");
    }
    await sleep(500);
  }
  return { url, child, peakRssBytes: () => peak, stop };
}

async function readRss(pid: number | undefined): Promise<number> {
  if (pid === undefined) return 0;
  const status = await fs.readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : 0;
}
