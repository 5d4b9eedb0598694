// @vitest-environment jsdom
import { it } from 'vitest';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import { diagnoseSignInPage } from '@/utils/diagnostics/signin';
import { renderDashboard } from '../fixtures/sites/learnupon/pages';
import { parsePage } from './dom';
it('perf', () => {
  const big = renderDashboard({ today: new Date() });
  const html = big.replace('</main>', Array.from({ length: 30 }, () => big.slice(big.indexOf('<main'), big.indexOf('</main>'))).join('') + '</main>');
  const doc = parsePage(html, 'https://ucl.learnupon.com/dashboard');
  console.log('elements', doc.querySelectorAll('*').length);
  const t = performance.now();
  diagnoseSignInPage(doc, new URL('https://ucl.learnupon.com/dashboard'), UCL_PROFILE);
  console.log('ms', performance.now() - t);
});
