// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderBadge } from '@/utils/content/badge';
import { renderAlert } from '@/utils/content/alerts';
import { mountAlert } from '@/utils/content/placement';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import type { CourseSummary } from '@/utils/renewal/summary';

const PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

function summary(patch: Partial<CourseSummary> = {}): CourseSummary {
  return {
    course: UCL_PROFILE.courses[2]!, status: 'overdue', due: '2026-11-03', basis: 'computed', latest: null, history: [],
    explanation: 'Completed 3 Nov 2023 + 3 years', ...patch,
  } as CourseSummary;
}

describe('renewal badge', () => {
  it('carries the contract attributes and says the status in words', () => {
    const host = renderBadge(summary());
    expect(host.dataset).toMatchObject({ mtc: 'renewal', mtcCourse: 'UCL Fire Safety', mtcStatus: 'overdue', mtcDue: '2026-11-03' });
    expect(host.shadowRoot!.textContent).toContain('Overdue since 3 Nov 2026');
  });

  it('has an empty due attribute when there is no due date', () => {
    expect(renderBadge(summary({ status: 'not-completed', due: null })).dataset.mtcDue).toBe('');
  });

  it('shows the date the platform set for a course never completed, to complete (not renew) by', () => {
    const later = renderBadge(summary({ status: 'not-completed', due: '2026-12-20', basis: 'assigned', explanation: 'Not completed yet: due date 20 Dec 2026 set by LearnUpon' }));
    expect(later.dataset).toMatchObject({ mtcStatus: 'not-completed', mtcDue: '2026-12-20' });
    expect(later.shadowRoot!.textContent).toContain('Not completed yet — due 20 Dec 2026');
    const soon = renderBadge(summary({ status: 'due-soon', due: '2026-12-20', basis: 'assigned' }));
    expect(soon.shadowRoot!.textContent).toContain('Due soon: complete by 20 Dec 2026');
  });

  it('expands to say how the date was worked out, and toggles aria-expanded', () => {
    const host = renderBadge(summary());
    document.body.append(host);
    const button = host.shadowRoot!.querySelector('button')!;
    const details = host.shadowRoot!.querySelector<HTMLElement>('.details')!;
    expect(details.hidden).toBe(true);
    button.click();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(details.hidden).toBe(false);
    expect(details.textContent).toContain('Completed 3 Nov 2023 + 3 years');
  });

  it('closes its expanded view on Escape, from inside it too, and puts focus back on its button', () => {
    const host = renderBadge(summary());
    document.body.append(host);
    const button = host.shadowRoot!.querySelector('button')!;
    const details = host.shadowRoot!.querySelector<HTMLElement>('.details')!;
    button.click();
    details.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(details.hidden).toBe(true);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(host.shadowRoot!.activeElement).toBe(button);
    // Closed already: Escape is left to the page.
    const pageHeard = vi.fn();
    document.addEventListener('keydown', pageHeard);
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    document.removeEventListener('keydown', pageHeard);
    expect(pageHeard).toHaveBeenCalledTimes(1);
    host.remove();
  });

  it('each badge is its own, though all are cloned from one template: its course, its expanded view, its report button', () => {
    const fire = renderBadge(summary());
    const other = renderBadge(summary({ course: UCL_PROFILE.courses[0]!, status: 'current', due: '2027-01-05', explanation: 'Completed 5 Jan 2024 + 3 years' }));
    document.body.append(fire, other);
    const [fireButton, otherButton] = [fire, other].map((h) => h.shadowRoot!.querySelector('button')!);
    expect(fireButton!.className).toBe('overdue');
    expect(otherButton!.className).toBe('current');
    expect(otherButton!.title).toBe('Completed 5 Jan 2024 + 3 years');
    fireButton!.click();
    expect(fireButton!.getAttribute('aria-expanded')).toBe('true');
    expect(otherButton!.getAttribute('aria-expanded')).toBe('false');
    expect(other.shadowRoot!.querySelector<HTMLElement>('.details')!.hidden).toBe(true);
    expect(fire.shadowRoot!.querySelector('.details')!.textContent).toContain(`${UCL_PROFILE.courses[2]!.name}: Completed 3 Nov 2023 + 3 years.`);
    expect(fire.shadowRoot!.querySelector('[data-mtc-action="report-issue"]')!.getAttribute('data-mtc-course')).toBe(UCL_PROFILE.courses[2]!.name);
    expect(other.shadowRoot!.querySelector('[data-mtc-action="report-issue"]')!.getAttribute('data-mtc-course')).toBe(UCL_PROFILE.courses[0]!.name);
    // A click on the report button (not trusted here: a script's) neither toggles the view nor reaches the page.
    const pageHeard = vi.fn();
    document.addEventListener('click', pageHeard);
    fire.shadowRoot!.querySelector<HTMLElement>('[data-mtc-action="report-issue"]')!.click();
    document.removeEventListener('click', pageHeard);
    expect(pageHeard).not.toHaveBeenCalled();
    expect(fireButton!.getAttribute('aria-expanded')).toBe('true');
    fire.remove();
    other.remove();
  });

  it('shows page-supplied text literally, never as markup', () => {
    const host = renderBadge(summary({ course: { ...UCL_PROFILE.courses[2]!, name: PAYLOAD }, explanation: PAYLOAD }));
    document.body.append(host);
    expect(host.shadowRoot!.querySelector('img, script')).toBeNull();
    expect(host.shadowRoot!.textContent).toContain(PAYLOAD);
  });
});

