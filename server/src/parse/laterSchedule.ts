// A news copy's start and length told after its lead: '会談は午後3時ちょうどに始まり', '首脳会談は
// 昼食会も含め約2時間に及んだ', paragraphs below a lead that gives neither.

import { Span } from '../model/readout';
import { Sentence } from './parties';
import { meetingTimes } from './schedule';
import { clock, findDurations } from './times';

/** A sentence whose subject is the meeting or its time: '時間は…約1時間50分に及んだ', '会談は約40分間行われた'. */
const NEXT_SENTENCE_SUBJECT = /^[ \t\u3000]*(?:会談|会合|協議|電話会談|時間)は/;
/** Further on, only the meeting itself as the subject, never an earlier one ('前回の会談は'): '首脳会談は…', '日中外相会談は…'. */
const LATER_SENTENCE_SUBJECT = /^[ \t\u3000]*(?:(?:日[^\s。、は]{1,6}|首脳|外相|両首脳の|両外相の)?(?:電話)?会談|会合)は/;
/** How many sentences after the lead a news copy may tell the start or the length in. */
const REACH = 12;
/** What follows a time that starts the meeting: '午後3時ちょうどに始まり', '午後2時すぎから'. */
const STARTS_AFTER_TIME = /^(?:ちょうど|過ぎ|すぎ|ごろ|頃)?(?:から|に(?:始ま|開始|スタート))/;

export interface FoundAfterLead<T> {
  readonly value: T;
  readonly span: Span;
}

/** The sentences after the lead that may tell of the meeting itself: the next one, or a later one with the meeting as subject. */
function* meetingSentencesAfter(sentences: readonly Sentence[], lead: Sentence): Generator<Sentence> {
  const at = sentences.indexOf(lead);
  if (at < 0) return;
  for (const [offset, sentence] of sentences.slice(at + 1, at + 1 + REACH).entries()) {
    if ((offset === 0 ? NEXT_SENTENCE_SUBJECT : LATER_SENTENCE_SUBJECT).test(sentence.text)) yield sentence;
  }
}

/** The meeting's length told after a lead that gives none. */
export function lengthAfterLead(sentences: readonly Sentence[], lead: Sentence): FoundAfterLead<number> | null {
  for (const sentence of meetingSentencesAfter(sentences, lead)) {
    const duration = findDurations(sentence.text)[0];
    if (duration) return { value: duration.minutes, span: { start: sentence.start + duration.start, end: sentence.start + duration.end } };
  }
  return null;
}

/** The meeting's local start ('HH:MM') told after a lead that gives none. */
export function startAfterLead(sentences: readonly Sentence[], lead: Sentence): FoundAfterLead<string> | null {
  for (const sentence of meetingSentencesAfter(sentences, lead)) {
    const time = meetingTimes(sentence.text).find((found) => !found.japan && STARTS_AFTER_TIME.test(sentence.text.slice(found.end, found.end + 8)));
    if (time) return { value: clock(time.minutes), span: { start: sentence.start + time.start, end: sentence.start + time.end } };
  }
  return null;
}
