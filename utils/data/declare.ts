// What a declaration says about each stored value (./stores.ts, ./meta.ts, ./local.ts). After
// Bitwarden's state definitions: one list of everything kept, each with its rules, guarded by a test
// (tests/data/declared.test.ts) that fails when something is stored that is not declared here.
import type { z } from '@/utils/zod';

/**
 * Who may write a value. Content scripts are never writers: they run beside web pages and ask the
 * background, which checks what they say (utils/background/). `pages` are the extension's own pages
 * (popup, side panel, settings, Team); `restore` is a backup being restored from the settings page.
 */
export type Writer = 'background' | 'pages' | 'restore';

/**
 * What a backup does with a value:
 * - `carried`: backed up, checked by its schema on restore, and restored;
 * - `derived`: rebuilt by the extension from other values (see `version`): left out of backups, dropped
 *   from any backup that has it, and dropped on restore so it is rebuilt from what was restored;
 * - `device`: belongs to this browser, not to the data (a dismissed alert, a restore in progress): never
 *   backed up, and kept as it is through a restore.
 */
export type BackupPolicy = 'carried' | 'derived' | 'device';

/** What a person calls a value, in the restore preview and in messages about it. */
export interface Words {
  plural: string;
  one: string;
}

export interface ValueDeclaration<S extends z.ZodMiniType = z.ZodMiniType> {
  schema: S;
  writers: readonly Writer[];
  backup: BackupPolicy;
  /**
   * For derived values: the version of the rules that make them. A stored value of another version is
   * not used: it is rebuilt. Raise it whenever the rules that derive it change.
   */
  version?: number;
  words: Words;
}

/** A keyed value (`meta`, `teamReport`, `teamSettings`, storage.local): its key and rules. */
export type KeyedDeclarations = Record<string, ValueDeclaration>;

export type StoreDeclaration =
  | (ValueDeclaration & {
      /** Each value holds its own key at this path. */
      keyPath: string;
      autoIncrement: boolean;
      /** Index name → key path. */
      indexes: Readonly<Record<string, string>>;
      /** The database version (migration) that made the store. */
      since: number;
    })
  | {
      /** Values are kept under keys of their own, each declared with its rules. */
      keyPath: null;
      autoIncrement: false;
      indexes: Readonly<Record<string, never>>;
      since: number;
      keys: KeyedDeclarations;
      words: Words;
    };
