// The kuromoji worker process: builds the tokenizer once from the dictionary it is given, then
// answers tokenize requests in order. Its own bundle (dist/server/tokenizerWorker.js), so the
// ~370 MB dictionary lives in this process only and goes when the server ends it.

import * as kuromoji from 'kuromoji';
import { performance } from 'node:perf_hooks';

import type { Token, TokenizeRequest, WorkerReply, WorkerSetup } from './protocol';

const { dictionary } = JSON.parse(process.argv[2]) as WorkerSetup;
const reply = (message: WorkerReply) => process.send!(message);
// The server went away: nothing is left to answer.
process.on('disconnect', () => process.exit(0));
const started = performance.now();

const tokenizer = new Promise<kuromoji.Tokenizer<kuromoji.IpadicFeatures>>((resolve) => {
  kuromoji.builder({ dicPath: dictionary }).build((error, built) => {
    // Thrown here, it ends the process: the server sees the worker exit and fails what was pending.
    if (error) throw error;
    reply({ type: 'loaded', dictionary, loadMs: performance.now() - started });
    resolve(built);
  });
});

process.on('message', async ({ id, text }: TokenizeRequest) => {
  const built = await tokenizer;
  const from = performance.now();
  const tokens: Token[] = built.tokenize(text).map((token) => ({
    surface: token.surface_form,
    pos: token.pos,
    detail1: token.pos_detail_1,
    detail2: token.pos_detail_2,
    detail3: token.pos_detail_3,
    basicForm: token.basic_form,
    // kuromoji's word_position is one-based.
    start: token.word_position - 1,
  }));
  reply({ type: 'tokens', id, tokens, ms: performance.now() - from });
});
