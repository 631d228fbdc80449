// A meeting's citation, to paste into notes or a paper: title, kind, date, place, participants and
// file, in Japanese or in English. No editor API here, so that it is tested on its own.

import type { MeetingItem } from '../../server/src/protocol';

export type CitationLanguage = 'ja' | 'en';

/** The kinds of meeting in English. */
const KINDS: Record<string, string> = {
  首脳会談: 'Summit meeting', 首脳電話会談: 'Summit telephone talk', 首脳テレビ会談: 'Summit video conference', 首脳会合: 'Summit',
  外相会談: 'Foreign Ministers’ meeting', 外相電話会談: 'Foreign Ministers’ telephone talk', 外相テレビ会談: 'Foreign Ministers’ video conference',
  外相会合: 'Foreign Ministers’ meeting', 防衛相会談: 'Defence Ministers’ meeting', 防衛相電話会談: 'Defence Ministers’ telephone talk',
  防衛相テレビ会談: 'Defence Ministers’ video conference', '2+2': '“2+2” Foreign and Defence Ministers’ meeting', 戦略対話: 'Strategic dialogue',
  表敬: 'Courtesy call', 懇談: 'Informal talk', 立ち話: 'Brief talk', 記者会見: 'Press conference', 共同記者発表: 'Joint press announcement',
  共同声明: 'Joint statement', 会談: 'Meeting',
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** '2018-03-21' → '2018年3月21日' or '21 March 2018'; a month or a year alone as far as it is known. */
export function citationDate(date: string, language: CitationLanguage): string {
  const [year, month, day] = date.split('-').map(Number);
  if (language === 'ja') return `${year}年${month ? `${month}月` : ''}${day ? `${day}日` : ''}`;
  return [day, month ? MONTHS[month - 1] : null, year].filter((part) => part).join(' ');
}

export function citation(item: MeetingItem, file: string, language: CitationLanguage): string {
  const date = item.date ? citationDate(item.date, language) : null;
  if (language === 'ja') {
    const facts = [item.kind, date, item.place, item.people.length ? item.people.join('、') : null].filter(Boolean).join('、');
    return `「${item.title}」${facts ? `（${facts}）` : ''}${file}`;
  }
  const facts = [item.kind && (KINDS[item.kind] ?? item.kind), date, item.place].filter(Boolean).join(', ');
  const people = item.latinPeople.length ? `; ${item.latinPeople.join(', ')}` : '';
  return `“${item.title}” (${facts}${people}), ${file}`;
}
