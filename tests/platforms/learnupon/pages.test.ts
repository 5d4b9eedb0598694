// Which LearnUpon page a URL is: every test URL is recognised as its own kind and no other.
import { describe, expect, it } from 'vitest';
import { TEST_URLS, enrollmentIdFromUrl, isLearnUponUrl, learnUponPageKind, type LearnUponPageKind } from '@/utils/platforms/learnupon/pages';

describe('learnUponPageKind', () => {
  for (const [kind, urls] of Object.entries(TEST_URLS) as [LearnUponPageKind, string[]][]) {
    it.each(urls)(`${kind}: %s`, (url) => {
      expect(learnUponPageKind(new URL(url))).toBe(kind);
      expect(learnUponPageKind(url)).toBe(kind);
    });
  }

  it('is "other" for text that is not a URL', () => {
    expect(learnUponPageKind('not a url')).toBe('other');
    expect(isLearnUponUrl('ucl.learnupon.com/dashboard')).toBe(false);
  });
});

describe('enrollmentIdFromUrl', () => {
  it('takes the id from details and player URLs only', () => {
    expect(enrollmentIdFromUrl(new URL('https://ucl.learnupon.com/enrollments/104837261/details'))).toBe('104837261');
    expect(enrollmentIdFromUrl(new URL('https://ucl.learnupon.com/enrollments/96310458/page/3104837'))).toBe('96310458');
    expect(enrollmentIdFromUrl(new URL('https://ucl.learnupon.com/dashboard'))).toBeNull();
  });
});
