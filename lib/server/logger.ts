import "server-only";
import pino, { type LoggerOptions } from "pino";
import { stripUrlCredentialsInText } from "@/lib/security/strip-url-credentials";

// JSON lines on stdout: Triage's own logs are shaped like the logs it reads.
export const LOGGER_OPTIONS: LoggerOptions = {
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: { name: "triage" } },
  messageKey: "message",
  timestamp: () => `,"@timestamp":"${new Date().toISOString()}"`,
  formatters: { level: (label) => ({ log: { level: label.toUpperCase() } }) },
  // Last stop before stdout: no URL in a message, an error or its stack keeps its credentials.
  hooks: { streamWrite: stripUrlCredentialsInText },
};

export const logger = pino(LOGGER_OPTIONS);
