// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { renderBadge } from '@/utils/content/badge';
import { renderAlert } from '@/utils/content/alerts';
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
});
