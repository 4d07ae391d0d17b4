const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const LONG_HEX = /\b(?=[0-9a-f]*\d)[0-9a-f]{16,}\b/gi;
// A number standing alone (not part of a word like "2000ms" or "v2"), with an optional decimal part.
const NUMBER = /(?<![\w.])\d+(?:\.\d+)?(?![\w])/g;

/**
 * One failure mode, one row: ids and numbers in an error message are replaced, so
 * "refresh of user:8045 lost the race (expected version 33, found 34)" groups with every other
 * user and version. Words that merely contain digits ("2000ms", "v2") stay as they are.
 */
export function normalizeErrorMessage(message: string): string {
  return message.replace(UUID, "{id}").replace(LONG_HEX, "{id}").replace(NUMBER, "{n}");
}
