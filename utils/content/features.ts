// One manager per content script: starts the features that apply to the current URL and aborts them
// when the single-page app navigates (after Refined GitHub's feature manager).
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export interface Feature {
  name: string;
  include: (url: URL) => boolean;
  init: (signal: AbortSignal) => void | Promise<void>;
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
  start();
  ctx.addEventListener(window, 'wxt:locationchange', start);
  ctx.onInvalidated(() => controller?.abort());
}
