// Hooks for the smaller stored values the pages show (declared in utils/data/): each read through its
// typed accessor, each failure said in words.
import { EMPTY_PAGE_KEYS } from '@/utils/data/keys';
import type { EmptyPage } from '@/utils/data/meta';
import type { ProblemLogEntry } from '@/utils/data/problem';
import type { Profile } from '@/utils/data/profile';
import { readMeta } from '@/utils/store/meta';
import { listProblems } from '@/utils/store/problems';
import { loadProfile } from '@/utils/store/profile';
import { useRead, type Read } from './useRead';

const readSiteChanged = async (): Promise<EmptyPage> => (await readMeta(EMPTY_PAGE_KEYS.learnupon)) ?? null;
const readProblems = (): Promise<ProblemLogEntry[]> => listProblems(10);

/** When the organisation's LearnUpon dashboard last showed no courses we could read; null when it did. */
export function useSiteChangedNotice(): EmptyPage {
  return useRead(readSiteChanged, { what: 'The note about your dashboard', on: ['records-changed'] }).value ?? null;
}

/** The latest problems the alerts told the user about, newest first. */
export function useProblems(): Read<ProblemLogEntry[]> {
  return useRead(readProblems, { what: 'The list of problems seen', on: ['records-changed'] });
}

/** The organisation profile (the built-in defaults when none is saved). */
export function useProfile(): Read<Profile> {
  return useRead(loadProfile, { what: 'Your settings', on: ['profile-changed'] });
}
