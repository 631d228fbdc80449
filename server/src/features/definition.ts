// Go to definition on a meeting reference: the readout of the meeting it points at, at its title.

import { CorpusIndex, IndexedFile } from '../corpus/index';
import { referenceAt } from './hover';
import { Location, Position } from './types';

export function definition(index: CorpusIndex, file: IndexedFile, position: Position): Location[] {
  const target = referenceAt(index, file, position)?.target;
  return target ? [{ uri: target.file.uri, range: target.summary.titleRange }] : [];
}
