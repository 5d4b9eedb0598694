// Content scripts put in a tab only when the user asks for what they do: on LearnUpon, the evidence
// collector and "What I read on this page" (entrypoints/learnupon-on-request.content.ts). Every page of
// the portal would otherwise load them beside the badges (issue 15: each content script at most 20 KB
// gzipped, and as little as can be to evaluate on every page). CybSafe's own script still carries its
// listeners. Needs the `scripting` permission; the sites' host permissions already let us in.
import { browser } from 'wxt/browser';
import type { Site } from '@/utils/hosts';

const ON_REQUEST = { learnupon: '/content-scripts/learnupon-on-request.js' } as const;

/** Longer than a script put in the page waits for its load (utils/content/features.ts): not put in again before it could answer. */
const PUT_AGAIN_MS = 1_500;

/** When each tab last had its script put in, from this extension page. */
const putAt = new Map<number, number>();

/**
 * Puts the site's on-request script in the tab's page (a script already there is replaced by the new one);
 * false when there is none for the site, when one was put in that tab less than PUT_AGAIN_MS ago (it may
 * not be listening yet), or when the page would not take it (still loading, or another site's).
 */
export async function putOnRequestScript(tabId: number, site: Site): Promise<boolean> {
  if (!(site in ON_REQUEST) || Date.now() - (putAt.get(tabId) ?? -Infinity) <= PUT_AGAIN_MS) return false;
  const file = ON_REQUEST[site as keyof typeof ON_REQUEST];
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [file] });
    putAt.set(tabId, Date.now());
    return true;
  } catch {
    return false;
  }
}
