// Every message between the extension's parts, declared once: who may send it, who answers, and the
// schemas of the request and of the answer. The background's router (utils/background/router.ts) takes
// each message here: a sender not listed, or a request not in shape, gets no answer at all.
//
// One way to send from each kind of context:
// - extension pages: `send` and `sendToTab` (./send.ts) check the answer against its schema here;
// - content scripts: `send` in utils/content/state.ts, typed from this table with `import type` only
//   (content scripts carry no schema library). The background checks what they send; what it answers
//   them comes from its own checked store.
import { z } from '@/utils/zod';
import type { Site } from '@/utils/hosts';
import { LIMITS } from './keys';
import { AlertKindSchema } from './problem';
import { EffectiveProfileSchema } from './profile';
import { CompletionRecordSchema, EnrollmentStatusSchema, IsoDateSchema, PageReadingSchema } from './record';

const text = (max: number) => z.string().check(z.maxLength(max));
const epochMs = z.number().check(z.int(), z.gte(0), z.lte(8_640_000_000_000_000));
const request = <T extends string, S extends z.core.$ZodLooseShape>(type: T, shape: S) => z.object({ type: z.literal(type), ...shape });

const FetchedFileSchema = z.object({
  url: text(LIMITS.url),
  fileName: text(300),
  base64: z.string(),
});

/** What a page's evidence collector hands back: who is signed in, the history file, each certificate. */
export const CollectResultSchema = z.object({
  pageUrl: text(LIMITS.url),
  signedIn: z.boolean(),
  account: z.object({ name: z.nullable(text(300)), email: z.nullable(text(300)) }),
  history: z.nullable(z.union([FetchedFileSchema, z.object({ error: text(1000) })])),
  certificates: z.array(
    z.object({
      title: text(LIMITS.title),
      completedOn: z.nullable(text(10)),
      url: text(LIMITS.url),
      file: z.nullable(FetchedFileSchema),
      error: z.nullable(text(1000)),
    }),
  ).check(z.maxLength(500)),
});
export type CollectResult = z.infer<typeof CollectResultSchema>;

/** What a content script is told: the profile, today's date, and the records only where it shows badges. */
export const ContentStateSchema = z.object({
  /** The profile in force: the person's settings with the organisation's policy on top. */
  profile: EffectiveProfileSchema,
  today: IsoDateSchema,
  /** Null for pages that need none: Microsoft's sign-in pages, another organisation's LearnUpon portal. */
  records: z.nullable(z.array(CompletionRecordSchema)),
});
export type ContentState = z.infer<typeof ContentStateSchema>;

/**
 * One course entry as the page's reader read it (utils/platforms/explain.ts `ReadEntry`): the words it went
 * by, and why it does not count when it does not. Every text is the page's own, trimmed to LIMITS.title.
 */
export const ReadEntrySchema = z.object({
  /** Its place among the entries read on the page: "Show on page" numbers its outline the same. */
  index: z.number().check(z.int(), z.gte(0), z.lte(LIMITS.readingsPerPage)),
  titleShown: text(LIMITS.title),
  course: z.nullable(text(LIMITS.title)),
  status: EnrollmentStatusSchema,
  statusShown: z.nullable(text(LIMITS.title)),
  statusFromDate: z.boolean(),
  dates: z
    .array(z.object({ kind: z.enum(['completed', 'due', 'cert-expires', 'other']), iso: IsoDateSchema, text: text(LIMITS.title), label: text(LIMITS.title) }))
    .check(z.maxLength(50)),
  enrollmentId: z.nullable(text(LIMITS.enrollmentId)),
  foundBy: z.enum(['enrollment-link', 'catalogue-title', 'page']),
  claims: z.boolean(),
  notCounted: z.nullable(z.enum(['not-mandatory', 'other-portal', 'failed-attempt', 'awaiting-review'])),
  /** The dates its record takes (the first of each kind): a reader that lists no labelled dates still says these. */
  used: z.object({ completedOn: z.nullable(IsoDateSchema), dueOn: z.nullable(IsoDateSchema), certExpiresOn: z.nullable(IsoDateSchema) }),
});
export type ReadEntryAnswer = z.infer<typeof ReadEntrySchema>;

const entries = z.array(ReadEntrySchema).check(z.maxLength(LIMITS.readingsPerPage));

