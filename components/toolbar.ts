import { browser } from 'wxt/browser';

/**
 * Whether this page is the toolbar button's popup (Chrome sizes it to its content, and it closes once its
 * work is handed on), not the same page opened in a tab or window.
 */
export function inToolbarPopup(): boolean {
  try {
    return (browser.extension.getViews({ type: 'popup' }) as unknown[]).includes(window);
  } catch {
    return true;
  }
}
