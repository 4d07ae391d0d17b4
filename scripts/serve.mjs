// Production server: Next's request handler behind a plain Node HTTP server, so the app
// learns the real peer address (for rate limits, the audit log and trusted-proxy checks).
// `next start` alone would let any client claim an address through X-Forwarded-For.
import { createServer } from "node:http";
import next from "next";
import { createPeerSecret, PEER_HEADER, PEER_SECRET_ENV, peerStamp } from "./lib/peer-stamp.mjs";

// Fresh for every process and set before Next loads the app, which reads it from the environment.
// Under any other server the variable is missing (or different), and the app ignores the header.
const peerSecret = createPeerSecret();
process.env[PEER_SECRET_ENV] = peerSecret;

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";
const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();

await app.prepare();
const server = createServer((request, response) => {
  // Overwrite whatever a client sent: only the socket knows who is really connected.
  request.headers[PEER_HEADER] = peerStamp(peerSecret, request.socket.remoteAddress ?? "unknown");
  void handle(request, response);
});
server.listen(port, hostname, () => {
  console.log(JSON.stringify({ "@timestamp": new Date().toISOString(), log: { level: "INFO" }, message: `Triage listening on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}` }));
});

const shutdown = () => server.close(() => process.exit(0));
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
