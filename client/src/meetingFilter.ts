// The Meetings view's filter, as a reader types it: words that a meeting must all hold somewhere
// (a person, a country, a kind, a word of the title) and a year or a span of years ('2018',
// '2016-2019'). No editor API here, so that it is tested on its own.

import type { MeetingItem } from '../../server/src/protocol';

/** What a filter asks for: words every meeting must hold somewhere, and a span of years. */
export interface MeetingFilter {
  readonly words: readonly string[];
  readonly years: readonly [number, number] | null;
}

const YEARS = /^(\d{4})(?:\s*[-–~〜]\s*(\d{4}))?$/;

export function parseFilter(text: string): MeetingFilter {
  const words: string[] = [];
  let years: [number, number] | null = null;
  for (const word of text.trim().split(/[\s\u3000]+/).filter(Boolean)) {
    const span = YEARS.exec(word);
    if (span) years = [Number(span[1]), Number(span[2] ?? span[1])].sort((a, b) => a - b) as [number, number];
    else words.push(word.toLowerCase());
  }
  return { words, years };
}

export function matchesFilter(item: MeetingItem, filter: MeetingFilter): boolean {
  if (filter.years) {
    const year = item.date ? Number(item.date.slice(0, 4)) : NaN;
    if (!(year >= filter.years[0] && year <= filter.years[1])) return false;
  }
  const haystack = [item.title, item.kind ?? '', item.counterpart, ...item.people].join('\n').toLowerCase();
  return filter.words.every((word) => haystack.includes(word));
}
