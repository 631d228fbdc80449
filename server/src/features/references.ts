// Find all references on a person: every place the corpus names them, participants included.

import type { CorpusIndex } from '../corpus/index';
import type { CancellationToken, IndexedFile } from '../corpus/types';
import { nameRange } from '../corpus/summary';
import { personAt } from './hover';
import { Location, Position } from './types';

export function personReferences(index: CorpusIndex, file: IndexedFile, position: Position, token?: CancellationToken): Location[] {
  const personId = personAt(file, position)?.personId;
  if (!personId) return [];
  const found = new Map<string, Location>();
  const add = (location: Location) => found.set(`${location.uri}:${location.range.start.line}:${location.range.start.character}`, location);
  // The document under the cursor may hold unsaved text: its own positions come from it.
  const files = [file, ...index.allFiles().filter((other) => other.uri !== file.uri)];
  for (const other of files) {
    if (token?.isCancellationRequested) return [];
    for (const name of other.names) if (name.personId === personId) add({ uri: other.uri, range: nameRange(name) });
    for (const meeting of other.meetings) for (const p of meeting.participants) if (p.personId === personId) add({ uri: other.uri, range: p.range });
  }
  return [...found.values()].sort((a, b) => a.uri.localeCompare(b.uri) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
