// Patterns with Unicode classes (\p{L}, \p{M}), built the first time a text needs one and then kept.
// V8 checks a pattern's Unicode classes when it builds it: at module load for a pattern at top level, when
// it compiles the function around it for a literal. That cost 0.2–2 ms on a cold page, paid on every page
// of the sites even when no text needed the class. Written as a literal, the build may also turn it into a
// constructor call, a new pattern on every call.

/** The pattern `new RegExp(source, flags)`, made on the first call and the same object after. */
export function onFirstUse(source: string, flags = ''): () => RegExp {
  let pattern: RegExp | null = null;
  return () => (pattern ??= new RegExp(source, flags));
}
