// How long a course takes, as its own entry says (issue 17): "Self-paced course · about 30 minutes",
// "Duration: 1 h 20 min", "It takes about 30 minutes". Read from the entry's text nodes with a digit (every
// duration has one), never from the page around it, and only with a duration word beside the figure: a bare
// "45 min", "Session expires in 20 minutes" or "about 2 hours ago" says nothing sure of the course, so its
// time stays unknown (never guessed).
import type { TextReader } from '@/utils/dom/text';
import { durationInSentence, durationOf } from '@/utils/platforms/duration';

/** A number and a unit of time: the only texts worth the duration patterns (most digits are dates and scores). */
const MAYBE = /\d\s*(h|hours?|hrs?|m|min|mins|minutes?)\b/i;
/** Times that are not how long the course takes. */
const NOT_LENGTH = /\b(ago|left|remaining|expir|session|timeout|(over)?due\b)/i;

/** The minutes one text node gives, when it and the words around it say how long the course takes. */
function minutesAt(node: Text, entry: Element, read: TextReader): number | null {
  let text: string | null = node.data;
  if (!MAYBE.test(text)) return null;
  // A bare "45 min": the words are on its line, around the element that shows only it ("Duration: <b>45 min</b>").
  if (/^\s*\d/.test(text) && durationOf(text) !== null) {
    const bare = read.clean(node);
    let el = node.parentElement!;
    for (text = read.short(el, 200); text === bare && el !== entry; text = read.short(el, 200)) el = el.parentElement!;
    if (el === entry) return null;
  }
  return text && !NOT_LENGTH.test(text) ? durationInSentence(text) : null;
}

/** The course's duration in minutes: the first its entry shows, or null. */
export function minutesIn(entry: Element, digits: readonly Text[], read: TextReader): number | null {
  for (const node of digits) {
    const minutes = minutesAt(node, entry, read);
    if (minutes !== null) return minutes;
  }
  return null;
}
