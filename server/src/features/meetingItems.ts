// Corpus meetings as the client lists them: quick pick, Meetings view, previous/next.

import { countryName } from '../knowledge/countries';
import type { CorpusIndex } from '../corpus/index';
import { displayName } from '../corpus/people';
import type { IndexedMeeting } from '../corpus/types';
import { MeetingItem } from './types';

export function meetingTitle(meeting: IndexedMeeting): string {
  return meeting.summary.title ?? meeting.file.summary.title ?? meeting.file.uri.split('/').pop() ?? '';
}

export function meetingItem(meeting: IndexedMeeting, index: CorpusIndex): MeetingItem {
  const counterpart = meeting.summary.countries.filter((code) => code !== 'JP').map(countryName).join(', ');
  const persons = meeting.participants.map((participant) => ({ participant, person: participant.personId ? index.person(participant.personId) : undefined }));
  const people = persons.map(({ participant, person }) => (person ? displayName(person) : participant.name));
  const latinPeople = persons.map(({ participant, person }) => person?.latin || (person ? displayName(person) : participant.name));
  return {
    uri: meeting.file.uri,
    range: meeting.summary.titleRange,
    title: meetingTitle(meeting),
    date: meeting.date,
    kind: meeting.summary.kind,
    place: meeting.summary.place,
    countries: meeting.summary.countries,
    counterpart: counterpart || '日本',
    people: [...new Set(people)],
    latinPeople: [...new Set(latinPeople)],
  };
}
