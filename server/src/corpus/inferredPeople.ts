// People the knowledge file does not hold: a counterpart named with an office and a country
// ('ジュリー・ビショップ豪州外務大臣') is still one person across the corpus. Their id comes from
// the name, the country and the kind of office, so that it is the same in every file (and after
// every edit) without a pass over the corpus, and never shared by namesakes of another country or
// office. A family name alone in kanji ('林', '金') or in two katakana ('キム') is too common to
// stand for anyone by itself.

import { type Person, nameKey } from '../knowledge/people';
import type { IndexedMeeting } from './types';

/** Ids of inferred people start so: no knowledge-file id does. */
const INFERRED = '~';

const OFFICE_CLASSES: readonly [RegExp, string][] = [
  [/外務|外相|外交|国務長官|国務委員/, 'foreign'],
  [/防衛|国防|戦争|軍/, 'defence'],
  [/総理|首相|大統領|主席|国王|首長|国家元首/, 'leader'],
];

function officeClass(title: string): string {
  return OFFICE_CLASSES.find(([pattern]) => pattern.test(title))?.[1] ?? nameKey(title);
}

/** The part of a name that every way of writing it keeps: a foreign name's last part, a Japanese or Chinese full name whole. */
function nameCore(name: string): string | null {
  const parts = name.split(/[・･=＝\s\u3000]/).filter(Boolean);
  const last = parts[parts.length - 1] ?? '';
  // Two katakana ('キム', 'リー') are too common a family name to stand for one person.
  if (/^[ァ-ヴー]+$/.test(last)) return last.length >= 3 ? nameKey(last) : null;
  const whole = nameKey(name);
  return /^[一-龥々]+$/.test(whole) && whole.length >= 3 ? whole : null;
}

/** The id of someone named with an office and a country, or null when the name is too thin to tell them. */
export function inferredPersonId(name: string, title: string | null, country: string | null): string | null {
  if (!title || !country) return null;
  const core = nameCore(name);
  return core ? `${INFERRED}${country}:${officeClass(title)}:${core}` : null;
}

export function isInferredId(id: string): boolean {
  return id.startsWith(INFERRED);
}

/** The inferred people of the corpus, each with the ways the texts write them and the span of their meetings as their term. */
export function inferPeople(meetings: readonly IndexedMeeting[]): Map<string, Person> {
  type Seen = { names: Map<string, number>; titles: Map<string, number>; country: string; dates: string[] };
  const seen = new Map<string, Seen>();
  for (const meeting of meetings) {
    for (const participant of meeting.participants) {
      const id = participant.personId;
      if (!id || !isInferredId(id)) continue;
      const entry: Seen = seen.get(id) ?? { names: new Map(), titles: new Map(), country: participant.country ?? '', dates: [] };
      seen.set(id, entry);
      entry.names.set(participant.name, (entry.names.get(participant.name) ?? 0) + 1);
      if (participant.title) entry.titles.set(participant.title, (entry.titles.get(participant.title) ?? 0) + 1);
      if (meeting.date) entry.dates.push(meeting.date);
    }
  }
  const people = new Map<string, Person>();
  for (const [id, { names, titles, country, dates }] of seen) {
    // The longest written form is the fullest ('ジュリー・ビショップ' over 'ビショップ').
    const written = [...names.keys()].sort((a, b) => b.length - a.length || (names.get(b)! - names.get(a)!));
    const title = [...titles].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
    const sorted = dates.sort();
    people.set(id, {
      id,
      family: id.slice(id.lastIndexOf(':') + 1),
      names: written,
      variants: [],
      latin: '',
      country,
      offices: [{ title, from: sorted[0] ?? '', to: sorted[sorted.length - 1] ?? null }],
    });
  }
  return people;
}
