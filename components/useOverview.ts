// Extension pages read the store directly (same origin as the background) and recompute statuses.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Profile } from '@/utils/catalogue/profile';
import { londonDate } from '@/utils/dates/calendar';
import type { CompletionRecord } from '@/utils/records';
import { summariseCourses, type CourseSummary } from '@/utils/renewal/summary';
import { listRecords } from '@/utils/store/records';
import { loadProfile } from '@/utils/store/profile';

export interface Overview {
  profile: Profile;
  records: CompletionRecord[];
  summaries: CourseSummary[];
  today: string;
}

export function useOverview(): { overview: Overview | null; error: string | null; reload: () => Promise<void> } {
  const [overview, setOverview] = useState<Overview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      const [profile, records] = await Promise.all([loadProfile(), listRecords()]);
      const today = londonDate();
      setOverview({ profile, records, today, summaries: summariseCourses(records, profile, today) });
      setError(null);
    } catch (e) {
      setError(`Your training records could not be read (${String(e)}). Close and reopen this panel; if it keeps happening, restart Chrome.`);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { overview, error, reload };
}
