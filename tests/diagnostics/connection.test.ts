import { describe, expect, it } from 'vitest';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import {
  LONG_STALL_MS,
  MIN_RESOURCES,
  SLOW_NAVIGATION_MS,
  SLOW_RESOURCE_MEDIAN_MS,
  SLOW_RTT_MS,
  assessBuffering as assessBufferingFor,
  assessConnection as assessConnectionFor,
  type BufferingEvent,
  type ResourceSample,
} from '@/utils/diagnostics/connection';

// The content scripts always hand in the profile they hold; these tests read UCL's unless they say otherwise.
const assessConnection = (samples: Parameters<typeof assessConnectionFor>[0], profile = UCL_PROFILE, course?: string) => assessConnectionFor(samples, profile, course);
const assessBuffering = (events: BufferingEvent[], now?: number, profile = UCL_PROFILE, course?: string) => assessBufferingFor(events, now, profile, course);

const ORIGIN = 'https://ucl.learnupon.com';
const res = (durationMs: number, i = 0, origin = ORIGIN, initiatorType = 'script'): ResourceSample => ({
  durationMs,
  initiatorType,
  name: `${origin}/assets/file-${i}.js`,
  transferSize: 20_000,
});
const fast = (n: number) => Array.from({ length: n }, (_, i) => res(80 + i * 10, i));

describe('assessConnection', () => {
  it('a healthy page is fine', () => {
    expect(assessConnection({ navigation: { durationMs: 1800 }, resources: fast(30), connection: { effectiveType: '4g', rtt: 50, downlink: 10 } })).toBeNull();
  });

  it('one slow resource among fast ones does not alert', () => {
    expect(assessConnection({ pageOrigin: ORIGIN, resources: [...fast(12), res(25_000, 99)] })).toBeNull();
  });

  it('a slow median over enough same-origin resources alerts', () => {
    const d = assessConnection({ pageOrigin: ORIGIN, resources: Array.from({ length: 8 }, (_, i) => res(3500 + i * 100, i)) });
    expect(d?.kind).toBe('slow-connection');
    expect(d?.details).toMatchObject({ files: '8' });
    expect(d?.summary).toMatch(/typical file/);
  });

  it('needs at least MIN_RESOURCES resources', () => {
    const few = Array.from({ length: MIN_RESOURCES - 1 }, (_, i) => res(SLOW_RESOURCE_MEDIAN_MS * 2, i));
    expect(assessConnection({ resources: few })).toBeNull();
    expect(assessConnection({ resources: [...few, res(SLOW_RESOURCE_MEDIAN_MS * 2, 9)] })?.kind).toBe('slow-connection');
  });

  it('slow third-party and media requests do not count when the page origin is known', () => {
    const resources = [
      ...fast(6),
      ...Array.from({ length: 10 }, (_, i) => res(9000, i, 'https://tracker.example')),
      ...Array.from({ length: 10 }, (_, i) => res(60_000, i, ORIGIN, 'video')),
    ];
    expect(assessConnection({ pageOrigin: ORIGIN, resources })).toBeNull();
  });

  it("Chrome's slow-2g and 2g alert; 3g alone does not", () => {
    expect(assessConnection({ resources: [], connection: { effectiveType: 'slow-2g', rtt: 2100, downlink: 0.05 } })?.kind).toBe('slow-connection');
    expect(assessConnection({ resources: [], connection: { effectiveType: '2g', rtt: 900, downlink: 0.2 } })?.kind).toBe('slow-connection');
    expect(assessConnection({ resources: [], connection: { effectiveType: '3g', rtt: 300, downlink: 1.5 } })).toBeNull();
  });

  it('a round trip of a second or more alerts', () => {
    expect(assessConnection({ resources: [], connection: { effectiveType: '3g', rtt: SLOW_RTT_MS, downlink: 1 } })?.details).toMatchObject({ rtt: '1000 ms' });
    expect(assessConnection({ resources: [], connection: { effectiveType: '3g', rtt: SLOW_RTT_MS - 25, downlink: 1 } })).toBeNull();
  });

  it('a page load over 8 s alerts; an unfinished load (duration 0) says nothing', () => {
    expect(assessConnection({ navigation: { durationMs: SLOW_NAVIGATION_MS + 1 }, resources: [] })?.summary).toMatch(/took 8\.0 s to load/);
    expect(assessConnection({ navigation: { durationMs: SLOW_NAVIGATION_MS }, resources: [] })).toBeNull();
    expect(assessConnection({ navigation: { durationMs: 0 }, resources: [] })).toBeNull();
  });

  it('advice: VPN first (never claiming it is on), Chrome, ISD-supported device, then the mailbox', () => {
    const d = assessConnection({ resources: [], connection: { effectiveType: '2g' } }, UCL_PROFILE, 'UCL Fire Safety')!;
    expect(d.steps.map((s) => s.text)).toEqual([
      expect.stringMatching(/^If you are connected to the VPN, disconnect it/),
      expect.stringMatching(/Chrome/),
      expect.stringMatching(/ISD supports/),
      expect.stringMatching(/UCLmandatorystafflearning@ucl\.ac\.uk.*Mandatory Training \(UCL Fire Safety\) completion issue/),
    ]);
    expect(d.steps[2]?.href).toBe('https://www.ucl.ac.uk/isd/services/computers/using-your-owndepartmental-device/computer-support-ucl');
    const all = `${d.title} ${d.summary} ${d.steps.map((s) => s.text).join(' ')}`;
    expect(all).not.toMatch(/your VPN is|VPN is (on|connected)/i);
  });
});

