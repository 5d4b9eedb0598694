// @vitest-environment jsdom
// Whether the page changed since the last look (utils/content/page-changes.ts): the page's own changes
// count, ours (badges, alerts) do not, and what a user types counts though no mutation says so.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { pageVersion, readWhenChanged } from '@/utils/content/page-changes';

/** Lets the MutationObserver deliver what it saw. */
const settle = () => new Promise((r) => setTimeout(r));

beforeEach(() => {
  document.body.innerHTML = '<main><h1>My courses</h1><ul id="list"><li>Fire Safety</li></ul><input id="email" type="email"></main>';
});

describe('page version', () => {
  it('stays the same while nothing changes, and grows when the page changes', async () => {
    const first = pageVersion();
    await settle();
    expect(pageVersion()).toBe(first);
    document.getElementById('list')!.append(Object.assign(document.createElement('li'), { textContent: 'Information Security' }));
    await settle();
    const second = pageVersion();
    expect(second).toBeGreaterThan(first);
    // A change in this very task, before the observer has delivered it, counts too.
    document.querySelector('h1')!.textContent = 'Dashboard';
    expect(pageVersion()).toBeGreaterThan(second);
  });

  it('counts text edits and attribute changes (an error shown by removing `hidden`)', async () => {
    document.body.insertAdjacentHTML('beforeend', '<p role="alert" hidden>There was a problem processing your request</p>');
    const before = pageVersion();
    document.querySelector('[role="alert"]')!.removeAttribute('hidden');
    await settle();
    const shown = pageVersion();
    expect(shown).toBeGreaterThan(before);
    (document.querySelector('li')!.firstChild as Text).data = 'UCL Fire Safety';
    await settle();
    expect(pageVersion()).toBeGreaterThan(shown);
  });

  it('does not count our own UI coming, changing and going', async () => {
    const before = pageVersion();
    const host = document.createElement('mtc-badge');
    host.dataset.mtc = 'renewal';
    document.querySelector('li')!.append(host);
    await settle();
    expect(pageVersion()).toBe(before);
    host.append(document.createElement('span'));
    host.style.top = '4px';
    await settle();
    expect(pageVersion()).toBe(before);
    host.remove();
    await settle();
    expect(pageVersion()).toBe(before);
  });

  it('counts what is typed in a field (a value is no attribute: no mutation says so)', async () => {
    const before = pageVersion();
    const input = document.getElementById('email') as HTMLInputElement;
    input.value = 'someone@example.com';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(pageVersion()).toBeGreaterThan(before);
  });
});

describe('readWhenChanged', () => {
  it('reads once for an unchanged page and again after a change or at another address', async () => {
    const read = vi.fn((root: ParentNode) => root.querySelectorAll('li').length);
    const remembered = readWhenChanged(read);
    expect(remembered(document)).toBe(1);
    await settle();
    expect(remembered(document)).toBe(1);
    expect(read).toHaveBeenCalledTimes(1);
    document.getElementById('list')!.append(document.createElement('li'));
    await settle();
    expect(remembered(document)).toBe(2);
    expect(read).toHaveBeenCalledTimes(2);
    history.pushState(null, '', '/dashboard?display=my_courses');
    expect(remembered(document)).toBe(2);
    expect(read).toHaveBeenCalledTimes(3);
  });
});
