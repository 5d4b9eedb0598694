import type { ComponentChildren } from 'preact';

/**
 * A cell's column name, shown only when a `cards` table is laid out as cards on a narrow screen
 * (components/theme.css). Hidden from screen readers, which announce the column heading itself.
 */
export function CellLabel({ children }: { children: ComponentChildren }) {
  return (
    <span class="cell-label" aria-hidden="true">
      {children}
    </span>
  );
}
