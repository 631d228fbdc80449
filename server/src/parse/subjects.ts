// Who a clause of reported speech names as its speaker: 'X大臣より,', 'Y長官から', 'Xは…旨述べた',
// joint subjects ('双方は', '四大臣は', 'XとYは'), a side ('米側から', '先方より', '日本国政府は'), or an
// office standing for its holder ('総理大臣は', '大統領は'), as statements write them.

import { COUNTRY_FULL_NAMES, compoundCountries, countryCode } from '../knowledge/countries';
import { numberedLine } from './lineKinds';
import { KATAKANA_NAME, NamedOffice } from './participants';
import { Line, contentEnd } from './text';

export interface Clause {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly line: Line;
}

/** Joint subjects of summaries and statements. */
const JOINT_SUBJECT =
  /^[^。]{0,14}?(双方|両者|両閣僚|両外相|両首脳|両大臣|両長官|両防衛相|両国防相|両国|両政府|両氏|三者|四者|[三四3-4３-４](?:か国|カ国|ヵ国)|[二三四2-4２-４](?:大臣|外相|閣僚|首脳)|[二三四2-4２-４](?:国|か国|カ国|ヵ国|人)の(?:外相|首脳|外務大臣|閣僚|大臣)|閣僚|各国|我々)(?:は|から|より|とも|が|で)/;
/** A word every side subject holds. */
const SIDE_HINT = /側|我が方|先方/;
/** One side speaking as a whole: '米側から', '日本側より', '先方より', 'ASEAN側からは'. */
const SIDE_SUBJECT = /(日本側|我が方|先方|相手側|[ァ-ヴー]{2,12}側|[A-ZＡ-Ｚ]{2,8}側|[一-龥]{1,3}側)(?:から|より|は)/;
/**
 * Several counterparts speaking as a group, named by no one: 'ASEAN各国外相より,', '各国国連常駐代表から,',
 * 'アフリカ側外相等から,', 'ASEAN側の参加国より,', '参加国より,'. Only at the head of a clause, before a comma.
 */
const GROUP_SUBJECT =
  /^[○◯●■□◆◇・•\-－\s\u3000]*(?:[(（][0-9０-９]{1,2}[)）][\s\u3000]*)?(?:また|さらに|更に|なお|これに対し|これに対して)?[、,，]?((?:[A-ZＡ-Ｚ]{2,8}|[ァ-ヴー]{2,12})?(?:側の?)?(?:各国|参加国|出席国)?の?(?:外相|首脳|大臣|閣僚|国連常駐代表|常駐代表|代表|大使|外交団)?(?:等|ら)?)(?:から|より)[はも]?[、,，]/;
/** A group's words: a side ('アフリカ側…'), or a plural such as 各国 or 参加国 ('ASEAN側の参加国'). */
const GROUP_WORD = /側|各国|参加国|出席国/;
/** A clause that reports what both sides agreed on, whoever is named: '…で一致した', '…を確認した'. */
export const AGREEMENT = /(一致し|一致を見|合意し|確認し(?:た|ました|合っ)|意見交換を行|意見交換し|意見を交わ|意見を交換し|議論を行|協議を行|議論し|認識を共有|共有し(?:た|ました))[^。]{0,12}[。．]?$/;
/** A clause that quotes what someone said ('「…で一致した」と明らかにしました'): the quote's agreement is the speaker's account. */
export const QUOTED = /」と[^。「」]{0,12}[。．]?$/;
/** Two people as one subject: '小野寺防衛大臣とファロン国防大臣は'. */
const PAIR_LINK = /^(?:と|及び|並びに|、)$/;
/** What a reporting clause does: '旨述べた', '説明した', '要請した'. */
const REPORTING = /述べ|説明|要請|表明|強調|歓迎|提起|言及|求め|伝え|発言|紹介|応じ|示さ|示し|反応|謝意|呼びかけ|確認|賛意|賛同|同意|指摘|主張|期待|懸念|支持|提案|招待|招請|評価|感謝|祝意|弔意|語っ|話し|明らかにし|答え|返答|回答|言明|呼び掛け|牽制|批判|非難|反論|訴え|働きかけ|働き掛け/;
/** A person named with an honorific, as news copies write them: '申氏は', '李氏は「…」'. */
const HONORIFIC_SUBJECT = new RegExp(`(?<![ァ-ヴー・一-龥々])(${KATAKANA_NAME}|[一-龥々]{1,4})氏(?=は|から|より|も|「)`);
/** Words that may stand before a subject at the head of a clause: '会談では双方は', 'また両首脳は'. */
const BEFORE_JOINT = /^[○◯●■□◆◇・•\-－\s\u3000]*(?:[^。]{0,14}[、,，：:]|また|さらに|更に|なお|最後に|次いで|会談では|会談で|席上|その上で|冒頭)?$/;
/** An office that stands for its holder in a statement: '総理大臣は', '大統領は', '両首脳' aside. */
const OFFICE_SUBJECT = new RegExp(`^(?:[^。「]{0,12}?[、,，])?(?:${COUNTRY_FULL_NAMES})?(内閣総理大臣|総理大臣|総理|首相|大統領|国家主席|国務院総理|外務大臣|外相|国務長官|国防長官|防衛大臣|国防大臣|主席|官房長官)(?:は|から|より)`);
/**
 * An office alone before the quote it says, anywhere in a news copy's sentence: '…開かれ、皇太子は「…」と語った',
 * a caption's '外務大臣「…」', '大臣は「…」と述べた' (the minister the page names elsewhere).
 */
