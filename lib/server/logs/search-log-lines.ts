import "server-only";

/**
 * The log lines API's original names. The explorer's verb answers both: the same lines, total and
 * redaction, plus paging cursors, the histogram and the sidebar's top values.
 */
export { queryLogPage as queryLogLines, getLogPage as searchLogLines } from "./get-log-page";
