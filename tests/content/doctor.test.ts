// @vitest-environment jsdom
// The doctor's looks after load (utils/content/doctor.ts): three, at RECHECK_DELAYS_MS, each cheap unless
// the page changed. An error the page renders late is still found; an unchanged page is not walked again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DOCTOR_MARKS, RECHECK_DELAYS_MS, initDoctor } from '@/utils/content/doctor';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { mentionsProblemIn } from '@/utils/diagnostics/trouble';
import type { Diagnosis } from '@/utils/diagnostics/alerts';
import type { PageAccount } from '@/utils/platforms/types';

const DASHBOARD = '<header><span>Alex Taylor</span> <span>a.taylor@ucl.ac.uk</span></header><main><h1>My courses</h1><ul id="list"><li>UCL Fire Safety</li><li>Information Security</li></ul></main>';
const PROBLEM = 'There was a problem processing your request';

/** A diagnoser that finds LearnUpon's sign-in error when an alert region shows it (the real ones are tested in tests/diagnostics). */
const diagnose = vi.fn((root: ParentNode): Diagnosis | null => {
  const shown = Array.from(root.querySelectorAll('[role="alert"]')).some((el) => !el.hasAttribute('hidden') && el.textContent?.includes(PROBLEM));
  return shown ? { kind: 'sso-error', title: 'LearnUpon could not sign you in', steps: [] } : null;
});
const readAccount = vi.fn((root: ParentNode): PageAccount => ({ name: null, email: /\S+@\S+/.exec(root.querySelector('header')?.textContent ?? '')?.[0] ?? null }));

let controller: AbortController;
const looks = () => performance.getEntriesByName(DOCTOR_MARKS.checked).length;
const alertShown = () => document.querySelector('[data-mtc="alert"]')?.getAttribute('data-mtc-alert') ?? null;

/** Starts the doctor, then runs `at[ms]` at those times after its start, up to its last look. */
async function run(options: { mentionsProblem?: boolean }, at: Record<number, () => void> = {}): Promise<void> {
  void initDoctor({ signal: controller.signal, diagnose, readAccount, watchLoads: false, ...(options.mentionsProblem ? { mentionsProblem: mentionsProblemIn } : {}) });
  await vi.advanceTimersByTimeAsync(0);
  let now = 0;
  for (const t of Object.keys(at).map(Number).sort((a, b) => a - b)) {
    await vi.advanceTimersByTimeAsync(t - now);
    at[t]!();
    now = t;
  }
  await vi.advanceTimersByTimeAsync(RECHECK_DELAYS_MS.at(-1)! + 100 - now);
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  performance.clearMarks();
  document.body.innerHTML = DASHBOARD;
  controller = new AbortController();
  diagnose.mockClear();
  readAccount.mockClear();
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type: string }) => {
    if (message.type === 'get-state') return { profile: UCL_PROFILE, today: '2026-11-28', records: null };
    if (message.type === 'is-alert-dismissed') return { dismissed: false };
    return {};
  }) as never);
});

afterEach(() => {
  controller.abort();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the doctor looks three times, cheaply', () => {
  it('walks an unchanged page once, though it looks three times', async () => {
    await run({});
    expect(looks()).toBe(RECHECK_DELAYS_MS.length);
    expect(diagnose).toHaveBeenCalledTimes(1);
    expect(readAccount).toHaveBeenCalledTimes(1);
    expect(alertShown()).toBeNull();
  });

  it('finds an error the page renders after the first look', async () => {
    await run({ mentionsProblem: true }, { 400: () => document.querySelector('main')!.insertAdjacentHTML('afterbegin', `<p role="alert">${PROBLEM}</p>`) });
    expect(looks()).toBe(RECHECK_DELAYS_MS.length);
    expect(alertShown()).toBe('sso-error');
  });

  it('finds an error that was on the page, hidden, and is shown later (its text never changed)', async () => {
    document.querySelector('main')!.insertAdjacentHTML('afterbegin', `<p role="alert" hidden>${PROBLEM}</p>`);
    await run({ mentionsProblem: true }, { 1200: () => document.querySelector('[role="alert"]')!.removeAttribute('hidden') });
    expect(diagnose).toHaveBeenCalledTimes(2); // at 0 (hidden) and at 2500; not at 800 (unchanged since 0)
    expect(alertShown()).toBe('sso-error');
  });

  it('does not walk a list drawn again from the same data (the same text, no problem words)', async () => {
    const list = document.getElementById('list')!;
    await run({ mentionsProblem: true }, { 300: () => (list.innerHTML = list.innerHTML) });
    expect(diagnose).not.toHaveBeenCalled(); // its own words are nowhere in the page's text
    expect(readAccount).toHaveBeenCalledTimes(1);
  });

  it('reads the account again when the page shows another one, and says it is the wrong account', async () => {
    await run({ mentionsProblem: true }, { 300: () => (document.querySelector('header')!.innerHTML = '<span>alex@gmail.com</span>') });
    expect(readAccount).toHaveBeenCalledTimes(2);
    expect(alertShown()).toBe('wrong-account');
  });

  it('does not count our own badges coming as a change of the page', async () => {
    await run({}, {
      300: () => {
        for (const li of document.querySelectorAll('li')) {
          const badge = document.createElement('mtc-badge');
          badge.dataset.mtc = 'renewal';
          li.append(badge);
        }
      },
    });
    const badges = document.querySelectorAll('li > mtc-badge');
    expect(badges).toHaveLength(2);
    expect(diagnose).toHaveBeenCalledTimes(1);
    expect(readAccount).toHaveBeenCalledTimes(1);
  });
});
