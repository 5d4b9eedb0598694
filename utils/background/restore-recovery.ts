// On every start of the service worker: a restore cut short (utils/backup/journal.ts) is finished or
// undone before anything reads the data, and the user is told which.
import { recoverRestore, restoreOutcomeText } from '@/utils/backup/journal';

export async function recoverRestoreOnStart(notify: (title: string, message: string) => void): Promise<void> {
  try {
    const outcome = await recoverRestore();
    if (outcome) notify(outcome.outcome === 'finished' ? 'Restore finished' : 'Restore not done', restoreOutcomeText(outcome));
  } catch {
    // Left for the settings page, which tries again when it opens and says what it finds.
  }
}
