/**
 * Whether two index patterns (names with `*` wildcards) can match the same index, and a name both
 * match. Two log sources whose patterns overlap would count the same lines twice, so the second is
 * refused even before such an index exists: indices are created by shippers long after the setting.
 */
export function patternOverlap(first: string, second: string): string | null {
  const memo = new Map<number, string | null>();
  const width = second.length + 1;
  // witness(i, j): a string matched by first[i..] and by second[j..], or null when none exists.
  const witness = (i: number, j: number): string | null => {
    const key = i * width + j;
    if (memo.has(key)) return memo.get(key)!;
    let found: string | null = null;
    const a = first[i];
    const b = second[j];
    if (a === undefined && b === undefined) found = "";
    else if (a === "*" && b === "*") found = witness(i + 1, j) ?? witness(i, j + 1);
    else if (a === "*") found = witness(i + 1, j) ?? (b !== undefined ? prefix(b, witness(i, j + 1)) : null);
    else if (b === "*") found = witness(i, j + 1) ?? (a !== undefined ? prefix(a, witness(i + 1, j)) : null);
    else if (a === b) found = prefix(a!, witness(i + 1, j + 1));
    memo.set(key, found);
    return found;
  };
  return witness(0, 0);
}

const prefix = (char: string, rest: string | null) => (rest === null ? null : char + rest);
