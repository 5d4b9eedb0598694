// Calm, one-at-a-time alerts (docs/contract.md: data-mtc="alert"). Announced to screen readers, early in
// the tab order without taking focus, dismissible (Escape too), and a dismissal holds for that page and
// problem for a day. Focus inside goes back to the page where it came from when the alert closes.
import type { Diagnosis } from '@/utils/diagnostics/alerts';
import { createShadowHost, el } from './shadow';
import { send } from './state';
import { mountAlert } from './placement';
import { giveFocusBack } from './focus';

const CSS = `
:host { all: initial; position: fixed; z-index: 2147483646; right: 16px; bottom: 16px; width: min(380px, calc(100vw - 32px)); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color: #1f1f1f; }
.card { overflow-wrap: anywhere; background: #fff; border: 2px solid #1e3a8a; border-radius: 10px; box-shadow: 0 6px 24px rgba(0,0,0,.25); padding: 14px 16px; max-height: 70vh; overflow: auto; }
h2 { font-size: 15px; margin: 0 0 8px; color: #1e3a8a; }
ol { margin: 0 0 8px; padding-left: 20px; }
li { margin: 4px 0; }
a { color: #1a4fd1; }
dl { margin: 8px 0; font-size: 12px; display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; }
dt { font-weight: 600; } dd { margin: 0; word-break: break-all; }
.actions { display: flex; gap: 8px; justify-content: flex-end; }
button { font: inherit; padding: 4px 12px; border-radius: 6px; border: 1px solid #1e3a8a; background: #1e3a8a; color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: #1e3a8a; }
button:focus-visible, a:focus-visible { outline: 3px solid #1a56db; outline-offset: 2px; }
`;

// A dismissal is kept by the background, for this page, for a day (utils/background/dismissals.ts).
async function dismissedRecently(kind: Diagnosis['kind']): Promise<boolean> {
  return (await send({ type: 'is-alert-dismissed', kind })).dismissed;
}

async function rememberDismissal(kind: Diagnosis['kind']): Promise<void> {
  await send({ type: 'dismiss-alert', kind });
}

export interface AlertQueue {
  offer(diagnosis: Diagnosis): Promise<void>;
  destroy(): void;
}

/** One alert at a time per page; each problem is shown once per page load. */
export function createAlertQueue(): AlertQueue {
  const queue: Diagnosis[] = [];
  const offered = new Set<string>();
  let shown: HTMLElement | null = null;
  let unwatch = () => {};

  const close = () => {
    unwatch();
    shown?.remove();
    shown = null;
  };

  const showNext = () => {
    const next = queue.shift();
    if (!next || shown) return;
    shown = renderAlert(next, () => {
      close();
      void rememberDismissal(next.kind).catch(() => undefined);
      showNext();
    });
    unwatch = mountAlert(shown);
  };

  return {
    async offer(diagnosis) {
      if (offered.has(diagnosis.kind)) return;
      offered.add(diagnosis.kind);
      if (await dismissedRecently(diagnosis.kind).catch(() => false)) return;
      void send({ type: 'report-problem', kind: diagnosis.kind, title: diagnosis.title.slice(0, 300) }).catch(() => undefined);
      queue.push(diagnosis);
      showNext();
    },
    destroy() {
      queue.length = 0;
      close();
    },
  };
}

export function renderAlert(diagnosis: Diagnosis, onDismiss: () => void): HTMLElement {
  const { host, root } = createShadowHost('mtc-alert', CSS);
  host.dataset.mtc = 'alert';
  host.dataset.mtcAlert = diagnosis.kind;
  const steps = el('ol');
  for (const step of diagnosis.steps) {
    steps.append(
      el('li', {}, step.href ? el('a', { text: step.text, attrs: { href: step.href, target: '_blank', rel: 'noopener noreferrer' } }) : document.createTextNode(step.text)),
    );
  }
  const details = Object.entries(diagnosis.details ?? {});
  const dl = details.length ? el('dl') : null;
  for (const [name, value] of details) dl?.append(el('dt', { text: name }), el('dd', { text: value }));
  // Where focus was before it came into the alert (focus moving inside it is retargeted to the host).
  let cameFrom: HTMLElement | null = null;
  host.addEventListener('focusin', (event) => {
    const from = event.relatedTarget;
    if (from instanceof HTMLElement && from !== host && !host.contains(from)) cameFrom = from;
  });
  const close = () => {
    if (document.activeElement === host) giveFocusBack(host, cameFrom);
    onDismiss();
  };
  const dismiss = el('button', { text: 'Dismiss', attrs: { type: 'button' } });
  dismiss.addEventListener('click', close);
  root.append(
    el(
      'section',
      { class: 'card', attrs: { role: 'alert', 'aria-labelledby': 'mtc-alert-title' } },
      el('h2', { text: diagnosis.title, attrs: { id: 'mtc-alert-title' } }),
      diagnosis.summary ? el('p', { text: diagnosis.summary }) : null,
      el('p', { text: 'What to do:' }),
      steps,
      dl,
      el('div', { class: 'actions' }, dismiss),
    ),
  );
  root.addEventListener('keydown', (event) => {
    if ((event as KeyboardEvent).key !== 'Escape') return;
    // Ours: the page's own Escape handlers (closing its menus) have nothing to do with it.
    event.stopPropagation();
    close();
  });
  return host;
}
