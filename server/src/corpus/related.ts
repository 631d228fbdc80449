// Related meetings: for a readout, the other meetings of the corpus ranked by what they share,
// each with the reasons that put it in the list.

import type { CorpusIndex } from './index';
import type { CancellationToken, IndexedFile, IndexedMeeting } from './types';
import { windowOf } from './references';

export type RelatedReasonKind = 'participants' | 'reference' | 'referenced by' | 'countries' | 'topics' | 'time';

/** What two meetings share; features/related.ts words it for the editor. */
export interface RelatedReason {
  readonly kind: RelatedReasonKind;
  /** For people: their ids; for countries: ISO codes; for references: the phrase; for topics: the terms; for time: days apart. */
  readonly values: readonly string[];
}

export interface RelatedMeeting {
  readonly meeting: IndexedMeeting;
  readonly score: number;
  readonly reasons: readonly RelatedReason[];
}

/** A topic counts by its weight in both meetings (1 for the strongest topic of each). */
const WEIGHT = { participant: 3, reference: 5, country: 1.5, topic: 1, time: 1 };
/** Closeness in time halves every this many days. */
const TIME_HALF_LIFE_DAYS = 120;

/**
 * Meetings of other files that share people, are referenced either way, involve the same foreign
 * countries or share topics; closeness in time only orders them, it never admits one on its own.
 */
export function relatedMeetings(index: CorpusIndex, file: IndexedFile, token?: CancellationToken): RelatedMeeting[] {
  // The ranking changes only with the corpus (or its topics): keep it per file until then, and
  // no longer than the file's entry is used (an open document's goes with each edit).
  const key = `${index.generation}:${index.topics?.generation ?? 0}`;
  const cache = rankings.get(index);
  const known = cache?.key === key ? cache.byFile.get(file) : undefined;
  if (known) return known;
  const related = rank(index, file, token);
  if (token?.isCancellationRequested) return related;
  const current = cache?.key === key ? cache : { key, byFile: new WeakMap() };
  current.byFile.set(file, related);
  rankings.set(index, current);
  return related;
}

const rankings = new WeakMap<CorpusIndex, { key: string; byFile: WeakMap<IndexedFile, RelatedMeeting[]> }>();

function rank(index: CorpusIndex, file: IndexedFile, token?: CancellationToken): RelatedMeeting[] {
  const ownPeople = new Set(file.meetings.flatMap((meeting) => meeting.personIds));
  const ownForeign = new Set(file.meetings.flatMap((meeting) => meeting.summary.countries.filter((code) => code !== 'JP')));
  const ownWindow = windowOf(file.main?.date ?? null);
  const outgoing = index.references(file);
  const incoming = index.referencesTo(file);
  const ownTopics = new Map<string, number>();
  for (const meeting of file.meetings) {
    for (const { term, weight } of index.topics?.topicsOf(meeting) ?? []) ownTopics.set(term, Math.max(weight, ownTopics.get(term) ?? 0));
  }

  const related: RelatedMeeting[] = [];
  for (const meeting of index.meetings()) {
    if (token?.isCancellationRequested) return [];
    if (meeting.file.uri === file.uri) continue;
    const reasons: RelatedReason[] = [];
    let score = 0;
    const shared = meeting.personIds.filter((id) => ownPeople.has(id));
    if (shared.length) {
      score += WEIGHT.participant * shared.length;
      reasons.push({ kind: 'participants', values: shared });
    }
    const cites = outgoing.filter((r) => r.target === meeting).map((r) => r.reference.text);
    if (cites.length) {
      score += WEIGHT.reference;
      reasons.push({ kind: 'reference', values: cites });
    }
    const citedBy = incoming.filter((r) => r.from === meeting.file && index.meetingAt(meeting.file, r.reference.reference.range.start.line) === meeting);
    if (citedBy.length) {
      score += WEIGHT.reference;
      const phrases = citedBy.map((r) => r.reference.reference.text);
      reasons.push({ kind: 'referenced by', values: phrases });
    }
    const countries = meeting.summary.countries.filter((code) => ownForeign.has(code));
    if (countries.length) {
      score += WEIGHT.country * countries.length;
      reasons.push({ kind: 'countries', values: countries });
    }
    const topics = (index.topics?.topicsOf(meeting) ?? []).filter(({ term }) => ownTopics.has(term));
    if (topics.length) {
      score += WEIGHT.topic * topics.reduce((sum, { term, weight }) => sum + Math.sqrt(weight * ownTopics.get(term)!), 0);
      reasons.push({ kind: 'topics', values: topics.map(({ term }) => term) });
    }
    if (reasons.length === 0) continue;
    const theirs = windowOf(meeting.date);
    if (ownWindow && theirs) {
      const days = Math.max(0, theirs.from - ownWindow.to, ownWindow.from - theirs.to);
      score += WEIGHT.time * Math.pow(0.5, days / TIME_HALF_LIFE_DAYS);
      reasons.push({ kind: 'time', values: [String(days)] });
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
