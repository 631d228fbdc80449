// A deterministic synthetic corpus in the formats of the sample readouts: summaries with numbered
// sections and reported speech, press-conference transcripts, joint press events with speaker
// blocks, and news copies with page furniture. People and offices come from the knowledge file, so
// names, titles and dates agree; meetings refer to earlier ones ('3月の日米外相会談').

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COUNTRIES } from '../server/src/knowledge/countries';
import { PEOPLE, Person } from '../server/src/knowledge/people';

/** mulberry32: a small seeded generator, so that the same seed gives the same corpus. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTERPARTS = ['US', 'RU', 'CN', 'KR', 'AU', 'IN', 'GB'];
const TOPICS = ['北朝鮮', '拉致問題', '経済安全保障', '東シナ海', '南シナ海', 'ウクライナ情勢', '気候変動', 'エネルギー', 'サプライチェーン', '人的交流', '防衛協力', '国連安保理改革', '中東情勢', 'TPP', '原子力'];
const LEVELS = [
  { kind: '外相会談', japan: '外務大臣', foreign: ['国務長官', '外務大臣', '外交部長', '外交部長官'] },
  { kind: '防衛相会談', japan: '防衛大臣', foreign: ['国防長官', '国防大臣', '国防部長官'] },
  { kind: '首脳会談', japan: '内閣総理大臣', foreign: ['大統領', '首相', '国家主席'] },
] as const;

interface Meeting {
  readonly date: Date;
  readonly kind: string;
  readonly pair: string;
}

function holder(title: string, country: string, iso: string, pick: () => number): Person | null {
  const holders = PEOPLE.people.filter(
    (person) => person.country === country && person.offices.some((office) => office.title === title && office.from <= iso && (office.to === null || iso <= office.to)),
  );
  return holders.length > 0 ? holders[Math.floor(pick() * holders.length)] : null;
}

function eraDate(date: Date): string {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  const era = year >= 2019 && (year > 2019 || month >= 5) ? `令和${year - 2018 === 1 ? '元' : year - 2018}` : `平成${year - 1988}`;
  return `${era}年${month}月${day}日`;
}

function family(person: Person): string {
  return person.family;
}

function fullName(person: Person): string {
  return person.names[0] ?? person.family;
}

export function generateCorpus(folder: string, count: number, seed = 1): string[] {
  const pick = random(seed);
  const choose = <T>(list: readonly T[]): T => list[Math.floor(pick() * list.length)];
  const short = (code: string) => COUNTRIES.find((country) => country.code === code)!.short[0];
  const nameOf = (code: string) => COUNTRIES.find((country) => country.code === code)!.name;
  mkdirSync(folder, { recursive: true });
  const history: Meeting[] = [];
  const files: string[] = [];
  for (let index = 0; index < count; index++) {
    const date = new Date(Date.UTC(2001, 0, 1) + Math.floor(pick() * 25 * 365) * 86_400_000);
    const iso = date.toISOString().slice(0, 10);
    const level = choose(LEVELS);
    const country = choose(COUNTERPARTS);
    const japan = holder(level.japan, 'JP', iso, pick) ?? holder('外務大臣', 'JP', iso, pick);
    const other = level.foreign.map((title) => holder(title, country, iso, pick)).find((person) => person !== null) ?? null;
    if (!japan || !other) {
      index--;
      continue;
    }
    const otherTitle = other.offices.find((office) => office.from <= iso && (office.to === null || iso <= office.to))?.title ?? '外務大臣';
    const pair = `日${short(country)}`;
    const kind = level.kind;
    const earlier = history.filter((meeting) => meeting.pair === pair && meeting.date < date).slice(-1)[0];
    const reference = earlier ? `${earlier.date.getUTCMonth() + 1}月の${pair}${earlier.kind}` : null;
    history.push({ date, kind, pair });
    // Six to ten sections: sizes like real readouts (2,000–5,000 characters).
    const topics = Array.from({ length: 6 + Math.floor(pick() * 5) }, () => choose(TOPICS));
    const format = index % 5;
    const hour = 8 + Math.floor(pick() * 10);
    const minutes = 5 * Math.floor(pick() * 12);
    const duration = 20 + 5 * Math.floor(pick() * 20);
    const place = choose(['飯倉公館', '総理大臣官邸', '防衛省', 'ワシントンD.C.', 'モスクワ', '北京', 'ソウル', 'ニューデリー', 'キャンベラ', 'ロンドン']);
    const jp = family(japan);
    const them = family(other);
    const reported = topics
      .map(
        (topic, i) =>
          `${i + 1} ${topic}\n${jp}${level.japan.replace('内閣総理', '総理')}から,${topic}をめぐる最近の動きについて日本の考えを説明し,地域の平和と安定のために${nameOf(country)}と緊密に連携したい旨述べました。` +
          `その上で,${topic}に関する具体的な協力を一層進めるため,事務レベルでの協議を継続したい旨述べました。` +
          `これに対し,${them}${otherTitle}から,${topic}について日本との協力を重視しており,${choose(TOPICS)}や${choose(TOPICS)}の分野でも連携を深めたい旨述べました。` +
          `双方は,引き続き首脳間・外相間を含むあらゆるレベルで緊密に意思疎通を図っていくことで一致しました。\n`,
      )
      .join('\n');
    const lead = `${date.getUTCMonth() + 1}月${date.getUTCDate()}日${hour}時${minutes}分から約${duration}分間,${fullName(japan)}${level.japan}は,${place}において,${fullName(other)}${nameOf(country)}${otherTitle}との間で${pair}${kind}を行ったところ,概要は以下のとおりです。` +
      (reference ? `今回の会談は,${reference}以来となります。` : '');
    let text: string;
    if (format === 1) {
      text = `${jp}${level.japan}会見記録\n\n${eraDate(date)}(${hour}時${minutes}分) 於:本省会見室\n\n冒頭発言\n\n 本日,${fullName(other)}${otherTitle}と${pair}${kind}を行いました。${topics[0]}について意見交換を行いました。\n\n質疑応答\n\n` +
        topics.map((topic) => `【記者】${topic}についてどのようなやり取りがありましたか。\n\n【大臣】${topic}については,${them}${otherTitle}との間で率直な意見交換を行いました。詳細は差し控えます。\n`).join('\n');
    } else if (format === 2) {
      text = `${pair}${kind}共同記者発表概要\n\n日時\n${eraDate(date)}(${hour}:${String(minutes).padStart(2, '0')}~${hour}:${String(minutes + 20 > 59 ? 59 : minutes + 20).padStart(2, '0')})\n場所\n${place}\n\n` +
        `(${them}${otherTitle})\n\n ${jp}${level.japan}との会談では,${topics.join(',')}について議論しました。\n\n(${jp}${level.japan})\n\n 本日,${them}${otherTitle}と${pair}${kind}を行い,${topics[1]}について一致しました。\n`;
    } else if (format === 3) {
      text = `• ニュース\n  • 外交\n${pair}${kind}\n\nページに広告が含まれる場合があります。\n\n${date.getUTCFullYear()}-${date.getUTCMonth() + 1}-${date.getUTCDate() + 0} 10:00\n\n【外務省】${pair}${kind}\n\n${eraDate(date)}\n\n${lead}\n\n${reported}\n(以上)\n\nRanking読まれている記事\n  • 24時間\n  • 1週間\npagetop\n`;
    } else {
      text = `${pair}${kind}(概要)\n\n${eraDate(date)}\n\n${lead}\n\n${reported}`;
    }
    const file = join(folder, `${String(index).padStart(5, '0')}-${iso}-${country.toLowerCase()}.readout.txt`);
    writeFileSync(file, text);
    files.push(file);
  }
  return files;
}
