// What a content script (the part of the extension that lives next to web pages) may ask the
// background for. Each of these was checked: none downloads a file, opens an email or deletes the
// user's records or evidence. A new message type must be checked the same way, then added here.
import { describe, expect, it } from 'vitest';
import { ContentMessageSchema, PageMessageSchema } from '@/utils/messages';

type Union = { _zod: { def: { options: { _zod: { def: { shape: { type: { _zod: { def: { values: unknown[] } } } } } } }[] } } };
const types = (schema: unknown) => (schema as Union)._zod.def.options.map((o) => o._zod.def.shape.type._zod.def.values[0]).sort();

describe('message surface', () => {
  it('content scripts can only read state, save their own page’s records, log a problem and log time', () => {
    // save-page-records: merged, never erasing (utils/store/records.ts); only the page's own site and host (background/state.ts).
    // report-problem: appends to the troubleshooting log, which keeps its latest 50 entries.
    // log-time: adds to the time log (utils/timelog).
    expect(types(ContentMessageSchema)).toEqual(['get-state', 'log-time', 'report-problem', 'save-page-records']);
  });

  it('extension pages only ask the background to refresh', () => {
    expect(types(PageMessageSchema)).toEqual(['profile-changed', 'records-changed']);
  });
});
