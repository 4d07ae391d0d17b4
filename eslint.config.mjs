import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// Server code (Prisma, the search clients, lib/server) must never reach a client bundle.
const SERVER_ONLY_IMPORTS = {
  paths: [
    { name: "pg", message: "Database access lives in lib/server." },
    { name: "@elastic/elasticsearch", message: "Search clients live in lib/server/log-store." },
    { name: "@opensearch-project/opensearch", message: "Search clients live in lib/server/log-store." },
  ],
  patterns: [
    { group: ["@/lib/server", "@/lib/server/**", "**/lib/server/**", "../server/**"], message: "lib/server is server-only: call it from route handlers, not from client code or shared modules." },
    { group: ["@prisma/*", "@/lib/generated/**", "**/generated/prisma/**"], message: "Prisma is server-only: use a verb in lib/server." },
  ],
};

// Test support (lib/testing) is for tests only: production code importing it would ship fixtures and harnesses.
const TEST_SUPPORT_IMPORTS = { group: ["@/lib/testing", "@/lib/testing/**", "**/lib/testing/**", "../testing/**"], message: "lib/testing is test support: import it only from *.test.ts files." };

// Logs are read through a LogContext, whose store redacts every answer; only the context itself (and the health probe, which reads no logs) open the raw store.
const RAW_LOG_STORE_IMPORTS = { regex: "(^|/)log-store$", message: "Read logs through a LogContext (loadLogContext / createLogContext): its store redacts every answer before a verb sees it." };

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: ["node_modules/**", ".next/**", ".data/**", "lib/generated/**", "next-env.d.ts", "bench/results/**", "test-results/**", "playwright-report/**"],
  },
  {
    files: ["app/**", "components/**", "lib/**", "proxy.ts", "instrumentation.ts"],
    ignores: ["**/*.test.ts", "lib/testing/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [TEST_SUPPORT_IMPORTS] }] },
  },
  {
    files: ["app/**", "lib/server/**"],
    ignores: ["**/*.test.ts", "lib/server/log-store/**", "lib/server/logs/log-context.ts", "lib/server/logs/background-log-context.ts", "lib/server/health/get-health.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [TEST_SUPPORT_IMPORTS, RAW_LOG_STORE_IMPORTS] }] },
  },
  {
    files: ["components/**", "lib/schemas/**", "lib/queries/**", "lib/logs/**", "lib/time/**", "lib/sql/**", "lib/alerts/**", "lib/requests/**", "lib/security/**", "lib/auth/**", "lib/demo/**", "lib/*.ts", "app/**/*-view.tsx", "app/providers.tsx", "app/**/search-params.ts"],
    rules: { "no-restricted-imports": ["error", { ...SERVER_ONLY_IMPORTS, patterns: [...SERVER_ONLY_IMPORTS.patterns, TEST_SUPPORT_IMPORTS] }] },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
];

export default config;
