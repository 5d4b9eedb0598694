import { useEffect, useState } from 'preact/hooks';
import type { ExportPanel as Panel } from './ExportPanel';
import { useOverview } from './useOverview';

type Props = Parameters<typeof Panel>[0];

/**
 * The export panel, loaded when first shown: the popup opens many times a day and the pack builder is
 * a third of its code, so the popup's first render does not wait for it.
 */
export function LazyExportPanel(props: Props) {
  const [ExportPanel, setExportPanel] = useState<typeof Panel | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => void import('./ExportPanel').then((m) => setExportPanel(() => m.ExportPanel), () => setFailed(true)), []);
  if (failed) return <p class="error" role="alert">The export could not be opened (perhaps the extension was just updated). Close and reopen this page.</p>;
  return ExportPanel ? <ExportPanel {...props} /> : <p class="muted">Loading…</p>;
}

/** The same, for a page that has only the course lines (the popup): it reads every record first. */
export function LazyExportPanelReadingRecords(props: Omit<Props, 'overview'>) {
  const { overview, error } = useOverview();
  if (error) return <p class="error" role="alert">{error}</p>;
  return overview ? <LazyExportPanel {...props} overview={overview} /> : <p class="muted">Loading…</p>;
}