/** What the active tab's content script read on its page, for the side panel's "What I read on this page". */
export const PageReadAnswerSchema = z.object({
  site: z.enum(['learnupon', 'cybsafe']),
  pageUrl: text(LIMITS.url),
  /** Another organisation's LearnUpon portal: nothing read here counts (docs/rules.md, "Which records count"). */
  otherPortal: z.boolean(),
  counted: entries,
  notCounted: entries,
});
export type PageReadAnswer = z.infer<typeof PageReadAnswerSchema>;

/**
 * The one notice on the page-reading port (PAGE_READING_PORT): the side panel holds the port to the active
 * tab's content script while it is open, so the page knows when the panel goes (its outlines go with it),
 * and the content script says when its page changed, for the panel to ask again.
 */
export const PageReadingNoticeSchema = z.object({ type: z.literal('page-changed') });
export type PageReadingNotice = z.infer<typeof PageReadingNoticeSchema>;

const ALL_SITES = ['learnupon', 'cybsafe', 'microsoft'] as const satisfies readonly Site[];
const COURSE_SITES = ['learnupon', 'cybsafe'] as const satisfies readonly Site[];
const ok = z.object({ ok: z.literal(true) });

/**
 * `from`: `content` lists the sites whose content scripts may send it; `pages`, the extension's own pages;
 * `background`, the service worker. `to`: who answers (`background`), or who is told (`pages`: every open
 * extension page; `content`: the content script of one tab, by `sendToTab`).
 */
export interface MessageDeclaration {
  from: { content?: readonly Site[]; pages?: true; background?: true };
  to: readonly ('background' | 'pages' | 'content')[];
  request: z.ZodMiniType;
  response: z.ZodMiniType;
  /** Why it is safe to accept, for the review of the message surface (tests/security/message-surface.test.ts). */
  why: string;
}

