// The reader's one walk over a page's text (utils/platforms/learnupon/scan.ts): what it sorts out.
import { describe, expect, it } from 'vitest';
import { scanText, type TextScan } from '@/utils/platforms/learnupon/scan';
import { atOnce } from '@/utils/platforms/steps';
import { loadPage } from './jsdom';

const texts = (scan: TextScan) => ({ titles: scan.titles.map((t) => t.data), statuses: scan.statuses.map((t) => t.data), digits: scan.digits.map((t) => t.data) });

describe('scanText', () => {
  it('sorts out the text nodes with ink in document order, blank ones between tags left out', () => {
    const doc = loadPage(`<!doctype html><head><title>Dashboard</title></head><body>\n  <h3>Fire Safety</h3>\n  <span>Completed</span> <span>Due 12 Mar 2026</span>\u00a0<p>${'x'.repeat(201)} 7</p></body>`, 'https://ucl.learnupon.com/dashboard');
    expect(texts(atOnce(scanText(doc)))).toEqual({
      titles: ['Dashboard', 'Fire Safety', 'Completed', 'Due 12 Mar 2026'],
      statuses: ['Completed'],
      digits: ['Due 12 Mar 2026', `${'x'.repeat(201)} 7`],
    });
  });
});
