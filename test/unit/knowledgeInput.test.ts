// The people the parser knows are an input: the knowledge file's by default, the workspace's
// `.kaidan/people.json` merged in when the corpus index has one, so that a person a team adds is
// resolved by the parse of an open readout (its speakers and participants) as by the index.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CorpusIndex } from '../../server/src/corpus/index';
import { loadPeople } from '../../server/src/corpus/people';
import { MemoryWorkspace } from '../../server/src/corpus/workspace';
import { PEOPLE } from '../../server/src/knowledge/people';
import { parseReadout } from '../../server/src/parse/parser';
import { createReadoutService } from '../../server/src/service';
import { documentOf } from './helpers';

// Talks with a minister of an imagined country: no country is written beside the name, so only
// the people the parse is given can say whose minister this is.
const TALKS = [
  '日・ルリタニア外相会談',
  '',
  '令和6年5月1日，上川外務大臣は，来日中のラッセンディル外務大臣と会談を行いました。概要は以下のとおりです。',
  '1 冒頭，ラッセンディル外務大臣より，招待への謝意が述べられました。',
  '',
].join('\n');
const RASSENDYLL = { id: 'rassendyll-rudolf', family: 'ラッセンディル', names: ['ルドルフ・ラッセンディル'], variants: [], latin: 'Rudolf Rassendyll', country: 'AT', offices: [{ title: '外務大臣', from: '2024-01-01', to: null }] };
const OVERRIDE = JSON.stringify({ version: 1, people: [RASSENDYLL] });

function counterpart(readout: ReturnType<typeof parseReadout>) {
  const participant = readout.participants.find((p) => p.name === 'ラッセンディル');
  const speaker = readout.speakers.find((s) => s.name === 'ラッセンディル');
  return { country: participant?.country ?? null, personId: speaker?.personId ?? null, side: speaker?.side ?? null };
}

describe('the people a parse is given', () => {
  it('resolve a name the knowledge file does not hold only when they hold it', () => {
    assert.deepEqual(counterpart(parseReadout(TALKS, PEOPLE)), { country: null, personId: null, side: 'counterpart' });
    assert.deepEqual(counterpart(parseReadout(TALKS, loadPeople(OVERRIDE).people)), { country: 'AT', personId: 'rassendyll-rudolf', side: 'counterpart' });
  });

  it("reach an open readout's parse through the corpus index, and a changed people.json parses it again", async () => {
    let override: string | null = OVERRIDE;
    const workspace = new MemoryWorkspace([['file:///mem/talks.readout.txt', TALKS]]);
    const index = new CorpusIndex(workspace, { readPeopleOverride: async () => override });
    await index.build();
    const service = createReadoutService({ corpus: index });
    const document = documentOf(TALKS);
    assert.deepEqual(counterpart(service.parse(document).readout), { country: 'AT', personId: 'rassendyll-rudolf', side: 'counterpart' });

    override = null;
    const reloaded = new Promise<void>((resolve) => index.onDidChange(() => resolve()));
    workspace.write('file:///mem/.kaidan/people.json', '{}');
    await reloaded;
    assert.deepEqual(counterpart(service.parse(document).readout), { country: null, personId: null, side: 'counterpart' });
  });
});
