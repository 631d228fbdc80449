// Workspace symbols: the corpus's meetings ('2018-03-21 日露外相会談') and the people in them.

import { nameKey } from '../knowledge/people';
import type { CorpusIndex } from '../corpus/index';
import type { CancellationToken } from '../corpus/types';
import { displayName } from '../corpus/people';
import { meetingTitle } from './meetingItems';
import { WorkspaceSymbol } from './types';

/** An editor lists the first few hundred symbols a query matches; more is only transfer. */
const MAX_SYMBOLS = 256;

interface Candidate {
  readonly symbol: WorkspaceSymbol;
  /** The texts a query is matched against, already folded. */
  readonly keys: readonly string[];
}

/** Every symbol of the corpus with its match keys, made once per change of the corpus. */
const candidatesByIndex = new WeakMap<CorpusIndex, { generation: number; candidates: Candidate[] }>();

function fold(text: string): string {
  return nameKey(text.toLowerCase());
}

function candidatesOf(index: CorpusIndex): Candidate[] {
  const known = candidatesByIndex.get(index);
  if (known?.generation === index.generation) return known.candidates;
  const candidates: Candidate[] = [];
  const seenPeople = new Set<string>();
  for (const meeting of index.meetings()) {
    const name = `${meeting.date ?? ''} ${meetingTitle(meeting)}`.trim();
    const file = meeting.file.uri.split('/').pop()!;
    candidates.push({
      symbol: { name, kind: 'meeting', containerName: file, location: { uri: meeting.file.uri, range: meeting.summary.titleRange } },
      keys: [fold(name), fold(meeting.summary.kind ?? '')],
    });
    for (const participant of meeting.participants) {
      const person = participant.personId ? index.person(participant.personId) : undefined;
      if (!person || seenPeople.has(person.id)) continue;
      seenPeople.add(person.id);
      const latest = index.meetingsWith(person.id)[0] ?? meeting;
      const range = latest.participants.find((p) => p.personId === person.id)?.range ?? latest.summary.titleRange;
      candidates.push({
        symbol: { name: displayName(person), kind: 'person', containerName: person.latin, location: { uri: latest.file.uri, range } },
        keys: [...person.names, person.latin, ...person.variants].filter(Boolean).map(fold),
      });
    }
  }
  candidatesByIndex.set(index, { generation: index.generation, candidates });
  return candidates;
}

export function workspaceSymbols(index: CorpusIndex, query: string, token?: CancellationToken): WorkspaceSymbol[] {
  const wanted = fold(query);
  const symbols: WorkspaceSymbol[] = [];
  for (const { symbol, keys } of candidatesOf(index)) {
    if (token?.isCancellationRequested) return [];
    if (wanted && !keys.some((key) => key.includes(wanted))) continue;
    symbols.push(symbol);
    if (symbols.length === MAX_SYMBOLS) break;
  }
  return symbols;
}
