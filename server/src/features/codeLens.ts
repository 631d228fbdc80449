// A code lens over a readout's title: 'N related meetings', running the go-to command.

import type { CorpusIndex } from '../corpus/index';
import type { CancellationToken, IndexedFile } from '../corpus/types';
import { relatedMeetings } from '../corpus/related';
import { Translate } from './localize';
import { CodeLens } from './types';

export const GO_TO_RELATED_COMMAND = 'kaidan.goToRelatedMeeting';

export function codeLenses(index: CorpusIndex, file: IndexedFile, t: Translate, token?: CancellationToken): CodeLens[] {
  const range = file.summary.titleRange ?? file.main?.summary.titleRange;
  if (!range) return [];
  const count = relatedMeetings(index, file, token).length;
  if (token?.isCancellationRequested) return [];
  const title = count === 1 ? t('1 related meeting') : t('{0} related meetings', count);
  return [{ range, command: { title, command: GO_TO_RELATED_COMMAND, arguments: [file.uri] } }];
}
