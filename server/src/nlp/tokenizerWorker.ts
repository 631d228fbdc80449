// The kuromoji worker process: builds the tokenizer once from the dictionary it is given, then
// answers tokenize requests in order. Its own bundle (dist/server/tokenizerWorker.js), so the
// ~370 MB dictionary lives in this process only and goes when the server ends it.

import * as kuromoji from 'kuromoji';
import { performance } from 'node:perf_hooks';

import type { Token, TokenizeRequest, WorkerReply, WorkerSetup } from './protocol';

const { dictionary } = JSON.parse(process.argv[2]) as WorkerSetup;

/**
 * The server may be gone by the time an answer is ready (it exited mid-request): the send then
 * fails (EPIPE, a closed channel), and with nobody left to answer the worker ends quietly.
 */
function reply(message: WorkerReply, then?: () => void): void {
  if (!process.connected) process.exit(0);
  process.send!(message, undefined, {}, (error) => (error ? process.exit(0) : then?.()));
}
process.on('disconnect', () => process.exit(0));
// A failed write on the channel that no callback owns: the same, not a stack trace.
process.on('error', () => process.exit(0));
const started = performance.now();

const tokenizer = new Promise<kuromoji.Tokenizer<kuromoji.IpadicFeatures>>((resolve) => {
  kuromoji.builder({ dicPath: dictionary }).build((error, built) => {
    if (error) {
      // Said once to the server, which waits before it tries a new worker.
      reply({ type: 'loadFailed', message: error.message }, () => process.exit(1));
      return;
    }
    reply({ type: 'loaded', dictionary, loadMs: performance.now() - started });
    resolve(built);
  });
});

function tokensOf(built: kuromoji.Tokenizer<kuromoji.IpadicFeatures>, text: string): Token[] {
  return built.tokenize(text).map((token) => ({
    surface: token.surface_form,
    pos: token.pos,
    detail1: token.pos_detail_1,
    detail2: token.pos_detail_2,
    detail3: token.pos_detail_3,
    basicForm: token.basic_form,
    // kuromoji's word_position is one-based.
    start: token.word_position - 1,
  }));
}

process.on('message', async ({ id, text }: TokenizeRequest) => {
  const built = await tokenizer;
  const from = performance.now();
  let tokens: Token[];
  try {
    tokens = tokensOf(built, text);
  } catch (error) {
    reply({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) });
    return;
  }
  reply({ type: 'tokens', id, tokens, ms: performance.now() - from });
});