const QUOTED_OFFICE = /(?<![一-龥々ァ-ヴーA-Za-zＡ-Ｚａ-ｚ])(内閣総理大臣|総理大臣|総理|首相|大統領|皇太子|国王|国家主席|外務大臣|外相|国務長官|国防長官|防衛大臣|防衛相|国防大臣|国防相|官房長官|大臣)(?:は|も)?[、,，]?(?=「)/;
/** '同大臣は', '同外相は': the office of someone just named, as a wire copy goes on about them. */
const SAME_OFFICE_SUBJECT = /^(?:[^。「]{0,12}?[、,，])?同(大臣|外務大臣|外相|首相|大統領|長官|国防相|防衛相)(?:は|も)/;
/** Two offices as one subject: '総理大臣と大統領は'. */
const OFFICE_PAIR = /^(?:[^。「]{0,12}?[、,，])?(?:内閣総理大臣|総理大臣|総理|首相|大統領|国家主席|国務院総理)(?:と|及び)(?:内閣総理大臣|総理大臣|総理|首相|大統領|国家主席|国務院総理)(?:は|とも)/;
/** A government or a side named by its country: '日本国政府は', '中華人民共和国政府は', '日本側は', or a statement's '米国は、'. */
const GOVERNMENT_SUBJECT = new RegExp(`^(?:[^。「]{0,12}?[、,，])?(${COUNTRY_FULL_NAMES}|日本|我が国)(?:国)?(?:(?:政府|側)(?:は|から|より)|は(?=[、,，]))`);

/** A line's indent and a kanji item number. */
const CLAUSE_LEAD = /^[\s\u3000]*(?:[一二三四五六七八九十]{1,3}[\s\u3000]+)?/;
/** Where a clause ends: after a full stop, or before a reply. */
const CLAUSE_BREAK = /(?<=[。．])|(?=(?:これ|それ|以上)に対し|(?:これ|それ)を受け)/;
/** Spaces closing the text. */
const TRAILING_SPACES = /[\s\u3000]+$/;
/** Sentences of a line, split again where 'これに対し' hands the word to the other side. */
export function clausesOf(line: Line): Clause[] {
  const clauses: Clause[] = [];
  const numbered = numberedLine(line.text, true);
  // A statement's kanji-numbered items ('二　日本国政府は、') start after the numeral and its space.
  let offset = numbered ? numbered.textOffset : CLAUSE_LEAD.exec(line.text)![0].length;
  const body = line.text.slice(offset);
  for (const piece of body.split(CLAUSE_BREAK)) {
    const trimmed = piece.replace(TRAILING_SPACES, '');
    if (trimmed.trim() !== '') {
      const start = line.start + offset + (piece.length - piece.trimStart().length);
      clauses.push({ start, end: line.start + offset + trimmed.length, text: piece.trimStart().replace(TRAILING_SPACES, ''), line });
    }
    offset += piece.length;
  }
  return clauses.filter((clause) => clause.end > clause.start && clause.end <= contentEnd(line));
}

export type Subject =
  | { kind: 'joint'; written: string; start: number; end: number }
  /** `country`: the side's country where the text tells it ('米側', '日本国政府'); '先方' is the counterpart. */
  | { kind: 'side'; written: string; country: string | null; start: number; end: number }
  /** An office standing for its holder ('総理大臣は'). */
  | { kind: 'office'; written: string; start: number; end: number; same?: boolean }
  | { kind: 'person'; named: NamedOffice };

