// Related meetings: for a readout, the other meetings of the corpus ranked by what they share,
// each with the reasons that put it in the list.

import type { CorpusIndex } from './index';
import type { CancellationToken, IndexedFile, IndexedMeeting } from './types';
import { levelOfKind } from './references';
import { windowOf } from './referenceTime';
import { meetingAt } from './resolver';

export type RelatedReasonKind = 'same event' | 'participants' | 'reference' | 'referenced by' | 'countries' | 'topics' | 'time';

/** What two meetings share; features/related.ts words it for the editor. */
export interface RelatedReason {
  readonly kind: RelatedReasonKind;
  /**
   * For the same event: the other document's kind; for people: their ids; for countries: ISO codes;
   * for references: the phrases; for topics: the terms; for time: days apart.
   */
  readonly values: readonly string[];
}

export interface RelatedMeeting {
  readonly meeting: IndexedMeeting;
  readonly score: number;
  readonly reasons: readonly RelatedReason[];
}

/** A topic counts by its weight in both meetings (1 for the strongest topic of each). The same event outranks everything. */
const WEIGHT = { sameEvent: 100, participant: 3, reference: 5, country: 1.5, topic: 1, time: 1 };
/** Closeness in time halves every this many days. */
const TIME_HALF_LIFE_DAYS = 120;
/**
 * What a meeting must share to be related, closeness in time aside: one person (3), a reference (5),
 * two countries (3), a country and a strong topic (1.5 + at least 0.5), or two strong topics. One
 * shared country or topic alone is not enough: in a corpus about one counterpart, every readout
 * would be related to every other. On corpus/ the weakest relations kept are a counterpart and one
 * topic (平和条約 between Japan–Russia readouts, 尖閣諸島 between Japan–US ones, about 2.1): a
 * higher floor would drop those with the few generic ones, and there is no gap in the scores to
 * put it in. The code lens, the picker and the CLI all count what passes it (relatedMeetings).
 */
const RELATED_FLOOR = 2;
/** The most related meetings kept: the code lens counts them, the picker and the CLI list them. */
export const MAX_RELATED = 50;
/** Kinds that report a meeting rather than hold one: a press conference, a joint press event or statement. */
const REPORTING_KINDS: ReadonlySet<string> = new Set(['記者会見', '共同記者発表', '共同声明']);

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
    if (file.meetings.some((own) => sameEvent(own, meeting))) {
      score += WEIGHT.sameEvent;
      reasons.push({ kind: 'same event', values: [meeting.summary.kind ?? '会談'] });
    }
    const shared = meeting.personIds.filter((id) => ownPeople.has(id));
    if (shared.length) {
      score += WEIGHT.participant * shared.length;
      reasons.push({ kind: 'participants', values: shared });
    }
    const cites = unique(outgoing.filter((r) => r.target === meeting).map((r) => r.reference.text));
    if (cites.length) {
      score += WEIGHT.reference;
      reasons.push({ kind: 'reference', values: cites });
    }
    const citedBy = incoming.filter((r) => r.from === meeting.file && index.meetingAt(meeting.file, r.reference.reference.range.start.line) === meeting);
    if (citedBy.length) {
      score += WEIGHT.reference;
      // A phrase both readouts write of each other is quoted once, under 'reference'.
      const phrases = unique(citedBy.map((r) => r.reference.reference.text)).filter((phrase) => !cites.includes(phrase));
      if (phrases.length) reasons.push({ kind: 'referenced by', values: phrases });
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
    if (score < RELATED_FLOOR) continue;
    const theirs = windowOf(meeting.date);
    if (ownWindow && theirs) {
      const days = Math.max(0, theirs.from - ownWindow.to, ownWindow.from - theirs.to);
      score += WEIGHT.time * Math.pow(0.5, days / TIME_HALF_LIFE_DAYS);
      reasons.push({ kind: 'time', values: [String(days)] });
    }
    related.push({ meeting, score, reasons });
  }
  related.sort((a, b) => b.score - a.score || (b.meeting.date ?? '').localeCompare(a.meeting.date ?? ''));
  return related.slice(0, MAX_RELATED);
}

const unique = (values: readonly string[]) => [...new Set(values)];

/**
 * Two documents of one event: a day apart at most, with a person or the counterpart countries in
 * common, and of kinds that fit: one reporting the other (the summary of a 2+2 and the minister's
 * press conference that day, a summit and its joint statement), or the same meeting told twice
 * (a summary and its news copy: the same level and the same counterpart countries).
 */
export function sameEvent(a: IndexedMeeting, b: IndexedMeeting): boolean {
  const [first, second] = [windowOf(a.date), windowOf(b.date)];
  if (!first || !second || first.from !== first.to || second.from !== second.to || Math.abs(first.from - second.from) > 1) return false;
  const sharesPerson = a.personIds.some((id) => b.personIds.includes(id));
  const [foreignA, foreignB] = [foreignOf(a), foreignOf(b)];
  if (!sharesPerson && (foreignA === '' || foreignA !== foreignB)) return false;
  const [kindA, kindB] = [a.summary.kind, b.summary.kind];
  if (REPORTING_KINDS.has(kindA ?? '') || REPORTING_KINDS.has(kindB ?? '')) {
    // A minister's press conference has no counterpart of its own: it tells of a meeting when it
    // names one of that meeting's foreign participants; two such conferences are one only when
    // they are one conference told twice (the same kind, the same day), not the next day's.
    if (foreignA === '' && foreignB === '') return kindA === kindB && first.from === second.from;
    if (foreignA === '') return namesForeignParticipant(a, b);
    if (foreignB === '') return namesForeignParticipant(b, a);
    return foreignA === foreignB;
  }
  // Two meetings held the same day between other countries are two events (a bilateral beside a trilateral).
  if (foreignA !== foreignB) return false;
  const [levelA, levelB] = [levelOfKind(kindA).level, levelOfKind(kindB).level];
  return levelA !== null ? levelA === levelB : kindA !== null && kindA === kindB;
}

const foreignOf = (meeting: IndexedMeeting) => meeting.summary.countries.filter((code) => code !== 'JP').sort().join(',');

/** Whether a document without a counterpart names, in its own meeting's lines, someone from the other side of another meeting. */
function namesForeignParticipant(report: IndexedMeeting, meeting: IndexedMeeting): boolean {
  const foreign = new Set(meeting.participants.filter((p) => p.personId && p.country !== 'JP').map((p) => p.personId));
  return report.file.names.some((name) => name.personId !== null && foreign.has(name.personId) && meetingAt(report.file, name.line) === report);
}

/** The meetings before and after this file's main meeting with the same counterpart countries, by date. */
export function adjacentMeetings(index: CorpusIndex, file: IndexedFile): { previous: IndexedMeeting | null; next: IndexedMeeting | null } {
  const main = file.main;
  if (!main?.date) return { previous: null, next: null };
  const counterpart = foreignOf(main);
  const same = index
    .meetings()
    .filter((meeting) => meeting.date && foreignOf(meeting) === counterpart)
    .sort((a, b) => a.date!.localeCompare(b.date!) || a.file.uri.localeCompare(b.file.uri) || a.index - b.index);
  const at = same.indexOf(main);
  return { previous: same[at - 1] ?? null, next: at >= 0 ? same[at + 1] ?? null : null };
}
