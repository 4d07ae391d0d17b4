import "server-only";
import pino from "pino";

// JSON lines on stdout: Triage's own logs are shaped like the logs it reads.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: { name: "triage" } },
  messageKey: "message",
  timestamp: () => `,"@timestamp":"${new Date().toISOString()}"`,
  formatters: { level: (label) => ({ log: { level: label.toUpperCase() } }) },
});
