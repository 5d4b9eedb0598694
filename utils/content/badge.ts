// The renewal badge beside a course entry (docs/contract.md: data-mtc="renewal" and friends).
// Colour plus words, keyboard-focusable, with an expander that says how the date was worked out.
import type { CourseSummary } from '@/utils/renewal/summary';
import { statusLabel } from '@/utils/renewal/summary';
import { createShadowHost, el } from './shadow';
import { send } from './state';

const CSS = `
:host { all: initial; display: inline-block; margin: 4px 0 4px 8px; vertical-align: middle; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Arial, sans-serif; }
button { font: inherit; cursor: pointer; border-radius: 999px; padding: 2px 10px; border: 1px solid currentColor; display: inline-flex; gap: 6px; align-items: center; }
button:focus-visible { outline: 3px solid #1a56db; outline-offset: 2px; }
.icon { font-weight: 700; }
.overdue { background: #fdecea; color: #8c1d18; }
.due-soon { background: #fff4d6; color: #6b4000; }
.current { background: #e6f4ea; color: #14532d; }
.not-completed { background: #eef2ff; color: #1e3a8a; }
.unknown { background: #f1f1f1; color: #3d3d3d; }
.details { display: block; margin-top: 4px; padding: 6px 10px; max-width: 320px; background: #fff; color: #1f1f1f; border: 1px solid #767676; border-radius: 6px; }
.details[hidden] { display: none; }
`;

const ICONS: Record<CourseSummary['status'], string> = {
  overdue: '!',
  'due-soon': '◔',
  current: '✓',
  'not-completed': '○',
  unknown: '?',
};

/**
 * The badge's inside, built once per page and cloned for each badge: a long list mounts hundreds, and one
 * native clone costs less than a dozen elements, attributes and listeners made one by one from script.
 * Texts are set afterwards, as text: page-supplied strings never become markup.
 */
let template: DocumentFragment | null = null;

function badgeTemplate(): DocumentFragment {
  if (template?.ownerDocument !== document) {
    template = document.createDocumentFragment();
    const details = el('span', { class: 'details', attrs: { id: 'details', role: 'note' } }, document.createTextNode(''));
    details.hidden = true;
    details.append(el('button', { class: 'report', text: 'My completion isn’t recorded', attrs: { type: 'button', 'data-mtc-action': 'report-issue' } }));
    template.append(
      el('button', { attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'details' } }, el('span', { class: 'icon', attrs: { 'aria-hidden': 'true' } }), el('span')),
      details,
    );
  }
  return template!;
}

/** Every badge renderBadge makes (contract: data-mtc="renewal"). */
export const BADGE_SELECTOR = 'mtc-renewal[data-mtc="renewal"]';

export function renderBadge(summary: CourseSummary): HTMLElement {
  const { host, root } = createShadowHost('mtc-renewal', BADGE_CSS);
  host.dataset.mtc = 'renewal';
  host.dataset.mtcCourse = summary.course.name;
  host.dataset.mtcStatus = summary.status;
  host.dataset.mtcDue = summary.due ?? '';
  const inside = badgeTemplate().cloneNode(true) as DocumentFragment;
  const button = inside.firstElementChild as HTMLButtonElement;
  const details = button.nextElementSibling as HTMLElement;
  const report = details.lastElementChild!;
  button.className = summary.status;
  button.title = summary.explanation;
  button.firstElementChild!.textContent = ICONS[summary.status];
  button.lastElementChild!.textContent = statusLabel(summary.status, summary.due, undefined, summary.basis);
  (details.firstChild as Text).data = `${summary.course.name}: ${summary.explanation}.`;
  report.setAttribute('data-mtc-course', summary.course.name);
  root.append(inside);
  listen(root, button, details, summary.course.name);
  return host;
}

/**
 * The badge's two listeners, on its shadow root: the button opens and closes the expanded view, "My completion
 * isn't recorded" asks for the flow, and Escape closes the view and puts focus back on the button. Clicks
 * stop here: the badge often sits inside the course's link card, which must not navigate.
 */
function listen(root: ShadowRoot, button: HTMLButtonElement, details: HTMLElement, course: string): void {
  root.addEventListener('click', (event) => {
    const target = (event.target as Element).closest('button');
    if (!target) return;
    event.preventDefault();
    event.stopPropagation();
    if (target === button) {
      details.hidden = !details.hidden;
      button.setAttribute('aria-expanded', String(!details.hidden));
    } else if (event.isTrusted) {
      // Only a real click counts: a page script's click (not trusted) opens nothing, and nothing here
      // downloads or emails. The background opens the flow for this course in an extension page.
      void send({ type: 'report-issue', course }).catch(() => undefined);
    }
  });
  root.addEventListener('keydown', (event) => {
    if ((event as KeyboardEvent).key !== 'Escape' || details.hidden) return;
    event.stopPropagation();
    details.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    button.focus();
  });
}

/** Same course, status and due date: the badge on the page is still right. */
export function badgeMatches(host: Element, summary: CourseSummary): boolean {
  const data = (host as HTMLElement).dataset;
  return data.mtcCourse === summary.course.name && data.mtcStatus === summary.status && data.mtcDue === (summary.due ?? '');
}

// ---- The completion-issue flow starts here too (docs/contract.md, "Completion-issue flow") ----

const REPORT_CSS = `
.details .report { display: flex; margin-top: 6px; border-radius: 4px; background: #fff; color: #1e3a8a; border-color: #1e3a8a; }
`;
/** Both sheets as one string, made once: the shared stylesheet is looked up by its text for every badge. */
const BADGE_CSS = CSS + REPORT_CSS;