describe('assessBuffering', () => {
  const stall = (start: number, lengthMs: number, type: BufferingEvent['type'] = 'waiting'): BufferingEvent[] => [
    { type, at: start },
    { type: 'playing', at: start + lengthMs },
  ];

  it('smooth playback and a single short stall are fine', () => {
    expect(assessBuffering([{ type: 'playing', at: 0 }])).toBeNull();
    expect(assessBuffering(stall(1000, 2000))).toBeNull();
  });

  it('three stalls within a minute alert', () => {
    const d = assessBuffering([...stall(1000, 1500), ...stall(20_000, 2000, 'stalled'), ...stall(45_000, 1200)]);
    expect(d).toMatchObject({ kind: 'media-buffering', details: { stalls: '3' } });
  });

  it('three stalls spread over several minutes do not', () => {
    expect(assessBuffering([...stall(0, 2000), ...stall(70_000, 2000), ...stall(140_000, 2000)])).toBeNull();
  });

  it('waiting + stalled for one stall count once; seeks (under half a second) do not count', () => {
    const events: BufferingEvent[] = [
      { type: 'waiting', at: 1000 },
      { type: 'stalled', at: 1200 },
      { type: 'playing', at: 3000 },
      ...stall(10_000, 200),
      ...stall(20_000, 300),
      ...stall(30_000, 100),
    ];
    expect(assessBuffering(events)).toBeNull();
  });

  it('one stall over 8 s alerts, also while it is still going on (given now)', () => {
    expect(assessBuffering(stall(0, LONG_STALL_MS + 500))?.details).toMatchObject({ longestStall: '8.5 s' });
    expect(assessBuffering([{ type: 'waiting', at: 1000 }], 1000 + LONG_STALL_MS + 1)?.kind).toBe('media-buffering');
    expect(assessBuffering([{ type: 'waiting', at: 1000 }], 5000)).toBeNull();
    expect(assessBuffering([{ type: 'waiting', at: 1000 }])).toBeNull();
  });

  it('ignores timeupdate and unsorted input', () => {
    const events: BufferingEvent[] = [...stall(45_000, 1200), { type: 'timeupdate', at: 2000 }, ...stall(1000, 1500), ...stall(20_000, 2000)];
    expect(assessBuffering(events)?.kind).toBe('media-buffering');
  });
});
