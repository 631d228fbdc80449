// Copy Citation: a corpus meeting as a line to paste, in Japanese and in English.

import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { describe, it } from 'node:test';
import { citation, citationDate } from '../../client/src/citation';
import { CorpusIndex } from '../../server/src/corpus/index';
import { DiskWorkspace } from '../../server/src/io/diskWorkspace';
import { createCorpusFeatures } from '../../server/src/features/corpusFeatures';
import { CORPUS } from './helpers';

describe('a citation', () => {
  it('of the 2018-03-21 Tokyo talks, in Japanese and in English', async () => {
    const index = new CorpusIndex(new DiskWorkspace([CORPUS]));
    await index.build();
    const item = createCorpusFeatures(index).meetings().find((meeting) => basename(meeting.uri) === '2018-03-21-kono-lavrov-foreign-ministers-tokyo.readout.txt')!;
    const file = 'corpus/2018-03-21-kono-lavrov-foreign-ministers-tokyo.readout.txt';
    assert.equal(citation(item, file, 'ja'), `「日露外相会談」（外相会談、2018年3月21日、飯倉公館、河野太郎、セルゲイ・ラヴロフ）${file}`);
    assert.equal(citation(item, file, 'en'), `“日露外相会談” (Foreign Ministers’ meeting, 21 March 2018, 飯倉公館; Taro Kono, Sergey Lavrov), ${file}`);
  });

  it('gives a date as far as it is known', () => {
    assert.equal(citationDate('2022-02', 'ja'), '2022年2月');
    assert.equal(citationDate('2022-02', 'en'), 'February 2022');
    assert.equal(citationDate('1972', 'en'), '1972');
  });
});
