// Related meetings: for a readout, the other meetings of the corpus ranked by what they share,
// each with the reasons that put it in the list.

import { countryName } from '../knowledge/countries';
import { displayName } from './people';
import { CancellationToken, CorpusIndex, IndexedFile, IndexedMeeting } from './index';
import { windowOf } from './references';

export type RelatedReasonKind = 'participants' | 'reference' | 'referenced by' | 'countries' | 'time';

export interface RelatedReason {
  readonly kind: RelatedReasonKind;
  /** For people: their ids; for countries: ISO codes; for references: the phrase; for time: days apart. */
  readonly values: readonly string[];
  readonly label: string;
}

export interface RelatedMeeting {
  readonly meeting: IndexedMeeting;
  readonly score: number;
  readonly reasons: readonly RelatedReason[];
}

const WEIGHT = { participant: 3, reference: 5, country: 1.5, time: 1 };
/** Closeness in time halves every this many days. */
const TIME_HALF_LIFE_DAYS = 120;

/**
 * Meetings of other files that share people, are referenced either way, or involve the same
 * foreign countries; closeness in time only orders them, it never admits one on its own.
 */
export function relatedMeetings(index: CorpusIndex, file: IndexedFile, token?: CancellationToken): RelatedMeeting[] {
  const ownPeople = new Set(file.meetings.flatMap((meeting) => meeting.personIds));
  const ownForeign = new Set(file.meetings.flatMap((meeting) => meeting.summary.countries.filter((code) => code !== 'JP')));
  const ownWindow = windowOf(file.main?.date ?? null);
  const outgoing = index.references(file);
  const incoming = index.referencesTo(file);
  const people = index.peopleIndex;
  const nameOf = (id: string) => {
    const person = people.people.find((p) => p.id === id);
    return person ? displayName(person) : id;
  };

  const related: RelatedMeeting[] = [];
  for (const meeting of index.meetings()) {
    if (token?.isCancellationRequested) return [];
    if (meeting.file.uri === file.uri) continue;
    const reasons: RelatedReason[] = [];
    let score = 0;
    const shared = meeting.personIds.filter((id) => ownPeople.has(id));
    if (shared.length) {
      score += WEIGHT.participant * shared.length;
      reasons.push({ kind: 'participants', values: shared, label: `shared participants: ${shared.map(nameOf).join(', ')}` });
    }
    const cites = outgoing.filter((r) => r.target === meeting).map((r) => r.reference.text);
    if (cites.length) {
      score += WEIGHT.reference;
      reasons.push({ kind: 'reference', values: cites, label: `referred to here: ${cites.map((c) => `'${c}'`).join(', ')}` });
    }
    const citedBy = incoming.filter((r) => r.from === meeting.file && index.meetingAt(meeting.file, r.reference.reference.range.start.line) === meeting);
    if (citedBy.length) {
      score += WEIGHT.reference;
      const phrases = citedBy.map((r) => r.reference.reference.text);
      reasons.push({ kind: 'referenced by', values: phrases, label: `refers to this readout: ${phrases.map((c) => `'${c}'`).join(', ')}` });
    }
    const countries = meeting.summary.countries.filter((code) => ownForeign.has(code));
    if (countries.length) {
      score += WEIGHT.country * countries.length;
      reasons.push({ kind: 'countries', values: countries, label: `shared countries: ${countries.map(countryName).join(', ')}` });
    }
    if (reasons.length === 0) continue;
    const theirs = windowOf(meeting.date);
    if (ownWindow && theirs) {
      const days = Math.max(0, theirs.from - ownWindow.to, ownWindow.from - theirs.to);
      score += WEIGHT.time * Math.pow(0.5, days / TIME_HALF_LIFE_DAYS);
      reasons.push({ kind: 'time', values: [String(days)], label: days === 0 ? 'same day' : `${days} days apart` });
    }
    related.push({ meeting, score, reasons });
  }
  return related.sort((a, b) => b.score - a.score || (b.meeting.date ?? '').localeCompare(a.meeting.date ?? ''));
}

/** The meetings before and after this file's main meeting with the same counterpart countries, by date. */
export function adjacentMeetings(index: CorpusIndex, file: IndexedFile): { previous: IndexedMeeting | null; next: IndexedMeeting | null } {
  const main = file.main;
  if (!main?.date) return { previous: null, next: null };
  const counterpart = main.summary.countries.filter((code) => code !== 'JP').sort().join(',');
  const same = index
    .meetings()
    .filter((meeting) => meeting.date && meeting.summary.countries.filter((code) => code !== 'JP').sort().join(',') === counterpart)
    .sort((a, b) => a.date!.localeCompare(b.date!) || a.file.uri.localeCompare(b.file.uri) || a.index - b.index);
  const at = same.indexOf(main);
  return { previous: same[at - 1] ?? null, next: at >= 0 ? same[at + 1] ?? null : null };
}
