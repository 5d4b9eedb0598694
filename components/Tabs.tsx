import { useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';

export interface TabDef<K extends string> {
  key: K;
  label: string;
  panel: () => ComponentChildren;
}

/**
 * The WAI-ARIA tabs pattern (automatic activation): one tab stop for the tab list, arrow keys, Home
 * and End move between tabs, and the chosen tab's panel follows it in the tab order. Every panel stays
 * drawn (hidden when not chosen), so what a view holds is kept while another is shown.
 */
export function Tabs<K extends string>({ label, tabs, current, onChange, id }: { label: string; tabs: TabDef<K>[]; current: K; onChange: (key: K) => void; id: string }) {
  const list = useRef<HTMLDivElement>(null);
  const choose = (index: number) => {
    const tab = tabs[(index + tabs.length) % tabs.length]!;
    onChange(tab.key);
    list.current?.querySelector<HTMLElement>(`#${id}-tab-${tab.key}`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const at = tabs.findIndex((t) => t.key === current);
    const moves: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    choose(moves[event.key]!);
  };
  return (
    <>
      <div role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            type="button"
            role="tab"
            key={t.key}
            id={`${id}-tab-${t.key}`}
            aria-selected={t.key === current ? 'true' : 'false'}
            aria-controls={`${id}-panel-${t.key}`}
            tabIndex={t.key === current ? 0 : -1}
            data-mtc-view={t.key}
            onClick={() => onChange(t.key)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tabs.map((t) => (
        <div role="tabpanel" key={t.key} id={`${id}-panel-${t.key}`} aria-labelledby={`${id}-tab-${t.key}`} tabIndex={0} hidden={t.key !== current} data-mtc-panel={t.key}>
          {t.panel()}
        </div>
      ))}
    </>
  );
}
