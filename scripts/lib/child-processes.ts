// Child processes a long-running script owns: started with their output prefixed, and all
// stopped (SIGTERM, then SIGKILL) when the script ends.
import { spawn, type ChildProcess } from "node:child_process";

const children: ChildProcess[] = [];

export function startChild(label: string, command: string, args: string[], env: NodeJS.ProcessEnv, onLine?: (line: string) => void): ChildProcess {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  for (const stream of [child.stdout!, child.stderr!]) {
    let buffer = "";
    stream.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        onLine?.(line);
        if (line.trim()) console.log(`  [${label}] ${line}`);
      }
    });
  }
  return child;
}

/** Resolves with the first line matching `pattern`, or rejects when the child exits first. */
export function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs / 1000}s waiting for ${pattern}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      const match = chunk.toString().match(pattern);
      if (match) {
        clearTimeout(timer);
        child.stdout?.off("data", onData);
        resolve(match);
      }
    };
    child.stdout?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with code ${code} before it was ready`));
    });
  });
}

export async function stopChildren(): Promise<void> {
  await Promise.all(
    children.splice(0).reverse().map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const kill = setTimeout(() => child.kill("SIGKILL"), 10_000);
          child.once("exit", () => {
            clearTimeout(kill);
            resolve();
          });
          child.kill("SIGTERM");
        }),
    ),
  );
}
