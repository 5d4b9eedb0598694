// "Show on page" (the side panel's "What I read on this page"): an outline around each entry the reader
// read, numbered as the panel lists them. Drawn in our own shadow root over the page, outside <body> (so the
// badges' observer of the body never sees it) and deaf to the pointer; the page's own elements and their
// styles are never touched. `data-mtc` keeps it out of every reader and of the page report.
import { createShadowHost, el } from './shadow';

export interface OutlineTarget {
  target: Element;
  /** The entry's number in the panel's list. */
  index: number;
  counted: boolean;
}

export interface Outlines {
  draw(targets: OutlineTarget[]): void;
  remove(): void;
}

const CSS =
  ':host{all:initial;position:absolute;top:0;left:0;width:0;height:0;z-index:2147483647;pointer-events:none}' +
  'div{position:absolute;box-sizing:border-box;border:3px solid #1d4ed8;border-radius:4px}.not{border:3px dashed #6b21a8}' +
  'span{position:absolute;left:-3px;bottom:100%;padding:0 6px;background:#1d4ed8;color:#fff;font:700 12px/18px system-ui,sans-serif;white-space:nowrap}.not span{background:#6b21a8}';

export function createOutlines(): Outlines {
  const { host, root } = createShadowHost('mtc-outlines', CSS);
  host.dataset.mtc = 'outlines';
  host.setAttribute('aria-hidden', 'true');
  let boxes: { box: HTMLElement; target: Element }[] = [];
  let frame = 0;

  const place = () => {
    frame = 0;
    for (const { box, target } of boxes) {
      const r = target.getBoundingClientRect();
      box.hidden = !target.isConnected || (!r.width && !r.height);
      Object.assign(box.style, { left: `${r.left + scrollX - 4}px`, top: `${r.top + scrollY - 4}px`, width: `${r.width + 8}px`, height: `${r.height + 8}px` });
    }
  };
  const later = () => (frame ||= requestAnimationFrame(place));
  const resized = new ResizeObserver(later);

  return {
    draw(targets) {
      resized.disconnect();
      root.replaceChildren();
      boxes = targets.map(({ target, index, counted }) => {
        const box = el('div', { class: counted ? '' : 'not', attrs: { 'data-mtc-entry': String(index) } }, el('span', { text: counted ? `${index + 1}` : `${index + 1} · not counted` }));
        root.append(box);
        resized.observe(target);
        return { box, target };
      });
      if (!host.isConnected) {
        document.documentElement.append(host);
        addEventListener('resize', later);
        // Capture: a list scrolled inside its own box moves its entries too.
        addEventListener('scroll', later, { capture: true, passive: true });
      }
      resized.observe(document.documentElement);
      place();
    },
    remove() {
      resized.disconnect();
      cancelAnimationFrame(frame);
      frame = 0;
      removeEventListener('resize', later);
      removeEventListener('scroll', later, { capture: true });
      host.remove();
      boxes = [];
    },
  };
}