export const MESSAGES = {
  'get-state': {
    from: { content: ALL_SITES },
    to: ['background'],
    request: request('get-state', {}),
    response: ContentStateSchema,
    why: 'reads only; the Microsoft pages and other organisations’ portals get no records',
  },
  'save-page-records': {
    from: { content: COURSE_SITES },
    to: ['background'],
    request: request('save-page-records', {
      /** How many course entries the page showed; 0 on a page that should list some means the site changed. */
      found: z.number().check(z.int(), z.gte(0), z.lte(100_000)),
      readings: z.array(PageReadingSchema).check(z.maxLength(LIMITS.readingsPerPage)),
    }),
    response: z.object({ saved: z.number().check(z.int(), z.gte(0)) }),
    why: 'merged, never erasing; the background makes each record’s source, address and id from the sender, so a page only adds to its own site’s records',
  },
  'report-problem': {
    from: { content: ALL_SITES },
    to: ['background'],
    request: request('report-problem', { kind: AlertKindSchema, title: text(LIMITS.problemTitle) }),
    response: z.object({ logged: z.boolean() }),
    why: 'appends to the troubleshooting log, which keeps its latest 50 entries; the page address is the sender’s',
  },
  'log-time': {
    from: { content: COURSE_SITES },
    to: ['background'],
    /** Active time on a course page (PGTA time log), epoch ms; the background checks it against the clock (utils/timelog/slice.ts). */
    request: request('log-time', { title: text(LIMITS.problemTitle), start: epochMs, end: epochMs }),
    response: z.object({ logged: z.boolean() }),
    why: 'adds time only when the user opted in, never overlapping time already counted',
  },
  'get-time-log-switch': {
    from: { content: COURSE_SITES },
    to: ['background'],
    request: request('get-time-log-switch', {}),
    response: z.object({ enabled: z.boolean() }),
    why: 'reads one switch',
  },
  'is-alert-dismissed': {
    from: { content: ALL_SITES },
    to: ['background'],
    request: request('is-alert-dismissed', { kind: AlertKindSchema }),
    response: z.object({ dismissed: z.boolean() }),
    why: 'reads one flag, for the sender’s own page',
  },
  'dismiss-alert': {
    from: { content: ALL_SITES },
    to: ['background'],
    request: request('dismiss-alert', { kind: AlertKindSchema }),
    response: ok,
    why: 'quiets one alert kind on the sender’s own page for a day',
  },
  'records-changed': {
    from: { pages: true, background: true },
    to: ['background', 'pages'],
    request: request('records-changed', {}),
    response: ok,
    why: 'the background recounts the toolbar badge; open pages read the records again',
  },
  'profile-changed': {
    // The background says so too, when the organisation's policy changes (utils/background/state.ts).
    from: { pages: true, background: true },
    to: ['background', 'pages'],
    request: request('profile-changed', {}),
    response: ok,
    why: 'the background recounts the toolbar badge; open pages read the settings again',
  },
  'collect-evidence': {
    from: { pages: true },
    to: ['content'],
    /** `certificates: false` fetches the history only (the flow shows each step's progress on its own). */
    request: request('collect-evidence', { history: z.boolean(), certificates: z.optional(z.boolean()) }),
    response: CollectResultSchema,
    why: 'sent only after the user’s click in an extension page; the content script obeys no one else',
  },
  'read-page': {
    from: { pages: true },
    to: ['content'],
    request: request('read-page', {}),
    response: PageReadAnswerSchema,
    why: 'reads the page the side panel is beside and changes nothing; the content script answers only our own pages',
  },
  'show-on-page': {
    from: { pages: true },
    to: ['content'],
    /** Outlines each entry read, drawn in our own shadow root, only while the side panel's port is open. */
    request: request('show-on-page', { show: z.boolean() }),
    response: z.object({ shown: z.number().check(z.int(), z.gte(0)) }),
    why: 'draws or removes our own outlines; the page’s elements are not changed, and the outlines go when the panel closes',
  },
  'copy-page': {
    from: { pages: true },
    to: ['content'],
    request: request('copy-page', {}),
    /** The page's HTML as it is now, for the side panel to anonymise and show before the user copies or saves it (up to Chrome's 64 MiB message limit). */
    response: z.object({ pageUrl: text(LIMITS.url), html: text(64 * 1024 * 1024) }),
    why: 'sent only after the user’s click; the copy goes to our own side panel, which shows the anonymised report before anything leaves it',
  },
  // The completion-issue flow (docs/contract.md, "Completion-issue flow").
  'report-issue': {
    from: { content: COURSE_SITES },
    to: ['background'],
    /** The user clicked "My completion isn't recorded" in a renewal badge: the catalogue name of its course. */
    request: request('report-issue', { course: text(LIMITS.title) }),
    response: z.object({ opened: z.boolean() }),
    why: 'only for a catalogue course, and only opens (or reuses) the one flow tab; the flow downloads or emails nothing until the user clicks there',
  },
  'save-account': {
    from: { content: COURSE_SITES },
    to: ['background'],
    /** Who the page shows signed in: prefills the evidence email's sender, which the user sees and can change. */
    request: request('save-account', { name: z.nullable(text(300)), email: z.nullable(text(300)) }),
    response: z.object({ saved: z.boolean() }),
    why: 'replaces one suggestion (the name and email the sites show); nothing is sent or deleted, and a name or address the user typed wins',
  },
  'person-changed': {
    from: { background: true, pages: true },
    to: ['pages'],
    request: request('person-changed', {}),
    response: ok,
    why: 'open pages read the name and email the sites show again',
  },
  'evidence-changed': {
    from: { background: true, pages: true },
    to: ['pages'],
    request: request('evidence-changed', {}),
    response: ok,
    why: 'open pages read the evidence locker again (a page was captured, a file added or deleted)',
  },
} as const satisfies Record<string, MessageDeclaration>;

type Table = typeof MESSAGES;
export type MessageType = keyof Table;
export type RequestOf<T extends MessageType> = z.infer<Table[T]['request']>;
export type ResponseOf<T extends MessageType> = z.infer<Table[T]['response']>;

/** Messages a content script may send (to the background). */
export type ContentMessageType = { [T in MessageType]: Table[T]['from'] extends { content: readonly Site[] } ? T : never }[MessageType];
export type ContentMessage = { [T in ContentMessageType]: RequestOf<T> }[ContentMessageType];
/** Messages an extension page may send to the background (and, for the `-changed` ones, the other pages). */
export type PageMessageType = { [T in MessageType]: Table[T]['from'] extends { pages: true } ? ('background' extends Table[T]['to'][number] ? T : never) : never }[MessageType];
export type PageMessage = { [T in PageMessageType]: RequestOf<T> }[PageMessageType];
/** What the background and pages tell every open extension page. */
export type BroadcastType = { [T in MessageType]: 'pages' extends Table[T]['to'][number] ? T : never }[MessageType];
/** What an extension page asks one tab's content script (sendToTab). */
export type TabMessageType = { [T in MessageType]: 'content' extends Table[T]['to'][number] ? T : never }[MessageType];
export type TabMessage = { [T in TabMessageType]: RequestOf<T> }[TabMessageType];
export type CollectCommand = RequestOf<'collect-evidence'>;

export function isMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(MESSAGES, type);
}

export function messageDeclaration(type: MessageType): MessageDeclaration {
  return MESSAGES[type];
}
