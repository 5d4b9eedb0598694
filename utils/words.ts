// Lists in running text, the way the extension's messages write them.

/** "A", "A and B", "A, B and C". */
export function andList(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
