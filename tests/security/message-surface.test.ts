// What a content script (the part of the extension that lives next to web pages) may ask the
// background for, read from the message table itself. Each of these was checked: none downloads a
// file, opens an email or deletes the user's records or evidence. A new message must be checked the
// same way, then added here (its declaration's `why` says why it is safe).
import { describe, expect, it } from 'vitest';
import { MESSAGES, type MessageType } from '@/utils/data/messages';

const types = Object.keys(MESSAGES) as MessageType[];
const fromContent = (site?: string) => types.filter((t) => ((MESSAGES[t].from as { content?: readonly string[] }).content ?? []).some((s) => !site || s === site)).sort();
const fromPages = () => types.filter((t) => (MESSAGES[t].from as { pages?: true }).pages === true).sort();

describe('message surface', () => {
  it('content scripts can only read state, save their own page’s records, log a problem, log time, quiet an alert, suggest the sender and open the flow', () => {
    // save-page-records: merged, never erasing (utils/store/records.ts); the records are made by the background from the sender (utils/background/page-records.ts).
    // report-problem: appends to the troubleshooting log, which keeps its latest 50 entries.
    // log-time: adds to the time log (utils/timelog), never overlapping time already counted.
    // get-time-log-switch, is-alert-dismissed: read one flag; dismiss-alert: quiets one alert on the sender's own page.
    // save-account: replaces the suggested name and email (utils/evidence/sender.ts); what the user typed wins, and nothing is sent.
    // report-issue: opens (or reuses) the one flow tab for a catalogue course; it downloads and emails nothing until the user clicks there.
    expect(fromContent()).toEqual(['dismiss-alert', 'get-state', 'get-time-log-switch', 'is-alert-dismissed', 'log-time', 'report-issue', 'report-problem', 'save-account', 'save-page-records']);
    for (const t of fromContent()) expect(MESSAGES[t].to).toEqual(['background']);
  });

  it('the Microsoft sign-in pages can only read the settings and raise, log or quiet an alert', () => {
    expect(fromContent('microsoft')).toEqual(['dismiss-alert', 'get-state', 'is-alert-dismissed', 'report-problem']);
  });

  it('extension pages only ask the background to refresh, and a content script to collect on the user’s click, or to say what it read', () => {
    // read-page: reads the page and changes nothing; show-on-page: our own outlines, only while the side panel is open;
    // copy-page: the page's HTML to our own side panel, which anonymises it and shows it before the user copies or saves it.
    // person-changed, evidence-changed: tell the other open pages to read again; nothing answers them.
    expect(fromPages()).toEqual(['collect-evidence', 'copy-page', 'evidence-changed', 'person-changed', 'profile-changed', 'read-page', 'records-changed', 'show-on-page']);
    for (const t of ['collect-evidence', 'read-page', 'show-on-page', 'copy-page'] as const) expect(MESSAGES[t].to).toEqual(['content']);
    for (const t of ['evidence-changed', 'person-changed'] as const) expect(MESSAGES[t].to).toEqual(['pages']);
  });

  it('every message says why it is safe', () => {
    for (const t of types) expect(MESSAGES[t].why.length, t).toBeGreaterThan(10);
  });
});
