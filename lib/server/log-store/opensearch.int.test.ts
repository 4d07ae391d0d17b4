import { SEARCH_ENGINES } from "@/scripts/lib/search-engines";
import { describeLogStoreContract, requireTestEnv } from "@/lib/testing/log-store-contract";

// The test runner starts the node with scripts/search-node.ts and exports TEST_OS_URL;
// TEST_OS_VERSION overrides the expected version when pointing at another cluster.
describeLogStoreContract("OpenSearch", () => ({
  engine: "opensearch",
  version: process.env.TEST_OS_VERSION ?? SEARCH_ENGINES.opensearch.version,
  config: {
    url: requireTestEnv("TEST_OS_URL", "start a node with `tsx scripts/search-node.ts start --engine opensearch --port 9211 --name test-opensearch` and export TEST_OS_URL (or run npm test)"),
    username: process.env.TEST_OS_USERNAME,
    password: process.env.TEST_OS_PASSWORD,
    requestTimeoutMs: 30_000,
  },
}));
