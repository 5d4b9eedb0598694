// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { samePageMemo } from '@/utils/content/same-page';
import type { PageCourse } from '@/utils/platforms/types';

const LIST = `
<main>
  <ul id="list">
    <li><h3><a href="/enrollments/1/details">UCL Fire Safety</a></h3> <span>Completed</span></li>
    <li><h3><a href="/enrollments/2/details">Prevent at UCL</a></h3> <span>Not started</span></li>
  </ul>
</main>`;

/** What a reader would have found: one entry per heading, anchored on it. */
function read(): PageCourse[] {
  return [...document.querySelectorAll('h3')].map((h) => ({ title: h.textContent!, anchor: h }) as unknown as PageCourse);
}

/** Our badge beside each anchor, as the badges' feature mounts it. */
function badge(anchor: Element) {
  const b = document.createElement('mtc-renewal');
  b.dataset.mtc = 'renewal';
  anchor.after(b);
}

/** The list drawn again by script: the same markup without the server's line breaks. */
function redraw(html = LIST) {
  document.body.innerHTML = html.replace(/>\s+</g, '><');
}

beforeEach(() => {
  document.body.innerHTML = LIST;
});

describe('same-page memo', () => {
  it('finds the anchors again in a list drawn again from the same markup', () => {
    const memo = samePageMemo(document.body);
    const entries = read();
    memo.remember(entries);
    entries.forEach((e) => badge(e.anchor)); // the badges go in after the read; the redraw takes them off
    redraw();
    const again = memo.recall();
    expect(again?.map((e) => e.title)).toEqual(['UCL Fire Safety', 'Prevent at UCL']);
    expect(again!.map((e) => e.anchor)).toEqual([...document.querySelectorAll('h3')]);
    expect(again!.every((e) => e.anchor.isConnected)).toBe(true);
  });

  it('reads again when one character of the markup differs', () => {
    const memo = samePageMemo(document.body);
    memo.remember(read());
    redraw(LIST.replace('Not started', 'In progress'));
    expect(memo.recall()).toBeNull();
  });

  it('reads again when an attribute differs', () => {
    const memo = samePageMemo(document.body);
    memo.remember(read());
    redraw(LIST.replace('/enrollments/2/', '/enrollments/3/'));
    expect(memo.recall()).toBeNull();
  });

  it('leaves our badges out of the markup: remembered once the badges are in, recalled after a redraw took them off', () => {
    const memo = samePageMemo(document.body);
    const entries = read();
    entries.forEach((e) => badge(e.anchor)); // remembered in the task after the read, badges mounted
    memo.remember(entries);
    redraw();
    expect(memo.recall()?.map((e) => e.anchor)).toEqual([...document.querySelectorAll('h3')]);
  });

  it('reads again when something with our badge tag is not a bare badge (it stays in the markup)', () => {
    const memo = samePageMemo(document.body);
    const entries = read();
    entries.forEach((e) => badge(e.anchor));
    document.querySelector('mtc-renewal')!.textContent = 'page text inside';
    memo.remember(entries);
    redraw();
    expect(memo.recall()).toBeNull();
  });

  it('reads again when an anchor was not in the page', () => {
    const memo = samePageMemo(document.body);
    memo.remember([{ title: 'Elsewhere', anchor: document.createElement('h3') } as unknown as PageCourse]);
    expect(memo.recall()).toBeNull();
  });

  it('remembers nothing before a read', () => {
    expect(samePageMemo(document.body).recall()).toBeNull();
  });
});
