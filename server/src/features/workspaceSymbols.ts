// Workspace symbols: the corpus's meetings ('2018-03-21 日露外相会談') and the people in them.

import { nameKey } from '../knowledge/people';
import { CancellationToken, CorpusIndex } from '../corpus/index';
import { displayName } from '../corpus/people';
import { meetingTitle } from './meetingItems';
import { WorkspaceSymbol } from './types';

function matches(query: string, ...texts: string[]): boolean {
  if (!query) return true;
  const wanted = nameKey(query.toLowerCase());
  return texts.some((text) => nameKey(text.toLowerCase()).includes(wanted));
}

export function workspaceSymbols(index: CorpusIndex, query: string, token?: CancellationToken): WorkspaceSymbol[] {
  const symbols: WorkspaceSymbol[] = [];
  const seenPeople = new Set<string>();
  for (const meeting of index.meetings()) {
    if (token?.isCancellationRequested) return [];
    const title = meetingTitle(meeting);
    const name = `${meeting.date ?? ''} ${title}`.trim();
    const file = meeting.file.uri.split('/').pop()!;
    if (matches(query, name, meeting.summary.kind ?? '')) {
      symbols.push({ name, kind: 'meeting', containerName: file, location: { uri: meeting.file.uri, range: meeting.summary.titleRange } });
    }
    for (const participant of meeting.participants) {
      if (!participant.personId || seenPeople.has(participant.personId)) continue;
      const person = index.peopleIndex.people.find((p) => p.id === participant.personId);
      if (!person || !matches(query, displayName(person), person.latin, ...person.variants)) continue;
      seenPeople.add(person.id);
      const latest = index.meetingsWith(person.id)[0] ?? meeting;
      const range = latest.participants.find((p) => p.personId === person.id)?.range ?? latest.summary.titleRange;
      symbols.push({ name: displayName(person), kind: 'person', containerName: person.latin, location: { uri: latest.file.uri, range } });
    }
  }
  return symbols;
}
