// "Add to Outlook calendar": Outlook on the web's calendar compose deeplink with the event filled in
// (no file needed), as links.ts does for email. The same path, subject, body and all-day start/end
// as the .ics event; Outlook reads `startdt`/`enddt` as dates when `allday=true` (end exclusive).
import { addDays } from '@/utils/dates/calendar';
import { OUTLOOK_MAX_URL } from '@/utils/evidence/links';
import type { CalendarEventPlan } from './plan';

const BASE = 'https://outlook.office.com/calendar/0/deeplink/compose';

/** The deeplink for one event, at most `maxLength` characters (the description is cut at a line if it must be). */
export function outlookCalendarUrl(event: Pick<CalendarEventPlan, 'title' | 'date' | 'description'>, maxLength = OUTLOOK_MAX_URL): string {
  const url = (body: string) => {
    const params = new URLSearchParams({
      path: '/calendar/action/compose',
      rru: 'addevent',
      subject: event.title,
      startdt: event.date,
      enddt: addDays(event.date, 1),
      allday: 'true',
      body,
    });
    // URLSearchParams writes spaces as `+`, which Outlook shows literally (docs/pages.md): `%20` instead.
    return `${BASE}?${params.toString().replace(/\+/g, '%20')}`;
  };
  const lines = event.description.split('\n');
  for (let n = lines.length; n > 0; n--) {
    const link = url(lines.slice(0, n).join('\n'));
    if (link.length <= maxLength) return link;
  }
  return url('');
}
