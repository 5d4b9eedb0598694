// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { initTimeLog } from '@/utils/content/time-log';

const sent: unknown[] = [];
/** The user's switch, as the background answers it (content scripts never read storage themselves). */
let switchOn = false;
beforeEach(() => {
  sent.length = 0;
  switchOn = false;
  vi.useFakeTimers({ now: Date.parse('2026-11-28T10:00:00Z') });
  vi.spyOn(document, 'hasFocus').mockReturnValue(true);
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    if ((message as { type?: string }).type === 'get-time-log-switch') return { enabled: switchOn };
    sent.push(message);
    return { logged: true };
  });
  document.body.innerHTML = '<main><h1>Prevent at UCL (2024)</h1></main>';
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the time log on a course page', () => {
  it('watches nothing unless the user opted in', async () => {
    const controller = new AbortController();
    await initTimeLog(controller.signal);
    document.dispatchEvent(new Event('keydown'));
    await vi.advanceTimersByTimeAsync(60_000);
    controller.abort();
    expect(sent).toEqual([]);
  });

  it('sends the active time with the course title, and the rest when the page goes away', async () => {
    switchOn = true;
    const controller = new AbortController();
    await initTimeLog(controller.signal);
    const start = Date.now();
    for (let i = 0; i < 4; i++) {
      await vi.advanceTimersByTimeAsync(5_000);
      document.dispatchEvent(new Event('pointermove'));
    }
    await vi.advanceTimersByTimeAsync(2_000);
    controller.abort();
    const slices = sent as { type: string; title: string; start: number; end: number }[];
    expect(slices.every((m) => m.type === 'log-time' && m.title === 'Prevent at UCL (2024)')).toBe(true);
    expect(slices[0]!.start).toBe(start);
    expect(slices.reduce((n, m) => n + m.end - m.start, 0)).toBe(22_000);
    // Listeners are gone with the feature.
    const before = sent.length;
    document.dispatchEvent(new Event('keydown'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent.length).toBe(before);
  });
});
