// The kuromoji worker (server/src/nlp): it really tokenizes, with the dictionary from the resolved
// path; a text it has seen is answered from the cache; it ends when idle. One worker load for the file.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { nounPhrases } from '../../server/src/nlp/nounPhrases';
import { DICTIONARY_ENV, Tokenizer, resolveDictionary } from '../../server/src/nlp/tokenizer';

const IDLE_MS = 400;
const tokenizer = new Tokenizer({ idleMs: IDLE_MS });
after(() => tokenizer.dispose());

describe('the kuromoji tokenizer worker', () => {
  it('resolves the dictionary of the installed package when compiled by tsc, unless the environment names one', () => {
    assert.equal(resolveDictionary({}), join(__dirname, '..', '..', '..', 'node_modules', 'kuromoji', 'dict'));
    assert.equal(resolveDictionary({ [DICTIONARY_ENV]: '/elsewhere/dict' }), '/elsewhere/dict');
    assert.equal(tokenizer.dictionary, resolveDictionary());
  });

  it('starts only on the first request and tokenizes there, with offsets into the text', async () => {
    assert.equal(tokenizer.running, false);
    assert.equal(tokenizer.stats.workerStarts, 0);
    const text = '1 両外相は,経済安全保障について協力していくことで一致しました。\n総理大臣官邸にて。';
    const tokens = await tokenizer.tokenize(text);
    assert.equal(tokenizer.stats.workerStarts, 1);
    assert.deepEqual(tokenizer.stats.loaded?.dictionary, resolveDictionary());
    assert.ok(tokenizer.stats.loaded!.ms > 0);
    for (const token of tokens) assert.equal(text.slice(token.start, token.start + token.surface.length), token.surface);
    assert.deepEqual(tokens.map((t) => t.surface).join(''), text);
    assert.ok(tokens.some((t) => t.surface === '保障' && t.pos === '名詞' && t.detail1 === 'サ変接続'));

    const phrases = nounPhrases(tokens);
    const joined = (parts: readonly string[]) => parts.join('');
    assert.ok(phrases.some((p) => joined(p.parts) === '経済安全保障' && !p.verbal), JSON.stringify(phrases));
    // 協力していく and 一致しました use the nouns as verbs.
    assert.ok(phrases.filter((p) => p.verbal).map((p) => joined(p.parts)).includes('協力'));
    // kuromoji splits 総理大臣; the phrase puts it back together.
    assert.ok(phrases.some((p) => joined(p.parts) === '総理大臣官邸'));
  });

  it('answers a text it has seen from the cache, and one request for a text asked twice at once', async () => {
    const text = '平和条約締結問題について議論した。';
    const first = await tokenizer.tokenize(text);
    const calls = tokenizer.stats.workerCalls;
    const hits = tokenizer.stats.cacheHits;
    assert.equal(await tokenizer.tokenize(text), first);
    assert.equal(tokenizer.stats.workerCalls, calls);
    assert.equal(tokenizer.stats.cacheHits, hits + 1);

    const [a, b] = await Promise.all([tokenizer.tokenize('共同経済活動。'), tokenizer.tokenize('共同経済活動。')]);
    assert.equal(a, b);
    assert.equal(tokenizer.stats.workerCalls, calls + 1);
  });

  it('ends the worker once it has been idle for the configured time', async () => {
    await tokenizer.tokenize('拉致問題の早期解決。');
    assert.equal(tokenizer.running, true);
    const idleSince = Date.now();
    const exited = new Promise<void>((resolve) => tokenizer.onWorkerExit(resolve));
    // A deadline that also keeps the test process alive while the worker is unreferenced.
    let deadline: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => (deadline = setTimeout(() => reject(new Error('the worker did not end')), IDLE_MS + 5000)));
    await Promise.race([exited, late]).finally(() => clearTimeout(deadline));
    assert.equal(tokenizer.running, false);
    assert.ok(Date.now() - idleSince >= IDLE_MS - 50, `ended after ${Date.now() - idleSince} ms`);
    // Answers stay in the cache after the worker has gone.
    const starts = tokenizer.stats.workerStarts;
    await tokenizer.tokenize('拉致問題の早期解決。');
    assert.equal(tokenizer.stats.workerStarts, starts);
  });
});
