// Related meetings, previous/next meeting and the Meetings view, as the client shows them.

import { countryName } from '../knowledge/countries';
import type { CorpusIndex } from '../corpus/index';
import type { CancellationToken, IndexedFile } from '../corpus/types';
import { displayName } from '../corpus/people';
import { RelatedReason, adjacentMeetings, relatedMeetings } from '../corpus/related';
import { Translate } from './localize';
import { meetingItem } from './meetingItems';
import { MeetingItem, RelatedItem } from './types';

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
    ...meetingItem(related.meeting),
    score: Math.round(related.score * 100) / 100,
    sameEvent: related.reasons.some((reason) => reason.kind === 'same event'),
    reasons: related.reasons.map((reason) => reasonLabel(index, reason, t)),
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
