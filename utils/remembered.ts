// A pure function of a text, answered once per text, for the readers' hot loops: every card of a list asks
// about the same few words ("Completed", "Due date", "12 Mar 2025") and every read after a redraw asks again.

/** `test`, remembered per text. Bounded, for pages that keep making new texts. */
export function remembered<T>(test: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    if (known.has(text)) return known.get(text)!;
    if (known.size >= 5000) known.clear();
    const value = test(text);
    known.set(text, value);
    return value;
  };
}
