// The demo dashboard's list drawn again, as a single-page app does: the browser tests and the bench
// (scripts/bench-content.ts) redraw it from its own markup and watch the badges come back.

/**
 * Runs in the page (pass it to `page.evaluate`): the demo dashboard's list as its own markup, our badges
 * left out, which is what the app would draw again.
 */
export function listMarkupWithoutBadges(): string {
  const list = document.getElementById('lu-course-list')!;
  return [...list.children]
    .map((c) => {
      const copy = c.cloneNode(true) as Element;
      copy.querySelectorAll('[data-mtc]').forEach((b) => b.remove());
      return copy.outerHTML;
    })
    .join('');
}
