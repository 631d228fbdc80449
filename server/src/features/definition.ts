// Go to definition on a meeting reference: the readout of the meeting it points at, at its title.

import type { CorpusIndex } from '../corpus/index';
import type { IndexedFile } from '../corpus/types';
import { referenceAt } from './hover';
import { Location, Position } from './types';

export function definition(index: CorpusIndex, file: IndexedFile, position: Position): Location[] {
  const target = referenceAt(index, file, position)?.target;
  return target ? [{ uri: target.file.uri, range: target.summary.titleRange }] : [];
}
