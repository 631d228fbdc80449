// Who a clause of reported speech names as its speaker: 'X大臣より,', 'Y長官から', 'Xは…旨述べた',
// joint subjects ('双方は', '四大臣は', 'XとYは'), a side ('米側から', '先方より', '日本国政府は'), or an
// office standing for its holder ('総理大臣は', '大統領は'), as statements write them.

import { COUNTRY_FULL_NAMES, countryCode } from '../knowledge/countries';
import { numberedLine } from './lineKinds';
import { NamedOffice } from './participants';
import { Line, contentEnd } from './text';

export interface Clause {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly line: Line;
}

/** Joint subjects of summaries and statements. */
export const JOINT_SUBJECT =
  /^[^。]{0,14}?(双方|両者|両閣僚|両外相|両首脳|両大臣|両長官|両防衛相|両国防相|両国|両氏|三者|四者|[三四3-4３-４](?:か国|カ国|ヵ国)|[二三四2-4２-４](?:大臣|外相|閣僚|首脳)|閣僚|各国|我々)(?:は|から|より|とも|が|で)/;
/** One side speaking as a whole: '米側から', '日本側より', '先方より'. */
const SIDE_SUBJECT = /(日本側|我が方|先方|相手側|[ァ-ヴー]{2,12}側|[一-龥]{1,3}側)(?:から|より|は)/;
/** A clause that reports what both sides agreed on, whoever is named: '…で一致した', '…を確認した'. */
export const AGREEMENT = /(一致し|一致を見|合意し|確認し(?:た|ました|合っ)|意見交換を行|意見交換し|議論を行|協議を行|議論し|認識を共有|共有し(?:た|ました))[^。]{0,12}[。．]?$/;
/** Two people as one subject: '小野寺防衛大臣とファロン国防大臣は'. */
const PAIR_LINK = /^(?:と|及び|並びに|、)$/;
/** What a reporting clause does: '旨述べた', '説明した', '要請した'. */
const REPORTING = /述べ|説明|要請|表明|強調|歓迎|提起|言及|求め|伝え|発言|紹介|応じ|示さ|反応|謝意|紹介|呼びかけ|確認/;
/** An office that stands for its holder in a statement: '総理大臣は', '大統領は', '両首脳' aside. */
const OFFICE_SUBJECT = /^(?:[^。「]{0,12}?[、,，])?(内閣総理大臣|総理大臣|総理|首相|大統領|国家主席|国務院総理|外務大臣|外相|国務長官|国防長官|防衛大臣|国防大臣)(?:は|から|より)/;
/** Two offices as one subject: '総理大臣と大統領は'. */
const OFFICE_PAIR = /^(?:[^。「]{0,12}?[、,，])?(?:内閣総理大臣|総理大臣|総理|首相|大統領|国家主席|国務院総理)(?:と|及び)(?:内閣総理大臣|総理大臣|総理|首相|大統領|国家主席|国務院総理)(?:は|とも)/;
/** A government or a side named by its country: '日本国政府は', '中華人民共和国政府は', '日本側は'. */
const GOVERNMENT_SUBJECT = new RegExp(`^(?:[^。「]{0,12}?[、,，])?(${COUNTRY_FULL_NAMES}|日本|我が国)(?:国)?(?:政府|側)(?:は|から|より)`);

/** Sentences of a line, split again where 'これに対し' hands the word to the other side. */
export function clausesOf(line: Line): Clause[] {
  const clauses: Clause[] = [];
  const numbered = numberedLine(line.text);
  let offset = numbered ? numbered.textOffset : /^[\s\u3000]*/.exec(line.text)![0].length;
  const body = line.text.slice(offset);
  for (const piece of body.split(/(?<=[。．])|(?=(?:これ|それ|以上)に対し|(?:これ|それ)を受け)/)) {
    const trimmed = piece.replace(/[\s\u3000]+$/, '');
    if (trimmed.trim() !== '') {
      const start = line.start + offset + (piece.length - piece.trimStart().length);
      clauses.push({ start, end: line.start + offset + trimmed.length, text: piece.trimStart().replace(/[\s\u3000]+$/, ''), line });
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
  | { kind: 'office'; written: string; start: number; end: number }
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
  const name = written.replace(/(?:国)?(?:政府|側)$/, '');
  return /^(日本|我が方|我が国)$/.test(name) ? 'JP' : countryCode(name);
}

/** Who a clause reports: 'X大臣より,', 'Y長官から', 'Xは…旨述べた', '双方は', '米側から', '総理大臣は'. */
export function findSubject(clause: string, named: readonly NamedOffice[]): Subject | null {
  const joint = JOINT_SUBJECT.exec(clause) ?? OFFICE_PAIR.exec(clause);
  if (joint) {
    const written = joint[1] ?? joint[0].replace(/^[^、,，]*[、,，]/, '').replace(/(は|とも)$/, '');
    const start = joint.index + joint[0].indexOf(written);
    return { kind: 'joint', written, start, end: start + written.length };
  }
  for (let i = 0; i + 1 < named.length; i++) {
    const [first, second] = [named[i], named[i + 1]];
    if (PAIR_LINK.test(clause.slice(first.end, second.start).replace(/^の?/, '')) && /^(は|が|とも)/.test(clause.slice(second.end))) {
      return { kind: 'joint', written: clause.slice(first.start, second.end), start: first.start, end: second.end };
    }
  }
  const person = named.find((candidate) => {
    const after = clause.slice(candidate.end);
    return /^(より|から)(?!の)[もは]?[,、，]?/.test(after) || (/^は/.test(after) && REPORTING.test(after)) || /^[は、,，]?「/.test(after);
  });
  const government = GOVERNMENT_SUBJECT.exec(clause);
  const side = government ?? SIDE_SUBJECT.exec(clause);
  if (side && (!person || side.index < person.start)) {
    const written = government ? government[0].replace(/^[^、,，]*[、,，]/, '').replace(/(は|から|より)$/, '') : side[1];
    const start = side.index + side[0].indexOf(written);
    return { kind: 'side', written, country: sideCountry(written), start, end: start + written.length };
  }
  if (person) return { kind: 'person', named: person };
  const office = OFFICE_SUBJECT.exec(clause);
  if (office) {
    const start = office.index + office[0].indexOf(office[1]);
    return { kind: 'office', written: office[1], start, end: start + office[1].length };
  }
  return null;
}

