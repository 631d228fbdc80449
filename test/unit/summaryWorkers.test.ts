// The cold index parsed in worker threads: the same summaries, in the same order, as the server's
// own thread gives; a worker that cannot start or dies leaves the index to parse on its own thread.

import assert from 'node:assert/strict';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import { CorpusIndex } from '../../server/src/corpus/index';
import { MemoryWorkspace } from '../../server/src/corpus/workspace';
import { readTextFile } from '../../server/src/io/readText';
import { SummaryWorkers, shareOut } from '../../server/src/io/summaryWorkers';
import { corpusFiles } from './helpers';

/** A people.json naming one more person, known to nobody else. */
const PEOPLE_OVERRIDE = JSON.stringify({ people: [{ id: 'test-johansson', family: 'ヨハンソン', names: ['ヨハンソン'], country: 'SE', offices: [] }] });
/** A readout that names that person, by name alone: only the workspace's people.json finds the name. */
const VISIT: [uri: string, text: string] = ['file:///corpus/2024-05-01-visit.readout.txt', '来訪者の記録\n\n本日、ヨハンソンが来訪し、懇談した。\n'];

/** The sample corpus and the visit as an in-memory workspace. */
function workspace(): MemoryWorkspace {
  return new MemoryWorkspace([...corpusFiles().map((file): [string, string] => [`file:///corpus/${basename(file)}`, readTextFile(file)]), VISIT]);
}

async function built(summarizer?: SummaryWorkers): Promise<{ index: CorpusIndex; problems: string[] }> {
  const problems: string[] = [];
  const index = new CorpusIndex(workspace(), { summarizer, readPeopleOverride: async () => PEOPLE_OVERRIDE, onProblem: (message) => problems.push(message) });
  await index.build();
  return { index, problems };
}

const summaries = (index: CorpusIndex) => index.allFiles().map((file) => [file.uri, file.summary] as const);

describe('the cold index in worker threads', () => {
  it('gives every file the summary, and the corpus the order, its own thread gives', async () => {
    const here = await built();
    const workers = new SummaryWorkers({ threads: 2 });
    const threaded = await built(workers);
    workers.dispose();
    assert.ok(summaries(here.index).length >= 30);
    assert.deepEqual(summaries(threaded.index), summaries(here.index));
    assert.deepEqual(threaded.problems, here.problems);
    // The threads find names with the workspace's people.json too.
    assert.deepEqual(threaded.index.file(VISIT[0])?.summary.names.map((name) => name.name), ['ヨハンソン']);
    // Every file was parsed once, by the threads (counted all the same).
    assert.equal(threaded.index.parses, here.index.parses);
  });

  it('parses on its own thread, saying so once, when the worker cannot start', async () => {
    const here = await built();
    const broken = new SummaryWorkers({ threads: 2, workerModule: join(__dirname, 'no-such-worker.js') });
    const fallback = await built(broken);
    broken.dispose();
    assert.deepEqual(summaries(fallback.index), summaries(here.index));
    const said = fallback.problems.filter((message) => message.startsWith('summarising in worker threads failed'));
    assert.equal(said.length, 1, fallback.problems.join('\n'));
  });

  it('shares texts out in contiguous runs of about equal length', () => {
    assert.deepEqual(shareOut(['aaaa', 'bb', 'cc', 'dddd'], 2), [['aaaa', 'bb'], ['cc', 'dddd']]);
    assert.deepEqual(shareOut(['a'], 3), [['a']]);
    assert.deepEqual(shareOut([], 2), [[]]);
  });
});
