// Where the completion-issue flow lives (docs/contract.md, "Completion-issue flow"): one extension page,
// report.html, told the course(s) by its address. The popup, the side panel and (through the background)
// a renewal badge open it; one flow tab at a time, reused, so nothing can pile tabs up.
import { browser } from 'wxt/browser';

export const FLOW_PAGE = '/report.html' as const;

/** Where the flow was started from: said in the page, and kept for nothing else. */
export type FlowStart = 'popup' | 'badge' | 'panel';

export interface FlowRequest {
  /** Catalogue course names, as chosen where the flow started (checked against the profile by the page). */
  courses: string[];
  from: FlowStart;
  /** Role-specific training (outside the catalogue): the evidence goes to a department. */
  roleSpecific: boolean;
}

/** At most this many courses in one request: the catalogue is short; anything longer is not ours. */
const MAX_COURSES = 50;

export function flowPath(request: Partial<FlowRequest> & { courses: readonly string[] }): `${typeof FLOW_PAGE}?${string}` {
  const params = new URLSearchParams();
  for (const course of request.courses.slice(0, MAX_COURSES)) params.append('course', course.slice(0, 500));
  params.set('from', request.from ?? 'panel');
  if (request.roleSpecific) params.set('role', '1');
  return `${FLOW_PAGE}?${params}`;
}

export function flowRequestOf(search: string): FlowRequest {
  const params = new URLSearchParams(search);
  const from = params.get('from');
  const courses = [...new Set(params.getAll('course').map((c) => c.trim()).filter(Boolean))].slice(0, MAX_COURSES);
  return {
    courses,
    from: from === 'popup' || from === 'badge' ? from : 'panel',
    roleSpecific: params.get('role') === '1',
  };
}

/**
 * Opens the flow for `request`, in the flow tab already open if there is one (brought to the front),
 * else in a new tab. Called after the user's click (popup, side panel, or a badge through the background).
 */
export async function openFlowTab(request: Partial<FlowRequest> & { courses: readonly string[] }): Promise<void> {
  const url = browser.runtime.getURL(flowPath(request));
  const page = browser.runtime.getURL(FLOW_PAGE);
  const contexts = await browser.runtime.getContexts({ contextTypes: ['TAB' as never] }).catch(() => []);
  const open = contexts.find((c) => c.tabId !== undefined && c.tabId >= 0 && (c.documentUrl ?? '').split('?')[0] === page);
  if (open?.tabId !== undefined) {
    await browser.tabs.update(open.tabId, { url, active: true });
    if (open.windowId !== undefined && open.windowId >= 0) await browser.windows.update(open.windowId, { focused: true }).catch(() => undefined);
    return;
  }
  await browser.tabs.create({ url, active: true });
}
