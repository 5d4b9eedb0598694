// How long a course or module takes, as a page says it ("8 minutes", "about 30 minutes", "1 hour 20
// minutes", "1 h 30 min", "45 mins", "1.5 hours"): whole minutes, or null when the text says no
// duration. Pure text: the readers decide which texts are a course's (issue 17, docs/rules.md).
// The patterns are built on first use (utils/patterns.ts): most texts a content script reads are no duration.
import { onFirstUse } from '@/utils/patterns';

const UNIT = String.raw`(hours?|hrs?|h|minutes?|mins?|m)`;
const PART = onFirstUse(String.raw`(\d+(?:[.,]\d+)?)\s*${UNIT}(?![\p{L}])`, 'giu');
/** The whole text is a duration (with "about", "approx." or "takes" around it at most). */
const WHOLE = onFirstUse(String.raw`^(?:(?:takes|about|approx(?:imately|\.)?|around|duration:?|estimated time:?|time:?|c\.|~)\s*)*(?:\d+(?:[.,]\d+)?\s*${UNIT}(?![\p{L}])[\s,]*(?:and\s*)?){1,2}$`, 'iu');
/** A duration inside a sentence: "It takes about 30 minutes", "Self-paced course · about 30 minutes". */
const IN_SENTENCE = onFirstUse(String.raw`(?:takes|about|approx(?:imately|\.)?|around|duration:?|·|\|)\s*((?:\d+(?:[.,]\d+)?\s*${UNIT}(?![\p{L}])[\s,]*(?:and\s*)?){1,2})`, 'iu');

/** Most a course could take: a longer figure is not a course's duration. */
const MAX_MINUTES = 24 * 60;

function sum(text: string): number | null {
  let minutes = 0;
  let parts = 0;
  for (const m of text.matchAll(PART())) {
    const value = Number(m[1]!.replace(',', '.'));
    const unit = m[2]!.toLowerCase();
    minutes += unit.startsWith('h') ? value * 60 : value;
    parts++;
  }
  const whole = Math.round(minutes);
  return parts && whole > 0 && whole <= MAX_MINUTES ? whole : null;
}

/** A text that is a duration and nothing else ("8 minutes", "About 1 h 20 min"). */
export function durationOf(text: string): number | null {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length <= 60 && WHOLE().test(t) ? sum(t) : null;
}

/** A duration a sentence gives ("It takes about 30 minutes and can be paused"). */
export function durationInSentence(text: string): number | null {
  const whole = durationOf(text);
  if (whole !== null) return whole;
  const m = IN_SENTENCE().exec(text.replace(/\s+/g, ' '));
  return m ? sum(m[1]!) : null;
}

/** "about 1 h 40 min", "about 25 min": for the popup's total and a course's line. */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `about ${h ? `${h} h${m ? ' ' : ''}` : ''}${m || !h ? `${m} min` : ''}`;
}
