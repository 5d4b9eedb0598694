// One manager per content script: starts the features that apply to the current URL and aborts them
// when the single-page app navigates (after Refined GitHub's feature manager).
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export interface Feature {
  name: string;
  include: (url: URL) => boolean;
  init: (signal: AbortSignal) => void | Promise<void>;
}

/** Longest the first start waits for the page's load event and paint (a dashboard's images can take seconds). */
const LOAD_WAIT_MS = 1_000;

/**
 * Resolves once the page has loaded and shown itself, or after LOAD_WAIT_MS: our work never holds up the
 * page's own load, nor its first paint, which on a quick page comes after `load`.
 */
function pageLoaded(): Promise<void> {
  // Put in after the load (a script an extension page asks for): its features start at once, so its message
  // listener is there when the injection is reported done.
  if (document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    // A task after the next frame is painted (a timer set in the frame's callback runs after it), not a
    // microtask inside the load event: work there would still count towards the load and delay the paint.
    // A hidden tab paints no frames: a task after the load is enough there.
    const afterPaint = () => (document.visibilityState === 'visible' ? requestAnimationFrame(() => setTimeout(resolve)) : setTimeout(resolve));
    window.addEventListener('load', afterPaint, { once: true });
    // Also when the tab is hidden before its frame (no frame comes until it is shown again).
    setTimeout(resolve, LOAD_WAIT_MS);
  });
}

export function runFeatures(ctx: ContentScriptContext, features: Feature[]): void {
  let controller: AbortController | null = null;
  const start = () => {
    controller?.abort();
    controller = new AbortController();
    const url = new URL(location.href);
    for (const feature of features) {
      if (!feature.include(url)) continue;
      Promise.resolve()
        .then(() => feature.init(controller!.signal))
        .catch((error: unknown) => console.warn(`[Mandatory Training Companion] ${feature.name} stopped:`, error));
    }
  };
  void pageLoaded().then(() => {
    if (ctx.isInvalid) return;
    start();
    ctx.addEventListener(window, 'wxt:locationchange', start);
  });
  ctx.onInvalidated(() => controller?.abort());
}
