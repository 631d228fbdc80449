// Noun phrases from kuromoji's tokens: runs of consecutive content nouns (経済+安全+保障 →
// 経済安全保障), cut at numbers, pronouns, dependent nouns, symbols, person names and countries.
// Which phrases are topics is decided by the caller (corpus/topics.ts), with the knowledge files.

import type { Token } from './protocol';

export interface NounPhrase {
  /** The nouns it is made of, in order. */
  readonly parts: readonly string[];
  readonly start: number;
  readonly end: number;
  /** A サ変 noun used as a verb (協力していく, 一致した): not a topic. */
  readonly verbal: boolean;
}

/** IPADIC noun classes that can stand in a topic. */
const CONTENT = new Set(['一般', '固有名詞', 'サ変接続', '形容動詞語幹', 'ナイ形容詞語幹']);
/** Suffixes that continue a compound (議長+国, 簡素+化); counters and name suffixes do not. */
const SUFFIX_OUT = new Set(['助数詞', '人名', '地域']);
/**
 * kuromoji tags stray ASCII symbols ('(', ':') as サ変接続 nouns: a part must be made of letters;
 * Latin letters only as an acronym (TPP, ASEAN), since Latin words in a readout are names in brackets.
 */
const WORDLIKE = /^(?:[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}ー々]+|[A-ZＡ-Ｚ]{2,})$/u;
/** Suffixes that only place a compound in time or space (経済安全保障上, 会合後, 枠内, 懇談等): dropped at the end. */
const TRAILING = new Set(['等', '上', '後', '時', '内', '中', '前', '際']);

function continues(token: Token, inPhrase: boolean): boolean {
  if (token.pos !== '名詞' || !WORDLIKE.test(token.surface)) return false;
  if (token.detail1 === '固有名詞') return token.detail2 !== '人名' && token.detail3 !== '国';
  if (token.detail1 === '接尾') return inPhrase && !SUFFIX_OUT.has(token.detail2);
  return CONTENT.has(token.detail1);
}

export function nounPhrases(tokens: readonly Token[]): NounPhrase[] {
  const phrases: NounPhrase[] = [];
  let run: Token[] = [];
  const close = (next: Token | undefined) => {
    if (run.length === 0) return;
    while (run.length > 1 && TRAILING.has(run[run.length - 1].surface)) run.pop();
    const last = run[run.length - 1];
    const verbal = last.detail1 === 'サ変接続' && next?.pos === '動詞' && next.basicForm === 'する';
    // A place alone (北京, ホノルル) is where a meeting was, which the index knows; in a compound (平壌宣言) it stays.
    // An adjectival noun alone (冷静, 強固) describes rather than names a subject.
    const alone = run.length === 1 && (last.detail2 === '地域' || last.detail1 === '形容動詞語幹' || last.detail1 === 'ナイ形容詞語幹');
    if (!alone) phrases.push({ parts: run.map((t) => t.surface), start: run[0].start, end: last.start + last.surface.length, verbal });
    run = [];
  };
  for (const token of tokens) {
    if (continues(token, run.length > 0)) run.push(token);
    else close(token);
  }
  close(undefined);
  return phrases;
}
