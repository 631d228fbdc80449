// Topics: the noun phrases each meeting of the corpus talks about (平和条約,
// 共同経済活動, 経済安全保障), weighted by TF-IDF over the corpus's meetings. The phrases of a file
// are found once per content hash by the kuromoji worker, in the background after the index is
// ready, and kept in the index cache, so a warm restart tokenizes nothing.

import { compoundCountries, countryCode } from '../knowledge/countries';
import { OFFICE_TITLES } from '../knowledge/offices';
import { type PeopleIndex, nameKey } from '../knowledge/people';
import { nounPhrases } from '../nlp/nounPhrases';
import { type Token, type Tokenizer, TokenizerUnavailableError } from '../nlp/tokenizer';
import { LineMap, splitLines } from '../parse/text';
import type { IndexState, IndexedFile, IndexedMeeting } from './types';
import { contentHash, sentenceFinder } from './summary';

/** Bump when what is kept per file, or how phrases are chosen, changes: older entries are recomputed. */
export const TOPICS_FORMAT = 1;

export interface TopicPhrase {
  /** The nouns of the phrase, so that a compound also counts for the topics inside it. */
  readonly parts: readonly string[];
  readonly count: number;
  /** The sentence of its first occurrence in the meeting. */
  readonly sentence: string;
}

export interface FileTopics {
  readonly format: number;
  readonly hash: string;
  /** Per meeting of the file (by its index in the summary), its noun phrases. */
  readonly meetings: readonly { readonly meeting: number; readonly phrases: readonly TopicPhrase[] }[];
}

export interface WeightedTopic {
  readonly term: string;
  /** TF-IDF, relative to the meeting's strongest topic (1). */
  readonly weight: number;
}

export interface TopicMention {
  readonly meeting: IndexedMeeting;
  readonly count: number;
  readonly sentence: string;
}

/** What topics read from the corpus index, and keep in it (the index caches them with its summaries). */
export interface TopicsCorpus {
  readonly peopleIndex: PeopleIndex;
  meetingAt(file: IndexedFile, line: number): IndexedMeeting | null;
  allFiles(): IndexedFile[];
  file(uri: string): IndexedFile | undefined;
  textOf(uri: string): Promise<string | null>;
  storedTopics(uri: string): FileTopics | null;
  storeTopics(uri: string, topics: FileTopics): void;
  onState(listener: (state: IndexState) => void): { dispose(): void };
  onDidChange(listener: () => void): { dispose(): void };
}

/** What every readout says about itself: meeting words, roles, dates and the glue of reported speech. */
const STOP_WORDS = new Set(
  (
    '会談 会合 会議 協議 首脳 首脳会談 外相会談 電話会談 電話 意見交換 意見 交換 概要 以下 冒頭 双方 両者 両国 両首脳 両外相 両大臣 両閣僚 ' +
    '閣僚 外務 防衛 記者 質問 回答 発表 共同記者発表 記者会見 会見 日時 場所 時間 現地時間 日本時間 平成 令和 昭和 年月日 ' +
    '関係 協力 連携 分野 問題 結果 立場 状況 全体 重要 必要 具体 具体的 積極的 一層 更なる 引き続き 今後 本日 今回 ' +
    '大臣 総理 総理大臣 首相 大統領 長官 外相 国務長官 国防長官 側 国 各国 政府 外務省 防衛省 首脳間 外相間 旨 件 等 ' +
    '一致 注意 確認 合意 表明 歓迎 評価 説明 言及 強調 期待 実施 開催 参加 予定 発展 準備 対応 推進 強化 意思 同時 対策 ' +
    '表敬 懇談 写真 司会 話題 お話 皆様 コメント 記者団 要旨 挨拶 一つ 二つ プレスリリース 枠 枠内 ' +
    'やり取り 外交 前提 詳細 考え 関連 主張 意味 ポイント ページ 共同 事案 一連 反応 世界 時代 思い 最後 就任 両国間 各国首脳 要請 ランチ ' +
    '訪問 議論 情勢 連邦 ビジネス 地域 国際 国際社会 機会 取組 取り組み'
  ).split(' '),
);
/** Offices and honorifics end what is a person (ブリンケン国務長官); 的 ends an adjective. */
const NOT_A_TOPIC_AT_END = new RegExp(`(?:${OFFICE_TITLES}|氏|的)$`);
/** A phrase with a meeting word is about the meeting itself (首脳電話会談, 会談終了). */
const MEETING_WORD = /会談|会合|会議|会見/;
const TOP_TOPICS = 10;
/** A topic is what meetings share: a term of one meeting only is left out. */
const MIN_MEETINGS = 2;
/**
 * ... and what sets some meetings apart: in a corpus of this many meetings or more, a term met in
 * over this share of them (訪問, 情勢 in a corpus of one counterpart) carries no weight.
 */
