// "Capture this page as evidence": a PNG of the visible tab, kept with its title, address and time.
// Runs in the popup (whose click grants activeTab for the page the user is looking at) or the
// background on the keyboard shortcut (which grants it too). Blobs and IndexedDB work in both.
import { browser } from 'wxt/browser';
import { addEvidence } from '@/utils/store/evidence';
import type { EvidenceItem } from '@/utils/store/db';

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
  const [item] = await addEvidence([
    { kind: 'screenshot', course, completedOn: null, name: `${title}.png`, contentType: 'image/png', sourceUrl: (tab.url ?? '').slice(0, 2000), countsForCompliance: true, data: blob },
  ]);
  return item!;
}