/** Each clause's share of the people a line names with an office, relative to the clause (both lists run in line order). */
export function namedByClause(clauses: readonly Clause[], lineNamed: readonly NamedOffice[]): NamedOffice[][] {
  let next = 0;
  return clauses.map((clause) => {
    const offset = clause.start - clause.line.start;
    const end = offset + clause.text.length;
    while (next < lineNamed.length && lineNamed[next].start < offset) next++;
    const inClause: NamedOffice[] = [];
    for (let i = next; i < lineNamed.length && lineNamed[i].start < end; i++) {
      const named = lineNamed[i];
      if (named.end <= end) inClause.push({ ...named, start: named.start - offset, end: named.end - offset, nameStart: named.nameStart - offset });
    }
    return inClause;
  });
}

/** The country a side's written name tells: '米側' → US, '日本国政府' → JP; null for '先方'. */
function sideCountry(written: string): string | null {
  const name = written.replace(/(?:政府|側)$/, '');
  if (/^(日本|日本国|我が方|我が国)$/.test(name)) return 'JP';
  // '朝鮮民主主義人民共和国側' keeps the 国 of its name; '米国政府' is 米 + 国.
  return countryCode(name) ?? countryCode(name.replace(/国$/, ''));
}

/** 'より', 'から' after a speaker. */
const FROM_PARTICLE = /^(より|から)(?!の)[もは]?[,、，]?/;
/** 'は' or 'も' after a speaker. */
const TOPIC_PARTICLE = /^[はも]/;
/** A quote still open. */
const OPEN_QUOTE = /「[^」]*$/;
/** A quote right after a speaker. */
const QUOTE_AFTER = /^[はが、,，]?「/;
/** Whether what follows a name and office makes them the speaker: 'より,', 'から', 'は…旨述べた', 'も賛意を表明', '「', 'が「…」と述べた'. */
export function speaksAfter(after: string): boolean {
  // 'Xは' speaks when the sentence ends in what they said or did with words ('…旨述べた', '…を歓迎した'),
  // or in a quote the sentence opens, not when a reporting word stands on the way ('…の招待により…を訪問した').
  return (
    FROM_PARTICLE.test(after) ||
    (TOPIC_PARTICLE.test(after) && (REPORTING.test(after.slice(-REPORTING_TAIL)) || OPEN_QUOTE.test(after) || REPORTING_THEN_MORE.test(after))) ||
    QUOTE_AFTER.test(after) ||
    (GA_COMMA.test(after) && REPORTING.test(after))
  );
}

/**
 * 'が' then a comma: the subject of the sentence's own verb ('冒頭、X官房長官が、…と呼びかけたのに対し'). With no
 * comma 'Xが' often opens a relative clause ('X首相が提唱された構想を支持した'), which is not X's word.
 */
const GA_COMMA = /^が[、,，]/;

/** A reporting verb that the sentence goes on after: 'Xは,…に感謝を表明し,両国が…で一致しました', '…を述べた上で,…', a chair's '…と協力を呼びかけ、意見が交わされました' is X's. */
const REPORTING_THEN_MORE = /(?:述べ|表明し|説明し|強調し|要請し|言及し|指摘し|歓迎し|感謝し|非難し|呼びかけ)(?:た上で)?[、,，]/;

/** How near the end of a sentence its reporting verb stands. */
const REPORTING_TAIL = 24;

