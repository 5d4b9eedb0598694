// In-page UI lives in a shadow root: the page's styles cannot break it and ours cannot leak out.
// Styles go in as a constructed stylesheet, which a page's CSP (style-src) does not block.

const sheets = new Map<string, CSSStyleSheet | null>();

function sheetFor(css: string): CSSStyleSheet | null {
  if (!sheets.has(css)) {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      sheets.set(css, sheet);
    } catch {
      sheets.set(css, null); // older DOMs (and jsdom): fall back to a <style> element
    }
  }
  return sheets.get(css) ?? null;
}

export function createShadowHost(tag: string, css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement(tag);
  const root = host.attachShadow({ mode: 'open' });
  const sheet = sheetFor(css);
  if (sheet) root.adoptedStyleSheets = [sheet];
  else root.append(Object.assign(document.createElement('style'), { textContent: css }));
  return { host, root };
}

/** Builds an element with text only: page-supplied strings never become markup. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { class?: string; text?: string; attrs?: Record<string, string> } = {},
  ...children: (Node | null | false)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  for (const child of children) if (child) node.append(child);
  return node;
}
