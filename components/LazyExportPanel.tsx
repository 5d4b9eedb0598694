import { useEffect, useState } from 'preact/hooks';
import type { ExportPanel as Panel } from './ExportPanel';

/**
 * The export panel, loaded when first shown: the popup opens many times a day and the pack builder is
 * a third of its code, so the popup's first render does not wait for it.
 */
export function LazyExportPanel(props: Parameters<typeof Panel>[0]) {
  const [ExportPanel, setExportPanel] = useState<typeof Panel | null>(null);
  useEffect(() => void import('./ExportPanel').then((m) => setExportPanel(() => m.ExportPanel)), []);
  return ExportPanel ? <ExportPanel {...props} /> : <p class="muted">Loading…</p>;
}
