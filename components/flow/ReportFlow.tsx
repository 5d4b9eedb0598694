import { useMemo } from 'preact/hooks';
import { flowRequestOf } from '@/utils/evidence/flow-tab';
import { useOverview } from '../useOverview';
import { CatalogueFlow } from './CatalogueFlow';
import { RoleSpecificFlow } from './RoleSpecificFlow';

/**
 * "My completion isn't recorded" (docs/contract.md, "Completion-issue flow"): the page the popup, the
 * side panel and the renewal badges open, with the course(s) in its address. It collects what is
 * missing, shows what it found and what not, and ends with `download-pack`.
 */
export function ReportFlow() {
  const request = useMemo(() => flowRequestOf(location.search), []);
  const { overview, error, reload } = useOverview();
  return (
    <main class="flow" style={{ maxWidth: '48rem', margin: '0 auto', padding: '12px 14px' }}>
      <h1>{request.roleSpecific ? 'Send evidence of role-specific training' : 'My completion isn’t recorded'}</h1>
      {error && <p class="error" role="alert">{error}</p>}
      {!overview && !error && <p class="muted">Loading…</p>}
      {overview && (request.roleSpecific ? <RoleSpecificFlow overview={overview} request={request} /> : <CatalogueFlow overview={overview} request={request} reloadOverview={reload} />)}
    </main>
  );
}
