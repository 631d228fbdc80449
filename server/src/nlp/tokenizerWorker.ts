// The kuromoji worker: builds the tokenizer once from the dictionary it is given, then answers
// tokenize requests in order. Its own bundle (dist/server/tokenizerWorker.js), so the ~370 MB
// dictionary lives in this thread only and goes when the main thread terminates it.

import * as kuromoji from 'kuromoji';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import type { Token, TokenizeRequest, WorkerReply, WorkerSetup } from './protocol';

const { dictionary } = workerData as WorkerSetup;
const port = parentPort!;
const started = performance.now();

const tokenizer = new Promise<kuromoji.Tokenizer<kuromoji.IpadicFeatures>>((resolve) => {
  kuromoji.builder({ dicPath: dictionary }).build((error, built) => {
    // Thrown here, it reaches the main thread as the worker's 'error' event.
    if (error) throw error;
    port.postMessage({ type: 'loaded', dictionary, loadMs: performance.now() - started } satisfies WorkerReply);
    resolve(built);
  });
});

port.on('message', async ({ id, text }: TokenizeRequest) => {
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
  port.postMessage({ type: 'tokens', id, tokens, ms: performance.now() - from } satisfies WorkerReply);
});
