// Hooks for the smaller stored values the pages show (declared in utils/data/): each read through its
// typed accessor, each failure said in words.
import { EMPTY_PAGE_KEYS } from '@/utils/data/keys';
import type { CollectRuns, EmptyPage, SavedPerson } from '@/utils/data/meta';
import type { EvidenceItem } from '@/utils/data/evidence';
import { listEvidence } from '@/utils/store/evidence';
import { readSeenPerson } from '@/utils/evidence/sender';
import { readCollectRuns } from '@/utils/evidence/flow-collect';
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

const readLocker = (): Promise<EvidenceItem[]> => listEvidence();

/** The evidence locker's items, newest first, read again when any page changes it (evidence-changed). */
export function useLockerItems(): Read<EvidenceItem[]> {
  return useRead(readLocker, { what: 'Your evidence', on: ['evidence-changed'] });
}

/** Who the sites showed signed in, read again as pages show it (person-changed). */
export function useSeenPerson(): Read<SavedPerson | null> {
  return useRead(readSeenPerson, { what: 'Your name and email', on: ['person-changed'] });
}

/** When evidence was last collected from each site (the flow reuses a collection within the hour). */
export function useCollectRuns(): Read<CollectRuns> {
  return useRead(readCollectRuns, { what: 'The last collection' });
}