const COMMON_TERM = { meetings: 10, share: 0.3 };
/** Compounds longer than this count only whole (their sub-compounds would be noise). */
const MAX_PARTS = 6;
/**
 * Files longer than this (in UTF-16 units, about 1 MB) get no topics: kuromoji holds the whole
 * text's lattice and tokens in memory, so a merged dump of many megabytes would cost the worker
 * seconds and hundreds of megabytes. Such a file stays in the index; only its topics are missing.
 */
export const TOPICS_MAX_CHARS = 1_000_000;
/** The retry pass comes a little after the tokenizer's wait has ended, not a millisecond before it. */
const RETRY_MARGIN_MS = 50;

/** Splits a phrase at the nouns that are people or countries: what is left are candidate topics. */
function withoutNames(parts: readonly string[], isName: (part: string) => boolean): string[][] {
  const pieces: string[][] = [[]];
  for (const part of parts) {
    if (isName(part) || countryCode(part) !== null || compoundCountries(part) !== null) pieces.push([]);
    else pieces[pieces.length - 1].push(part);
  }
  return pieces.filter((piece) => piece.length > 0);
}

function isTopicPhrase(term: string): boolean {
  return term.length >= 2 && !STOP_WORDS.has(term) && !NOT_A_TOPIC_AT_END.test(term) && !MEETING_WORD.test(term) && !/^[ぁ-ゖ]+$/.test(term);
}

/** The topic phrases of each meeting of a file, from its tokens. */
export function extractTopics(text: string, tokens: readonly Token[], file: IndexedFile, index: TopicsCorpus): FileTopics {
  const people = index.peopleIndex;
  // Names of this file (found by the parser, some unknown to the knowledge file) and of people anywhere.
  const ownNames = new Set([...file.names.map((n) => nameKey(n.name)), ...file.meetings.flatMap((m) => m.participants.map((p) => nameKey(p.name)))]);
  const isName = (part: string) => ownNames.has(nameKey(part)) || people.isKnownName(part);
  const lineMap = new LineMap(splitLines(text));
  const sentenceOf = sentenceFinder(text);
  const perMeeting = new Map<number, Map<string, { parts: string[]; count: number; sentence: string }>>();
  for (const phrase of nounPhrases(tokens)) {
    if (phrase.verbal) continue;
    const meeting = index.meetingAt(file, lineMap.positionAt(phrase.start).line);
    if (!meeting) continue;
    const phrases = perMeeting.get(meeting.index) ?? new Map();
    perMeeting.set(meeting.index, phrases);
    for (const parts of withoutNames(phrase.parts, isName)) {
      const term = parts.join('');
      if (!isTopicPhrase(term)) continue;
      const known = phrases.get(term);
      if (known) known.count++;
      else phrases.set(term, { parts, count: 1, sentence: sentenceOf(phrase.start, phrase.end) });
    }
  }
  return {
    format: TOPICS_FORMAT,
    hash: file.summary.hash,
    meetings: [...perMeeting].map(([meeting, phrases]) => ({ meeting, phrases: [...phrases.values()] })),
  };
}

/** The topics a phrase counts for: itself, and the compounds inside it that are written alone somewhere (平和条約 in 平和条約締結問題). */
function termsOf(phrase: TopicPhrase, vocabulary: ReadonlySet<string>): string[] {
  const whole = phrase.parts.join('');
  if (phrase.parts.length > MAX_PARTS) return [whole];
  const terms = [whole];
  for (let from = 0; from < phrase.parts.length; from++) {
    for (let to = from + 2; to <= phrase.parts.length; to++) {
      if (to - from === phrase.parts.length) continue;
      const inner = phrase.parts.slice(from, to).join('');
      if (vocabulary.has(inner) && !terms.includes(inner)) terms.push(inner);
    }
  }
  return terms;
}

