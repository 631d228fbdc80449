// Dates and times in short forms: the old 防衛庁 pages' date line '16.2.27' (a 平成 year, dots, no
// era) and span '(0940〜0950)' (four digits a time, no colon), and a news headline's day in a
// bracket '(8/22午前)'. Each is read only where it stands alone or closes a headline, so that
// version numbers, fractions and figures in running text are never dates.

import { DateMention, isPossibleDate } from './dates';
import type { TimeMention } from './times';
import { readNumber } from './text';

/** '16.2.27', 'H16.2.27', '平成16.2.27' alone on a line. */
const ERA_DOTTED = /^(?:H|Ｈ|平成)?([0-9０-９]{1,2})[.．]([0-9０-９]{1,2})[.．]([0-9０-９]{1,2})$/;
/** The 平成 years the 防衛庁 layout was used in. */
const HEISEI_FIRST_YEAR = 1988;
const HEISEI_LAST = 31;

/** The date of a line that is only a dotted 平成 date, as a mention over the whole line. */
export function eraDottedDate(line: string): DateMention | null {
  const match = ERA_DOTTED.exec(line);
  if (!match) return null;
  const [era, month, day] = [readNumber(match[1])!, readNumber(match[2])!, readNumber(match[3])!];
  const year = HEISEI_FIRST_YEAR + era;
  if (era < 1 || era > HEISEI_LAST || !isPossibleDate(year, month, day)) return null;
  return { start: 0, end: line.length, year, month, day };
}

/** '(0940〜0950)': a bracketed span of two four-digit times. */
const COMPACT_SPAN = /[(（]([0-2][0-9])([0-5][0-9])[ \t]*[~〜～\-－][ \t]*([0-2][0-9])([0-5][0-9])[)）]/g;

/** The start and end of every compact span in `text`. */
export function compactTimes(text: string): TimeMention[] {
  const found: TimeMention[] = [];
  for (const match of text.matchAll(COMPACT_SPAN)) {
    const [startHours, startMinutes, endHours, endMinutes] = [1, 2, 3, 4].map((group) => Number(match[group]));
    if (startHours > 23 || endHours > 23) continue;
    const at = match.index + 1;
    found.push(
      { start: at, end: at + 4, minutes: startHours * 60 + startMinutes, dayOffset: 0, japan: false, local: false },
      { start: at + 5, end: at + 9, minutes: endHours * 60 + endMinutes, dayOffset: 0, japan: false, local: false },
    );
  }
  return found;
}

/** A headline's closing bracket with the day and session: '…松野長官会見(8/22午前)'. */
const HEADLINE_DAY = /[(（]([0-9０-９]{1,2})[/／]([0-9０-９]{1,2})(?:午前|午後|夜)?[)）][ \t\u3000]*$/;

/** The month and day a short headline closes with, as a mention within `line`. */
export function headlineMonthDay(line: string): DateMention | null {
  if (line.length > 80 || /[。．]/.test(line)) return null;
  const match = HEADLINE_DAY.exec(line);
  if (!match) return null;
  const [month, day] = [readNumber(match[1])!, readNumber(match[2])!];
  return isPossibleDate(null, month, day) ? { start: match.index, end: match.index + match[0].length, year: null, month, day } : null;
}
