// Parse a demo page's HTML as the browser at `url` would see it (jsdom test files only).
export function parsePage(html: string, url: string): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  // DOMParser documents take the test runner's URL; a <base> makes relative links resolve like on the site.
  const base = doc.createElement('base');
  base.href = url;
  doc.head.prepend(base);
  return doc;
}