const meetingKey = (uri: string, meeting: number) => `${uri}#${meeting}`;

export class CorpusTopics {
  /** Per meeting, its strongest topics. */
  private top = new Map<string, readonly WeightedTopic[]>();
  /** Per topic, the meetings that mention it. */
  private mentions = new Map<string, { uri: string; meeting: number; count: number; sentence: string }[]>();
  private vocabulary = new Set<string>();
  private pass: Promise<void> | null = null;
  private passAgain = false;
  /** Per file, the content the tokenizer failed on (timed out, crashed): skipped until the file changes. */
  private readonly failed = new Map<string, string>();
  /** The pass that comes when a dictionary that failed to load may be tried again. */
  private retryTimer: NodeJS.Timeout | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly index: TopicsCorpus,
    private readonly tokenizer: Tokenizer,
    private readonly onProblem: (message: string) => void = () => undefined,
  ) {
    index.onState((state) => state.state === 'ready' && this.refresh());
    index.onDidChange(() => this.refresh());
  }

  /** Fires after the topics were weighed again. */
  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Resolves once no topic work is left (for tests and the bench). */
  async settled(): Promise<void> {
    while (this.pass) await this.pass;
  }

  /** The meeting's strongest topics, strongest first. */
  topicsOf(meeting: IndexedMeeting): readonly WeightedTopic[] {
    return this.top.get(meetingKey(meeting.file.uri, meeting.index)) ?? [];
  }

  /** Whether a term is among some meeting's strongest topics. */
  isTopic(term: string): boolean {
    return this.mentions.has(term);
  }

  /** The topics that occur in a file (for finding the one under the cursor). */
  topicsInFile(uri: string): string[] {
    const stored = this.index.storedTopics(uri);
    if (!stored) return [];
    const terms = stored.meetings.flatMap((m) => m.phrases.flatMap((phrase) => termsOf(phrase, this.vocabulary)));
    return [...new Set(terms)].filter((term) => this.isTopic(term));
  }

  /** The meetings that mention a topic, newest first, each with the sentence. */
  meetingsAbout(term: string): TopicMention[] {
    const found: TopicMention[] = [];
    for (const { uri, meeting, count, sentence } of this.mentions.get(term) ?? []) {
      const indexed = this.index.file(uri)?.meetings[meeting];
      if (indexed) found.push({ meeting: indexed, count, sentence });
    }
    return found.sort((a, b) => (b.meeting.date ?? '').localeCompare(a.meeting.date ?? '') || a.meeting.file.uri.localeCompare(b.meeting.file.uri));
  }

  private refresh(): void {
    if (this.pass) {
      this.passAgain = true;
      return;
    }
    this.pass = this.extractMissing()
      .catch((error: Error) => this.onProblem(`topics: ${error.message}`))
      .finally(() => {
        this.pass = null;
        if (this.passAgain) {
          this.passAgain = false;
          this.refresh();
        }
      });
  }

  /** Tokenizes the files whose current content has no topics yet, then weighs the corpus again. */
  private async extractMissing(): Promise<void> {
    for (const file of this.index.allFiles()) {
      if (this.index.storedTopics(file.uri) || this.failed.get(file.uri) === file.summary.hash) continue;
      const text = await this.index.textOf(file.uri);
      // Changed since it was indexed: the change event brings another pass.
      if (text === null || contentHash(text) !== file.summary.hash) continue;
      if (text.length > TOPICS_MAX_CHARS) {
        // Kept as 'no topics' for this content, so that the next passes (and a warm start) skip it without a word.
        this.onProblem(`${file.uri}: too large for topics (${text.length} characters); skipped`);
        this.index.storeTopics(file.uri, { format: TOPICS_FORMAT, hash: file.summary.hash, meetings: [] });
        continue;
      }
      const tokens = await this.tokensOf(file, text);
      // No dictionary: what the cache holds is weighed; the rest waits for the retry.
      if (tokens === 'unavailable') break;
      const current = this.index.file(file.uri);
      if (tokens && current?.summary.hash === file.summary.hash) this.index.storeTopics(file.uri, extractTopics(text, tokens, current, this.index));
    }
    this.weigh();
    for (const listener of this.listeners) listener();
  }

  /** The file's tokens, or null when the tokenizer failed on it (said once), or 'unavailable' without a dictionary. */
  private async tokensOf(file: IndexedFile, text: string): Promise<readonly Token[] | null | 'unavailable'> {
    try {
      return await this.tokenizer.tokenize(text);
    } catch (error) {
      if (error instanceof TokenizerUnavailableError) {
        // The tokenizer has said why; a pass is due when it may try again.
        this.retryAt(error.retryAt);
        return 'unavailable';
      }
      this.failed.set(file.uri, file.summary.hash);
      this.onProblem(`${file.uri}: no topics, ${(error as Error).message}; tried again when the file changes`);
      return null;
    }
  }

  private retryAt(time: number): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => ((this.retryTimer = null), this.refresh()), Math.max(0, time - Date.now()) + RETRY_MARGIN_MS);
    // Waiting for it keeps no process (the CLI, a test run) alive.
    this.retryTimer.unref();
  }

  /** TF-IDF over the meetings: (1 + ln count) · ln((1 + N) / df), the top ones per meeting among the distinctive terms. */
  private weigh(): void {
    const files = this.index.allFiles().flatMap((file) => {
      const stored = this.index.storedTopics(file.uri);
      return stored ? [{ uri: file.uri, stored }] : [];
    });
    this.vocabulary = new Set(files.flatMap(({ stored }) => stored.meetings.flatMap((m) => m.phrases.map((p) => p.parts.join('')))));
    const counted: { uri: string; meeting: number; terms: Map<string, { count: number; sentence: string }> }[] = [];
    const documentFrequency = new Map<string, number>();
    for (const { uri, stored } of files) {
      for (const { meeting, phrases } of stored.meetings) {
        const terms = new Map<string, { count: number; sentence: string }>();
        for (const phrase of phrases) {
          for (const term of termsOf(phrase, this.vocabulary)) {
            const known = terms.get(term);
            if (known) known.count += phrase.count;
            else terms.set(term, { count: phrase.count, sentence: phrase.sentence });
          }
        }
        for (const term of terms.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
        counted.push({ uri, meeting, terms });
      }
    }
    const meetings = counted.length;
    const mostMeetings = meetings >= COMMON_TERM.meetings ? meetings * COMMON_TERM.share : Infinity;
    const distinctive = (term: string) => documentFrequency.get(term)! >= MIN_MEETINGS && documentFrequency.get(term)! <= mostMeetings;
    const top = new Map<string, readonly WeightedTopic[]>();
    const mentions = new Map<string, { uri: string; meeting: number; count: number; sentence: string }[]>();
    for (const { uri, meeting, terms } of counted) {
      const weighted = [...terms]
        .filter(([term]) => distinctive(term))
        .map(([term, { count }]) => ({ term, weight: (1 + Math.log(count)) * Math.log((1 + meetings) / documentFrequency.get(term)!) }))
        .sort((a, b) => b.weight - a.weight || a.term.localeCompare(b.term))
        .slice(0, TOP_TOPICS);
      const strongest = weighted[0]?.weight ?? 0;
      if (strongest <= 0) continue;
      top.set(meetingKey(uri, meeting), weighted.map(({ term, weight }) => ({ term, weight: Math.round((1000 * weight) / strongest) / 1000 })));
      for (const { term } of weighted) mentions.set(term, []);
    }
    // Every meeting that mentions a topic, not only those where it is among the strongest.
    for (const { uri, meeting, terms } of counted) {
      for (const [term, { count, sentence }] of terms) mentions.get(term)?.push({ uri, meeting, count, sentence });
    }
    this.top = top;
    this.mentions = mentions;
    this.weighings++;
  }

  /** Counts the weighings, so that rankings that use topics can be kept until the next one. */
  get generation(): number {
    return this.weighings;
  }

  private weighings = 0;
}