/** Who a clause reports: 'X大臣より,', 'Y長官から', 'Xは…旨述べた', '双方は', '米側から', '総理大臣は'. */
export function findSubject(clause: string, allNamed: readonly NamedOffice[]): Subject | null {
  // Someone named inside a quote ('「安倍晋三首相から…話があったとき、…」') is spoken of, not speaking.
  const named = outsideQuotes(clause, allNamed);
  const group = GROUP_SUBJECT.exec(clause);
  if (group && GROUP_WORD.test(group[1]) && !named.some((n) => n.start < group[0].length)) {
    const start = group.index + group[0].indexOf(group[1]);
    return { kind: 'side', written: group[1], country: null, start, end: start + group[1].length };
  }
  const jointWord = JOINT_SUBJECT.exec(clause);
  const jointAt = jointWord ? jointWord.index + jointWord[0].indexOf(jointWord[1]) : 0;
  const beforeJoint = clause.slice(0, jointAt);
  // The countries of the pair may stand before it: '日米両政府は', '日中両首脳は'.
  const jointOpens = BEFORE_JOINT.test(beforeJoint) || (/^両/.test(jointWord?.[1] ?? '') && compoundCountries(beforeJoint.trim()) !== null);
  const joint = (jointWord && jointOpens && !named.some((n) => n.start < jointAt) ? jointWord : null) ?? OFFICE_PAIR.exec(clause);
  if (joint) {
    const written = joint[1] ?? joint[0].replace(/^[^、,，]*[、,，]/, '').replace(/(は|とも)$/, '');
    const start = joint.index + joint[0].indexOf(written);
    return { kind: 'joint', written, start, end: start + written.length };
  }
  for (let i = 0; i + 1 < named.length; i++) {
    // A pair after someone who already speaks ('X防衛大臣「…」XとYは…') is not the clause's subject.
    if (i > 0 && speaksAfter(clause.slice(named[i - 1].end))) break;
    const [first, second] = [named[i], named[i + 1]];
    if (PAIR_LINK.test(clause.slice(first.end, second.start).replace(/^の?/, '')) && /^(は|が|とも)/.test(clause.slice(second.end))) {
      return { kind: 'joint', written: clause.slice(first.start, second.end), start: first.start, end: second.end };
    }
  }
  const person = named.find((candidate) => speaksAfter(clause.slice(candidate.end)));
  const government = GOVERNMENT_SUBJECT.exec(clause);
  // Every side is written with 側, 我が方 or 先方: a clause with none of them is tested no further.
  const side = government ?? (SIDE_HINT.test(clause) ? SIDE_SUBJECT.exec(clause) : null);
  const sideWritten = side ? (government ? government[0].replace(/^[^、,，]*[、,，]/, '').replace(/(は|から|より)$/, '') : side[1]) : '';
  const sideStart = side ? side.index + side[0].indexOf(sideWritten) : -1;
  // The side itself, not the words before it, must come first: '続いて,河野大臣から,ケニアは,…' is 河野's.
  if (side && (!person || sideStart < person.start)) {
    return { kind: 'side', written: sideWritten, country: sideCountry(sideWritten), start: sideStart, end: sideStart + sideWritten.length };
  }
  if (person) return { kind: 'person', named: person };
  const honorific = HONORIFIC_SUBJECT.exec(clause);
  // '同氏は' names the person just spoken of: the speaker continues.
  if (honorific && BEFORE_JOINT.test(clause.slice(0, honorific.index)) && !/^[同両各本前元故現新]$/.test(honorific[1]) && (REPORTING.test(clause.slice(honorific.index)) || clause.charAt(honorific.index + honorific[0].length) === '「' || /^[^「]{0,8}「/.test(clause.slice(honorific.index + honorific[0].length + 1)))) {
    const end = honorific.index + honorific[0].length;
    return { kind: 'person', named: { start: honorific.index, end, name: honorific[1], nameStart: honorific.index, title: '氏', country: null, written: false } };
  }
  const sameOffice = OFFICE_SUBJECT.exec(clause) ? null : SAME_OFFICE_SUBJECT.exec(clause);
  const office = OFFICE_SUBJECT.exec(clause) ?? sameOffice ?? QUOTED_OFFICE.exec(clause);
  if (office) {
    const start = office.index + office[0].indexOf(office[1]);
    return { kind: 'office', written: office[1], start, end: start + office[1].length, same: office === sameOffice };
  }
  return null;
}

/** The names that stand outside every quote of the clause, in their order. */
function outsideQuotes(clause: string, named: readonly NamedOffice[]): readonly NamedOffice[] {
  if (!clause.includes('「')) return named;
  // One walk over the clause for all the names, in text order: a walk per name was quadratic on a clause of many names.
  const ordered = [...named].sort((a, b) => a.start - b.start);
  const quoted = new Set<NamedOffice>();
  let depth = 0;
  let at = 0;
  for (const n of ordered) {
    for (; at < n.start; at++) {
      if (clause[at] === '「') depth++;
      else if (clause[at] === '」' && depth > 0) depth--;
    }
    if (depth > 0) quoted.add(n);
  }
  return quoted.size === 0 ? named : named.filter((n) => !quoted.has(n));
}

/** Where a clause's second speaker takes the word: 'X大臣から…言及があり、Y大臣から、…旨述べた'. */
const HANDED_OVER = /(?:あり|し|べ|め|え|じ|い|上で)[、,，]$/;
const SPEAKS_FROM = /^(?:より|から)[はも]?[、,，]/;
const REPLYING = /に対し(?:て)?[、,，]$/;

