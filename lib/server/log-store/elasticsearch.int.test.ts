import { SEARCH_ENGINES } from "@/scripts/lib/search-engines";
import { describeLogStoreContract, requireTestEnv } from "@/lib/testing/log-store-contract";

// The test runner starts the node with scripts/search-node.ts and exports TEST_ES_*;
// TEST_ES_VERSION overrides the expected version when pointing at another cluster.
describeLogStoreContract("Elasticsearch", () => ({
  engine: "elasticsearch",
  version: process.env.TEST_ES_VERSION ?? SEARCH_ENGINES.elasticsearch.version,
  config: {
    url: requireTestEnv("TEST_ES_URL", "start a node with `tsx scripts/search-node.ts start --engine elasticsearch --port 9210 --name test-elasticsearch` and export TEST_ES_URL, TEST_ES_USERNAME, TEST_ES_PASSWORD (or run npm test)"),
    username: process.env.TEST_ES_USERNAME,
    password: process.env.TEST_ES_PASSWORD,
    requestTimeoutMs: 30_000,
  },
}));
