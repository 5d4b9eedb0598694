// A JSDOM of our own per page, so each page has its real URL and, when asked, runs its own scripts.
import { createRequire } from 'node:module';

// jsdom ships no types (and @types/jsdom is not installed): type the one constructor used.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new (
    html: string,
    options: { url: string; runScripts?: 'dangerously'; pretendToBeVisual?: boolean; beforeParse?: (window: Window) => void },
  ) => { window: Window };
};

export interface LoadOptions {
  runScripts?: boolean;
  beforeParse?: (window: Window) => void;
}

export function loadPage(html: string, url: string, options: LoadOptions = {}): Document {
  const dom = new JSDOM(html, { url, runScripts: options.runScripts ? 'dangerously' : undefined, pretendToBeVisual: true, beforeParse: options.beforeParse });
  return dom.window.document;
}