/** The offset (relative to the clause) where a second person named with より/から starts speaking, if one does. */
function secondSpeakerAt(clause: string, named: readonly NamedOffice[], subject: Subject | null): number | null {
  if (!subject) return null;
  if (subject.kind === 'person' && handedOverFromHead(clause, subject.named)) return subject.named.start;
  // After a side or both sides, a person may take the word too: '日本側から、…を説明した上で、岸大臣より、…'.
  const subjectEnd = subject.kind === 'person' ? subject.named.end : subject.end;
  for (const other of named) {
    if (other.start <= subjectEnd || (subject.kind === 'person' && other.name === subject.named.name)) continue;
    const before = clause.slice(0, other.start);
    // After '…のに対し、' the word is handed over even with no comma after から: '…述べたのに対し、石破総理大臣から訪問でき…'.
    // So does 'は' there: '…と述べたのに対し、トランプ大統領は、…「…」と応じました'.
    const speaks = SPEAKS_FROM.test(clause.slice(other.end)) || (REPLYING.test(before) && /^(?:より|から|は)(?!の)/.test(clause.slice(other.end)));
    if (speaks && HANDED_OVER.test(before)) return other.start;
  }
  return null;
}

/** Words before a clause's subject long enough to be the last speaker's: 'また、…について説明し、…旨述べ、'. */
const HEAD_WORDS = 12;

/**
 * Whether a clause opens with words of no subject that hand the word to its subject: 'また、…旨述べ、Y大臣からは、…'
 * goes on with the speaker before until Y. A reply ('これに対し、Y大臣から') is Y's from the start.
 */
function handedOverFromHead(clause: string, subject: NamedOffice): boolean {
  const before = clause.slice(0, subject.start);
  return before.length >= HEAD_WORDS && HANDED_OVER.test(before) && !REPLYING.test(before) && SPEAKS_FROM.test(clause.slice(subject.end));
}

/** Clauses split again where a second person takes the word within a sentence, with each one's share of the people named. */
export function splitHandovers(clauses: readonly Clause[], named: readonly NamedOffice[][]): { clauses: Clause[]; named: NamedOffice[][] } {
  const out: { clauses: Clause[]; named: NamedOffice[][] } = { clauses: [], named: [] };
  for (const [i, clause] of clauses.entries()) {
    // Only a clause that names someone with an office can hand the word over.
    const cut = named[i].length === 0 ? null : secondSpeakerAt(clause.text, named[i], findSubject(clause.text, named[i]));
    if (cut === null) {
      out.clauses.push(clause);
      out.named.push(named[i]);
      continue;
    }
    out.clauses.push({ ...clause, end: clause.start + cut, text: clause.text.slice(0, cut) });
    out.named.push(named[i].filter((n) => n.end <= cut));
    out.clauses.push({ ...clause, start: clause.start + cut, text: clause.text.slice(cut) });
    out.named.push(named[i].filter((n) => n.start >= cut).map((n) => ({ ...n, start: n.start - cut, end: n.end - cut, nameStart: n.nameStart - cut })));
  }
  return out;
}

/** A news lead's 'Xは…と(電話で)会談し/協議した': not X's words, but who the next sentences with no subject are about. */
const MET_PLAIN = /^は[^。「]{0,60}?と[^。「]{0,30}?(?:会談|協議)し(?:た)?[、,，。]?/;

/** The person a news lead says met someone, if the clause is such a lead (a MOFA lead's '…を行ったところ' is not). */
export function meetingLeadSubject(clause: string, named: readonly NamedOffice[]): NamedOffice | null {
  if (clause.includes('ところ')) return null;
  const first = named[0];
  return first && BEFORE_JOINT.test(clause.slice(0, first.start).replace(/^【[^】]{1,12}】/, '')) && MET_PLAIN.test(clause.slice(first.end)) ? first : null;
}

/** A quote standing alone as a sentence: '「…深めたい」。' */
const STANDALONE_QUOTE = /^「[^「」]*」[。．]?$/;
/** A sentence that tells the quote before it back: '岸田首相は会談の冒頭でこう強調した。' */
export const TELLS_BACK = /(?:こう|このように)(?:述べ|語|強調|訴え|話|説明|明か|言|力説|応じ|呼びかけ|呼び掛け)/;

/** Who speaks a quote standing alone, when the next sentence names them and tells it back; else null. */
export function toldBackSubject(clauses: readonly Clause[], named: readonly NamedOffice[][], at: number): Subject | null {
  const next = clauses[at + 1];
  if (!next || next.line !== clauses[at].line || !STANDALONE_QUOTE.test(clauses[at].text) || !TELLS_BACK.test(next.text)) return null;
  return findSubject(next.text, named[at + 1]);
}
