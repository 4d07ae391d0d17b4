import path from "node:path";
import { fileURLToPath } from "node:url";

export type SearchEngineName = "elasticsearch" | "opensearch";

/** What differs between the two engines' integration-test distributions. */
export interface SearchEngineSpec {
  name: SearchEngineName;
  label: string;
  version: string;
  /** Maven coordinates of the integ-test zip (groupId:artifactId:version:type). */
  artifact: string;
  bin: string;
  configFile: string;
  javaHomeVar: string;
  javaOptsVar: string;
  pathConfVar: string;
  tmpDirVar: string;
  /** Elasticsearch gets security with a file-realm user; the OpenSearch test zip has no security plugin. */
  security: boolean;
}

export const SEARCH_ENGINES: Record<SearchEngineName, SearchEngineSpec> = {
  elasticsearch: {
    name: "elasticsearch",
    label: "Elasticsearch",
    version: "9.5.0",
    artifact: "org.elasticsearch.distribution.integ-test-zip:elasticsearch:9.5.0:zip",
    bin: "elasticsearch",
    configFile: "elasticsearch.yml",
    javaHomeVar: "ES_JAVA_HOME",
    javaOptsVar: "ES_JAVA_OPTS",
    pathConfVar: "ES_PATH_CONF",
    tmpDirVar: "ES_TMPDIR",
    security: true,
  },
  opensearch: {
    name: "opensearch",
    label: "OpenSearch",
    version: "3.8.0",
    artifact: "org.opensearch.distribution.integ-test-zip:opensearch:3.8.0:zip",
    bin: "opensearch",
    configFile: "opensearch.yml",
    javaHomeVar: "OPENSEARCH_JAVA_HOME",
    javaOptsVar: "OPENSEARCH_JAVA_OPTS",
    pathConfVar: "OPENSEARCH_PATH_CONF",
    tmpDirVar: "OPENSEARCH_TMPDIR",
    security: false,
  },
};

// Local development credentials only: the node listens on 127.0.0.1 and holds throwaway data.
export const DEV_USERNAME = "triage";
export const DEV_PASSWORD = "triage-dev-password";

/** Unprivileged account the engines run as: both refuse to start as root. */
export const SERVICE_USER = "triage-search";

export function isSearchEngineName(value: string): value is SearchEngineName {
  return value === "elasticsearch" || value === "opensearch";
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export const searchDirs = {
  repoRoot,
  data: path.join(repoRoot, ".data"),
  engines: path.join(repoRoot, ".data", "engines"),
  downloads: path.join(repoRoot, ".data", "downloads"),
  instances: path.join(repoRoot, ".data", "search"),
};

export function engineHome(spec: SearchEngineSpec): string {
  return path.join(searchDirs.engines, `${spec.name}-${spec.version}`);
}
