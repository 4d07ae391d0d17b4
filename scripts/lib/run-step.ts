// Runs one command of a script with inherited output and reports how it went.
import { spawn } from "node:child_process";

export interface StepResult {
  code: number;
  ms: number;
}

export function runStep(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<StepResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("exit", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), ms: Math.round(performance.now() - started) }));
    child.on("error", () => resolve({ code: 127, ms: Math.round(performance.now() - started) }));
  });
}
