import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';

/**
 * A <details> whose content is built only once it is first opened: thousands of records make a long
 * history, and drawing every course's history up front is what made the side panel slow.
 */
export function LazyDetails({ summary, children }: { summary: ComponentChildren; children: () => ComponentChildren }) {
  const [opened, setOpened] = useState(false);
  return (
    <details onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>{summary}</summary>
      {opened && children()}
    </details>
  );
}
