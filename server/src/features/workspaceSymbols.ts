// Workspace symbols: the corpus's meetings ('2018-03-21 日露外相会談') and the people in them, one
// symbol per readout a person takes part in. The editor filters the answers by their label, so a
// symbol found through another spelling (ラブロフ, Lavrov, らぶろふ) or another form of its kind
// (首脳会談 for 首脳電話会談) carries what matched in its label.

import { nameKey } from '../knowledge/people';
import type { CorpusIndex } from '../corpus/index';
import type { CancellationToken, IndexedMeeting } from '../corpus/types';
import { displayName } from '../corpus/people';
import { meetingTitle } from './meetingItems';
import { WorkspaceSymbol } from './types';

/** An editor lists the first few hundred symbols a query matches; more is only transfer. */
const MAX_SYMBOLS = 256;

interface SearchKey {
  readonly folded: string;
  readonly written: string;
}

interface Candidate {
  readonly symbol: WorkspaceSymbol;
  /** The texts a query is matched against; the first is the label. */
  readonly keys: readonly SearchKey[];
  readonly date: string;
}

/** Every symbol of the corpus with its match keys, made once per change of the corpus. */
const candidatesByIndex = new WeakMap<CorpusIndex, { generation: number; candidates: Candidate[] }>();

/** Case, spelling (name keys) and hiragana against katakana do not count. */
function fold(text: string): string {
  return nameKey(text.toLowerCase()).replace(/[ぁ-ゖ]/g, (kana) => String.fromCharCode(kana.charCodeAt(0) + 0x60));
}

const key = (written: string): SearchKey => ({ folded: fold(written), written });

/** A kind is also found by its plain form: 首脳電話会談 and 首脳テレビ会談 are 首脳会談s. */
const MODE = /電話|テレビ|ビデオ|オンライン/g;

function meetingCandidate(meeting: IndexedMeeting): Candidate {
  const name = `${meeting.date ?? ''} ${meetingTitle(meeting)}`.trim();
  const kind = meeting.summary.kind ?? '';
  const file = meeting.file.uri.split('/').pop()!;
  const forms = [name, kind, name.replace(MODE, ''), kind.replace(MODE, '')].filter(Boolean);
  return {
    symbol: { name, kind: 'meeting', containerName: file, location: { uri: meeting.file.uri, range: meeting.summary.titleRange } },
    keys: [...new Set(forms)].map(key),
    date: meeting.date ?? '',
  };
}

function candidatesOf(index: CorpusIndex): Candidate[] {
  const known = candidatesByIndex.get(index);
  if (known?.generation === index.generation) return known.candidates;
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  for (const meeting of index.meetings()) {
    candidates.push(meetingCandidate(meeting));
    for (const participant of meeting.participants) {
      const person = participant.personId ? index.person(participant.personId) : undefined;
      // One symbol per readout the person takes part in, at their first mention there.
      if (!person || seen.has(`${person.id} ${meeting.file.uri}`)) continue;
      seen.add(`${person.id} ${meeting.file.uri}`);
      const label = displayName(person);
      const forms = [label, ...person.names, person.latin, person.reading ?? '', ...person.variants].filter(Boolean);
      candidates.push({
        symbol: {
          name: label,
          kind: 'person',
          containerName: `${meeting.date ?? ''} ${meetingTitle(meeting)}`.trim(),
          location: { uri: meeting.file.uri, range: participant.range },
        },
        keys: [...new Set(forms)].map(key),
        date: meeting.date ?? '',
      });
    }
  }
  // People before meetings, and the newest readouts first.
  const rank = (candidate: Candidate) => (candidate.symbol.kind === 'person' ? 0 : 1);
  candidates.sort((a, b) => rank(a) - rank(b) || b.date.localeCompare(a.date));
  candidatesByIndex.set(index, { generation: index.generation, candidates });
  return candidates;
}

/** Whether the editor's filter keeps a label for a query: the query's characters in order, case aside. */
function editorKeeps(label: string, query: string): boolean {
  const text = label.toLowerCase();
  let at = 0;
  for (const char of query.toLowerCase().replace(/\s+/g, '')) {
    at = text.indexOf(char, at);
    if (at < 0) return false;
    at += char.length;
  }
  return true;
}

export function workspaceSymbols(index: CorpusIndex, query: string, token?: CancellationToken): WorkspaceSymbol[] {
  const wanted = fold(query);
  const symbols: WorkspaceSymbol[] = [];
  for (const { symbol, keys } of candidatesOf(index)) {
    if (token?.isCancellationRequested) return [];
    const matched = wanted ? keys.find((candidate) => candidate.folded.includes(wanted)) : keys[0];
    if (!matched) continue;
    // The label carries what matched (else the query as typed) when the editor would filter it out.
    const note = editorKeeps(matched.written, query) ? matched.written : query.trim();
    symbols.push(editorKeeps(symbol.name, query) ? symbol : { ...symbol, name: `${symbol.name} (${note})` });
    if (symbols.length === MAX_SYMBOLS) break;
  }
  return symbols;
}
