// Related meetings, previous/next meeting and the Meetings view, as the client shows them.

import { CancellationToken, CorpusIndex, IndexedFile } from '../corpus/index';
import { adjacentMeetings, relatedMeetings } from '../corpus/related';
import { meetingItem } from './meetingItems';
import { MeetingItem, RelatedItem } from './types';

export function relatedItems(index: CorpusIndex, file: IndexedFile, token?: CancellationToken): RelatedItem[] {
  return relatedMeetings(index, file, token).map((related) => ({
    ...meetingItem(related.meeting),
    score: Math.round(related.score * 100) / 100,
    reasons: related.reasons.map((reason) => reason.label),
  }));
}

export function adjacentItem(index: CorpusIndex, file: IndexedFile, direction: 'previous' | 'next'): MeetingItem | null {
  const meeting = adjacentMeetings(index, file)[direction];
  return meeting ? meetingItem(meeting) : null;
}

/** Every meeting of the corpus, by date; the client groups them by counterpart. */
export function meetingList(index: CorpusIndex): MeetingItem[] {
  return index
    .meetings()
    .map(meetingItem)
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.uri.localeCompare(b.uri));
}
