// @vitest-environment jsdom
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
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

  it('compares a list drawn again node for node without serialising it, our badges taken off the old nodes', () => {
    redraw(); // drawn as a script draws it, so the redraw below is the very same
    const memo = samePageMemo(document.body);
    const entries = read();
    entries.forEach((e) => badge(e.anchor));
    memo.remember(entries);
    const old = document.getElementById('list')!;
    const outer = vi.spyOn(Element.prototype, 'outerHTML', 'get');
    redraw();
    const recalled = memo.recall();
    outer.mockRestore();
    expect(recalled?.map((e) => e.anchor)).toEqual([...document.querySelectorAll('h3')]);
    expect(outer).not.toHaveBeenCalled();
    expect(old.querySelector('mtc-renewal')).toBeNull(); // out of the page, where the badges' feature finds them spare
  });

  it('still tells a list drawn again node for node with one character changed', () => {
    redraw();
    const memo = samePageMemo(document.body);
    const entries = read();
    entries.forEach((e) => badge(e.anchor));
    memo.remember(entries);
    redraw(LIST.replace('Completed', 'Complete'));
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

describe('same-page memo: the changes since the read, not a copy of the page', () => {
  it('copies nothing when it remembers: a page never redrawn costs no serialising', () => {
    const outer = vi.spyOn(Element.prototype, 'outerHTML', 'get');
    const inner = vi.spyOn(Element.prototype, 'innerHTML', 'get');
    samePageMemo(document.body).remember(read());
    expect(outer).not.toHaveBeenCalled();
    expect(inner).not.toHaveBeenCalled();
    outer.mockRestore();
    inner.mockRestore();
  });

  it('finds the anchors again when only the list was drawn again, and again after a second redraw', () => {
    const memo = samePageMemo(document.body);
    memo.remember(read());
    const list = document.getElementById('list')!;
    list.innerHTML = list.innerHTML.replace(/>\s+</g, '><');
    expect(memo.recall()?.map((e) => e.anchor)).toEqual([...document.querySelectorAll('h3')]);
    list.innerHTML = list.innerHTML + ' ';
    expect(memo.recall()?.map((e) => e.anchor)).toEqual([...document.querySelectorAll('h3')]);
  });

  it('follows a list emptied, then filled in steps at its end', () => {
    const memo = samePageMemo(document.body);
    memo.remember(read());
    const list = document.getElementById('list')!;
    const items = [...list.children].map((li) => li.outerHTML);
    list.textContent = '';
    for (const item of items) list.insertAdjacentHTML('beforeend', item);
    expect(memo.recall()?.map((e) => e.title)).toEqual(['UCL Fire Safety', 'Prevent at UCL']);
  });

  it('reads again when an item was taken out, or one put in the middle of the list', () => {
    let memo = samePageMemo(document.body);
    memo.remember(read());
    document.querySelector('li')!.remove();
    expect(memo.recall()).toBeNull();
    document.body.innerHTML = LIST;
    memo = samePageMemo(document.body);
    memo.remember(read());
    const list = document.getElementById('list')!;
    const first = list.firstElementChild!.outerHTML;
    list.firstElementChild!.remove();
    list.insertAdjacentHTML('afterbegin', first);
    expect(memo.recall()).toBeNull();
  });

  it('reads again when one of two items alike was taken out', () => {
    document.body.innerHTML = `<ul id="list"><li><h3>UCL Fire Safety</h3></li><li><h3>UCL Fire Safety</h3></li></ul>`;
    const memo = samePageMemo(document.body);
    memo.remember(read().slice(0, 1));
    document.querySelectorAll('li')[1]!.remove();
    expect(memo.recall()).toBeNull();
  });

  it('reads again when text or an attribute changed outside the list drawn again; not when it changed back', () => {
    const memo = samePageMemo(document.body);
    memo.remember(read());
    const status = document.querySelector('span')!.firstChild as Text;
    status.data = 'Passed';
    redraw(document.body.innerHTML);
    expect(memo.recall()).toBeNull(); // the text changed before the redraw took it out

    memo.remember(read());
    const main = document.querySelector('main')!;
    main.setAttribute('hidden', '');
    expect(memo.recall()).toBeNull();
    main.removeAttribute('hidden');
    expect(memo.recall()?.length).toBe(2);

    memo.remember(read());
    const text = document.querySelector('span')!.firstChild as Text;
    text.data = 'Failed';
    expect(memo.recall()).toBeNull();
    text.data = 'Passed';
    expect(memo.recall()?.length).toBe(2);
  });

  it('reads again when items taken out are put back after changing out of the page, seen or unseen', async () => {
    const memo = samePageMemo(document.body);
    memo.remember(read());
    const list = document.getElementById('list')!;
    let items = [...list.childNodes];
    list.textContent = '';
    (items.find((n) => n.nodeType === 1) as Element).querySelector('span')!.textContent = 'Failed';
    list.append(...items);
    expect(memo.recall()).toBeNull();

    document.body.innerHTML = LIST;
    memo.remember(read());
    const again = document.getElementById('list')!;
    items = [...again.childNodes];
    again.textContent = '';
    // The observer has had its records: a change to a node out of the page is no longer reported.
    await new Promise((resolve) => setTimeout(resolve));
    (items.find((n) => n.nodeType === 1) as Element).querySelector('span')!.textContent = 'Failed';
    again.append(...items);
    expect(memo.recall()).toBeNull();
  });

  it('leaves our own UI out: an alert of ours taken off with the page is not the page', () => {
    const alert = document.createElement('mtc-alert');
    alert.setAttribute('data-mtc', 'alert');
    document.body.append(alert);
    const memo = samePageMemo(document.body);
    memo.remember(read());
    redraw();
    expect(memo.recall()?.map((e) => e.anchor)).toEqual([...document.querySelectorAll('h3')]);
  });

  it('recalls a page with no entries drawn again as it was: nothing to read there', () => {
    const memo = samePageMemo(document.body);
    memo.remember([]);
    redraw();
    expect(memo.recall()).toEqual([]);
  });

  it('stops keeping changes past a redraw’s worth: a page that keeps changing is read again', () => {
    const memo = samePageMemo(document.body);
    memo.remember(read());
    const main = document.querySelector('main')!;
    for (let i = 0; i <= 5_000; i++) main.setAttribute('data-tick', String(i % 2));
    main.removeAttribute('data-tick');
    expect(memo.recall()).toBeNull();
  });

  it('says how long its last check took, from the second on: the first is slowed by compiling its code', () => {
    // Each check reads the clock twice: a slow first one (code compiled on first call), then quicker ones.
    const clock = vi.spyOn(performance, 'now');
    for (const [start, end] of [[0, 30], [100, 103], [200, 209]]) clock.mockReturnValueOnce(start!).mockReturnValueOnce(end!);
    const memo = samePageMemo(document.body);
    memo.remember(read());
    expect(memo.cost()).toBe(0);
    redraw();
    expect(memo.recall()?.length).toBe(2);
    expect(memo.cost()).toBe(0);
    redraw();
    expect(memo.recall()?.length).toBe(2);
    expect(memo.cost()).toBe(3);
    redraw();
    expect(memo.recall()?.length).toBe(2);
    expect(memo.cost()).toBe(9);
    clock.mockRestore();
  });

  // What recall() promises, whatever the page did: entries only when the page's markup (badges and white
  // space between tags aside) is the one remembered.
  it('recalls only a page whose markup is the one read, under any sequence of changes', () => {
    const strip = (html: string) => html.replace(/<mtc-renewal data-mtc="renewal"[^>]*><\/mtc-renewal>/g, '').replace(/>\s+</g, '><');
    const PAGE = `<header><nav><a href="/dashboard">Home</a></nav></header>${LIST}<footer><p>Help</p><p>Help</p><p>Help</p></footer>`;
    const op = fc.record({
      kind: fc.constantFrom('same-html', 'other-html', 'text', 'attribute', 'remove', 'append', 'empty-then-fill', 'badge'),
      at: fc.nat(),
      word: fc.constantFrom('Completed', 'Not started', 'x', ''),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 6 }), (ops) => {
        document.body.innerHTML = PAGE;
        const memo = samePageMemo(document.body);
        const entries = read();
        entries.forEach((e) => badge(e.anchor));
        memo.remember(entries);
        const before = strip(document.body.innerHTML);
        for (const { kind, at, word } of ops) {
          const all = [...document.body.querySelectorAll('*')].filter((el) => !el.hasAttribute('data-mtc'));
          const el = all[at % all.length]!;
          if (kind === 'same-html') el.innerHTML = el.innerHTML.replace(/>\s+</g, '><');
          else if (kind === 'other-html') el.innerHTML = el.innerHTML + `<i>${word}</i>`;
          else if (kind === 'text') {
            const t = [...el.childNodes].find((n) => n.nodeType === 3) as Text | undefined;
            if (t) t.data = word;
          } else if (kind === 'attribute') {
            if (word) el.setAttribute('data-x', word);
            else el.removeAttribute('data-x');
          } else if (kind === 'remove') el.firstChild?.remove();
          else if (kind === 'append') el.append(word);
          else if (kind === 'empty-then-fill') {
            const html = el.innerHTML;
            el.textContent = '';
            el.insertAdjacentHTML('beforeend', html);
          } else if (kind === 'badge') badge(el);
        }
        const again = memo.recall();
        if (again) expect(strip(document.body.innerHTML)).toBe(before);
        // One redraw that changed nothing is recalled (more than one may not be: a part redrawn, then taken
        // out by a redraw around it, is read again).
        const redraws = ops.filter((o) => o.kind !== 'badge');
        if (redraws.length === 1 && (redraws[0]!.kind === 'same-html' || redraws[0]!.kind === 'empty-then-fill')) expect(again).not.toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});
