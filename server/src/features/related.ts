// Related meetings, previous/next meeting and the Meetings view, as the client shows them.

import { countryName } from '../knowledge/countries';
import type { CorpusIndex } from '../corpus/index';
import type { CancellationToken, IndexedFile, IndexedMeeting } from '../corpus/types';
import { displayName } from '../corpus/people';
import { RelatedReason, adjacentMeetings, relatedMeetings, sameEvent } from '../corpus/related';
import { dayNumber, isoOfDay } from '../corpus/referenceTime';
import { Translate } from './localize';
import { meetingItem, meetingTitle } from './meetingItems';
import { Citing, MeetingItem, RelatedItem } from './types';

/** A reason in words. A new kind of reason fails to compile here until it has its message. */
function reasonLabel(index: CorpusIndex, reason: RelatedReason, t: Translate): string {
  const quoted = () => reason.values.map((phrase) => `'${phrase}'`).join(', ');
  switch (reason.kind) {
    case 'same event':
      return t('the same event: {0}', reason.values.join(', '));
    case 'participants': {
      const names = reason.values.map((id) => {
        const person = index.person(id);
        return person ? displayName(person) : id;
      });
      return t('shared participants: {0}', names.join(', '));
    }
    case 'reference':
      return t('referred to here: {0}', quoted());
    case 'referenced by':
      return t('refers to this readout: {0}', quoted());
    case 'countries':
      return t('shared countries: {0}', reason.values.map(countryName).join(', '));
    case 'topics':
      return t('shared topics: {0}', reason.values.join(', '));
    case 'time':
      return reason.values[0] === '0' ? t('same day') : t('{0} days apart', reason.values[0]);
  }
}

export function relatedItems(index: CorpusIndex, file: IndexedFile, t: Translate, token?: CancellationToken): RelatedItem[] {
  return relatedMeetings(index, file, token).map((related) => ({
    ...meetingItem(related.meeting, index),
    score: Math.round(related.score * 100) / 100,
    sameEvent: related.reasons.some((reason) => reason.kind === 'same event'),
    reasons: related.reasons.map((reason) => reasonLabel(index, reason, t)),
  }));
}

export function adjacentItem(index: CorpusIndex, file: IndexedFile, direction: 'previous' | 'next'): MeetingItem | null {
  const meeting = adjacentMeetings(index, file)[direction];
  return meeting ? meetingItem(meeting, index) : null;
}

/** Every meeting of the corpus, by date, each with the event it belongs to when another document tells it too, and who cites it. */
export function meetingList(index: CorpusIndex): MeetingItem[] {
  const events = eventsOf(index.meetings());
  const citing = citingOf(index);
  return index
    .meetings()
    .map((meeting) => ({ ...meetingItem(meeting, index), event: events.get(meeting) ?? null, citedBy: citing.get(meeting) ?? [] }))
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.uri.localeCompare(b.uri));
}

/** Per meeting, the phrases of other readouts that point at it, newest readout first. */
function citingOf(index: CorpusIndex): Map<IndexedMeeting, Citing[]> {
  const citing = new Map<IndexedMeeting, Citing[]>();
  for (const file of index.allFiles()) {
    for (const { from, reference } of index.referencesTo(file)) {
      const target = reference.target!;
      const source = index.meetingAt(from, reference.reference.range.start.line);
      const entry = { uri: from.uri, title: source ? meetingTitle(source) : (from.summary.title ?? ''), date: source?.date ?? null, range: reference.reference.range, sentence: reference.reference.sentence };
      const list = citing.get(target);
      if (list) list.push(entry);
      else citing.set(target, [entry]);
    }
  }
  for (const list of citing.values()) list.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.uri.localeCompare(b.uri));
  return citing;
}

/** The meetings that share an event with another document, each with the event's id (its first document's uri). */
function eventsOf(meetings: readonly IndexedMeeting[]): Map<IndexedMeeting, string> {
  const dated = meetings.filter((meeting) => meeting.date?.length === 10).sort((a, b) => a.date!.localeCompare(b.date!) || a.file.uri.localeCompare(b.file.uri));
  const events = new Map<IndexedMeeting, string>();
  for (let i = 0; i < dated.length; i++) {
    const first = dated[i];
    // Only the next two days can hold the same event: the dates are sorted.
    const last = isoOfDay(dayNumber(first.date!) + 1);
    for (let j = i + 1; j < dated.length && dated[j].date! <= last; j++) {
      const other = dated[j];
      if (other.file === first.file || !sameEvent(first, other)) continue;
      const event = events.get(first) ?? events.get(other) ?? `${first.file.uri}#${first.index}`;
      events.set(first, event);
      events.set(other, event);
    }
  }
  return events;
}

