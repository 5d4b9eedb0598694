// @vitest-environment jsdom
import { JSDOM } from 'jsdom';
import { it } from 'vitest';
import { renderDashboard } from '/work/main/tests/fixtures/sites/learnupon/pages';
import { readLearnUponCourses, readLearnUponAccount } from '/work/main/utils/platforms/learnupon/read';
it('perf', () => {
  const html = renderDashboard({ today: new Date('2026-11-28T09:00:00Z') });
  let t = performance.now();
  const doc = new JSDOM(html, { url: 'https://ucl.learnupon.com/dashboard' }).window.document;
  console.log('parse', performance.now() - t, 'elements', doc.querySelectorAll('*').length);
  for (let i = 0; i < 3; i++) { t = performance.now(); readLearnUponCourses(doc, 'day-first'); console.log('read', performance.now() - t); }
  t = performance.now(); readLearnUponAccount(doc); console.log('account', performance.now() - t);
});
