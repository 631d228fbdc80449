// Meeting references as links: each phrase that points at a corpus meeting ('3月の日露外相会談')
// opens that readout at its title, as Markdown links open their target. A phrase the corpus cannot
// resolve is no link: it would lead nowhere.

import type { CorpusIndex } from '../corpus/index';
import type { CancellationToken, IndexedFile } from '../corpus/types';
import { meetingTitle } from './meetingItems';
import { DocumentLink } from './types';

export function documentLinks(index: CorpusIndex, file: IndexedFile, token?: CancellationToken): DocumentLink[] {
  const links: DocumentLink[] = [];
  for (const { reference, target } of index.references(file)) {
    if (token?.isCancellationRequested) return [];
    if (!target) continue;
    const line = target.summary.titleRange.start.line + 1;
    const date = target.date ? `${target.date} ` : '';
    links.push({ range: reference.range, target: `${target.file.uri}#L${line}`, tooltip: `${date}${meetingTitle(target)}` });
  }
  return links;
}
