// A tiny Prisma generator: writes Prisma's parsed data model (options.dmmf.datamodel) to
// <output>/datamodel.json for the schema drift test. It speaks the generator protocol the
// CLI uses (see GeneratorProcess in node_modules/prisma/build/cli.js): JSON-RPC requests
// arrive one per line on stdin; responses go one per line to stderr. stdout is inherited
// by the CLI's terminal, so it must never carry protocol messages.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import readline from "node:readline";

const FILE_NAME = "datamodel.json";

function respond(message) {
  process.stderr.write(JSON.stringify({ jsonrpc: "2.0", ...message }) + "\n");
}

async function handle(request) {
  switch (request.method) {
    case "getManifest":
      return { manifest: { prettyName: "DMMF data model (drift test)", defaultOutput: "../lib/generated/dmmf", requiresEngines: [] } };
    case "generate": {
      const options = request.params;
      const outputDir = options.generator.output?.value;
      if (!outputDir) throw new Error("generator dmmf: no output directory");
      await mkdir(outputDir, { recursive: true });
      await writeFile(path.join(outputDir, FILE_NAME), JSON.stringify(options.dmmf.datamodel, null, 2) + "\n");
      return null;
    }
    default:
      throw Object.assign(new Error(`generator dmmf: unknown method ${request.method}`), { code: -32601 });
  }
}

readline.createInterface({ input: process.stdin, crlfDelay: Infinity }).on("line", async (line) => {
  if (!line.trim()) return;
  let request;
  try {
    request = JSON.parse(line);
  } catch {
    return; // not a protocol message; nothing sensible to answer
  }
  try {
    respond({ id: request.id, result: await handle(request) });
  } catch (error) {
    respond({ id: request.id, error: { code: error.code ?? -32000, message: error.message, data: { stack: error.stack } } });
  }
});
