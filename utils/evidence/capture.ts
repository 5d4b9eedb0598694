// "Capture this page as evidence": a PNG of the visible tab, kept with its title, address and time.
// Runs in the popup (whose click grants activeTab for the page the user is looking at) or the
// background on the keyboard shortcut (which grants it too). Blobs and IndexedDB work in both.
// The completion-issue flow can ask for the next capture to be kept for one course (`captureForCourse`):
// the flow page cannot capture the site's page itself (Chrome allows it only after the user's click
// or shortcut on that page).
import { browser } from 'wxt/browser';
import { META_KEYS } from '@/utils/data/keys';
import { broadcast } from '@/utils/data/send';
import { deleteMeta, readMeta, writeMeta } from '@/utils/store/meta';
import { addEvidence } from '@/utils/store/evidence';
import type { EvidenceItem } from '@/utils/store/db';

/** How long the flow's "capture a page for this course" waits for the user's capture. */
export const CAPTURE_FOR_MS = 15 * 60 * 1000;

/** The next capture (popup or Alt+Shift+E) within CAPTURE_FOR_MS is kept for `course`. */
export async function captureForCourse(course: string, now = Date.now()): Promise<void> {
  await writeMeta(META_KEYS.captureFor, { course: course.slice(0, 500), until: now + CAPTURE_FOR_MS });
}

/** The course a capture now is for, once (the request is used up), or null. */
async function takeCaptureCourse(now = Date.now()): Promise<string | null> {
  const wanted = await readMeta(META_KEYS.captureFor).catch(() => undefined);
  if (!wanted) return null;
  await deleteMeta(META_KEYS.captureFor).catch(() => undefined);
  return wanted.until >= now ? wanted.course : null;
}

export async function captureActiveTab(course: string | null, windowId?: number): Promise<EvidenceItem> {
  // The last focused browser window, not the popup itself.
  const win = windowId === undefined ? await browser.windows.getLastFocused({ windowTypes: ['normal'] }) : { id: windowId };
  const [tab] = await browser.tabs.query({ active: true, windowId: win.id });
  if (!tab || win.id === undefined) throw new Error('There is no page to capture. Click on the page first, then try again.');
  let dataUrl: string;
  try {
    dataUrl = await browser.tabs.captureVisibleTab(win.id, { format: 'png' });
  } catch {
    throw new Error('Chrome did not allow a capture of this page. Click the extension’s toolbar button while the page is showing, then “Capture this page”.');
  }
  const blob = await (await fetch(dataUrl)).blob();
  const title = (tab.title || 'Page').slice(0, 150);
  const forCourse = course ?? (await takeCaptureCourse());
  const [item] = await addEvidence([
    { kind: 'screenshot', course: forCourse, completedOn: null, name: `${title}.png`, contentType: 'image/png', sourceUrl: (tab.url ?? '').slice(0, 2000), countsForCompliance: true, data: blob },
  ]);
  // An open flow page or side panel shows it at once.
  broadcast('evidence-changed');
  return item!;
}