describe('alert', () => {
  it('is announced, dismissible by button and Escape, and keeps page text literal', () => {
    const onDismiss = vi.fn();
    const host = renderAlert(
      { kind: 'sso-error', title: PAYLOAD, steps: [{ text: PAYLOAD, href: 'https://myapps.microsoft.com' }, { text: 'Sign out' }], details: { 'Request Id': PAYLOAD } },
      onDismiss,
    );
    document.body.append(host);
    expect(host.dataset).toMatchObject({ mtc: 'alert', mtcAlert: 'sso-error' });
    const root = host.shadowRoot!;
    expect(root.querySelector('[role="alert"]')).not.toBeNull();
    expect(root.querySelector('img, script')).toBeNull();
    expect(root.querySelector('a')!.getAttribute('rel')).toContain('noopener');
    root.querySelector('button')!.click();
    root.querySelector('section')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(onDismiss).toHaveBeenCalledTimes(2);
  });

  it('gives focus back to where it was on the page when dismissed from inside', () => {
    document.body.innerHTML = '<a href="#main">Skip</a><input id="email"><main id="main"><button id="next">Next</button></main>';
    const email = document.getElementById('email')!;
    const host = renderAlert({ kind: 'wrong-account', title: 'Wrong account', steps: [{ text: 'Sign out' }] }, () => host.remove());
    document.body.prepend(host);
    email.focus();
    const dismiss = host.shadowRoot!.querySelector('button')!;
    dismiss.focus();
    expect(document.activeElement).toBe(host);
    dismiss.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(host.isConnected).toBe(false);
    expect(document.activeElement).toBe(email);
  });

  it('leaves focus alone when dismissed while focus is elsewhere', () => {
    document.body.innerHTML = '<input id="email">';
    const email = document.getElementById('email')!;
    const host = renderAlert({ kind: 'sso-error', title: 'Problem', steps: [{ text: 'Try again' }] }, () => host.remove());
    document.body.prepend(host);
    email.focus();
    host.shadowRoot!.querySelector('button')!.click();
    expect(document.activeElement).toBe(email);
  });
});

describe('where an alert goes in the page', () => {
  // jsdom lays nothing out: every element counts as rendered here.
  beforeAll(() => void vi.spyOn(HTMLElement.prototype, 'getClientRects').mockReturnValue([{}] as unknown as DOMRectList));
  afterAll(() => vi.restoreAllMocks());
  const alert = () => renderAlert({ kind: 'sso-error', title: 'Problem', steps: [{ text: 'Try again' }] }, () => undefined);

  it('goes right after the page\'s skip link, so it is the second Tab stop', () => {
    document.body.innerHTML = '<a href="#main">Skip to main content</a><header><a href="/">Home</a></header><main id="main"></main>';
    const host = alert();
    const stop = mountAlert(host);
    expect(host.previousElementSibling?.textContent).toBe('Skip to main content');
    stop();
  });

  it('goes first in <body> when the page has no skip link (a link to another page is none)', () => {
    document.body.innerHTML = '<a href="/elsewhere#main">Elsewhere</a><main id="main"><button>Next</button></main>';
    const host = alert();
    const stop = mountAlert(host);
    expect(document.body.firstElementChild).toBe(host);
    stop();
  });

  it('is put back when the page redraws its body, and not after it is dismissed', async () => {
    document.body.innerHTML = '<main><input></main>';
    const host = alert();
    const stop = mountAlert(host);
    document.body.innerHTML = '<main><p>Redrawn</p></main>';
    await new Promise((resolve) => setTimeout(resolve));
    expect(document.body.firstElementChild).toBe(host);
    stop();
    host.remove();
    document.body.innerHTML = '<main></main>';
    await new Promise((resolve) => setTimeout(resolve));
    expect(host.isConnected).toBe(false);
  });
});
