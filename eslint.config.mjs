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

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: ["node_modules/**", ".next/**", ".data/**", "lib/generated/**", "next-env.d.ts", "bench/results/**", "test-results/**", "playwright-report/**"],
  },
  {
    files: ["components/**", "lib/schemas/**", "lib/queries/**", "lib/logs/**", "lib/time/**", "lib/sql/**", "lib/alerts/**", "lib/requests/**", "lib/security/**", "lib/auth/**", "lib/demo/**", "lib/*.ts", "app/**/*-view.tsx", "app/providers.tsx", "app/**/search-params.ts"],
    rules: { "no-restricted-imports": ["error", SERVER_ONLY_IMPORTS] },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
];

export default config;
