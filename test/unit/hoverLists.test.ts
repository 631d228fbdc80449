// A person's hover lists only what there is: no empty 'Meetings in the corpus (0)' heading.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CorpusIndex } from '../../server/src/corpus/index';
import { MemoryWorkspace } from '../../server/src/corpus/workspace';
import { createCorpusFeatures } from '../../server/src/features/corpusFeatures';

const TEXT =
  '日米外相会談\n\n令和4年3月1日、林芳正外務大臣は、アントニー・ブリンケン米国国務長官と日米外相会談を行いました。概要は以下のとおりです。\n' +
  '1 両外相は、プーチン大統領によるウクライナ侵略を強く非難しました。\n';

describe('the hover on a person named but in no meeting of the corpus', () => {
  it('names them and where they are named, without an empty list of meetings', async () => {
    const uri = 'file:///mem/a.readout.txt';
    const index = new CorpusIndex(new MemoryWorkspace([[uri, TEXT]]));
    await index.build();
    const line = TEXT.split('\n').findIndex((text) => text.includes('プーチン'));
    const character = TEXT.split('\n')[line].indexOf('プーチン') + 1;
    const hover = createCorpusFeatures(index).hover({ uri, getText: () => TEXT }, { line, character });
    const value = hover?.contents.value ?? '';
    assert.match(value, /^\*\*ウラジーミル・プーチン\*\*/);
    assert.ok(!value.includes('Meetings in the corpus'), value);
    assert.match(value, /\*\*Also named in \(1\)\*\*/);
  });
});
