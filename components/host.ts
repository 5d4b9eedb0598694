/** The site part of an address for display, or `fallback` when it is not a URL (stored data is not trusted to be one). */
export function hostOf(url: string, fallback: string): string {
  try {
    return new URL(url).host;
  } catch {
    return fallback;
  }
}
