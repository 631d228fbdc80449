// Where a meeting was held, as readouts write it: '於:本省会見室' in a header or a bracket line
// ('(8月29日、於:東京)'), 'ニューヨークを訪問中の…', '…は、バンコクにおいて、…', '総理大臣官邸にて',
// '名護市の万国津梁館において', '防衛省A棟10階会見室において', and a statement's signing line
// ('一九七二年九月二十九日に北京で', '２００２年９月１７日' above '平壌'). What stands before において
// or で without being a place ('国際社会において', 'テレビ会議方式で', '電話で') is not one.

import { DateMention, findDates } from './dates';
import { HOLDS_SENTENCE_END, Line, contentStart, matchesOf } from './text';

export interface PlaceField {
  readonly value: string;
  readonly start: number;
}

const PLACE_NOUN = /^[^\s、,。はがをにとのも「」()（）[\]［］]{2,30}$/;
/** Words that open what is no place ('電話で', 'テレビ会議方式で', 'ワーキングランチ形式で'). */
const NOT_PLACE_STARTS = /^(電話|テレビ|ビデオ|オンライン|書面|会談|会合|冒頭|全体|両国|同[国日会意所地席]|本日|今回|ここ|日帰り|現地|ワーキング|国際)/;
/** People and events, not places ('総理で', '両首脳で', '会見で'); '総理大臣官邸' and '会見室' are places. */
const NOT_PLACE_WORDS = /^(総理|大臣|首脳|外相|両首脳|両外相|双方|総理大臣|首相|大統領|会見|記者会見)$/;

/** 'X(Y)' names a place and the spot within it, e.g. 東京(飯倉公館), 米国(ニューヨーク): Y is the meeting's. */
function innermostPlace(written: string): { place: string; offset: number } {
  const inner = /[(（]([^()（）]+)[)）]$/.exec(written);
  return inner ? { place: inner[1], offset: inner.index + 1 } : { place: written, offset: 0 };
}

/** The letters a place name is written in: katakana, kanji, Latin (ワシントンDC, 飯倉公館, 米国・ニューヨーク). */
const PLACE_RUN = '[ァ-ヴー・一-龥々A-Za-zＡ-Ｚａ-ｚ.．]';
const IN_BRACKETS = '(?:[(（][^()（）]{1,20}[)）])?';
// 'バチカンを訪問し,…を表敬しました' names the place of what follows, and so does a release's
// 'ベトナムを訪問したところ、概要は以下のとおり', and a news copy's 'ドバイを訪れていて'; a visit to Japan names none,
// and the last of several countries ('米国、イタリア及びベルギーを訪問し') is not where the meeting was.
const VISITING = new RegExp(
  `(?<!${PLACE_RUN}|及び|並びに)(?!日本(?:国)?を)(${PLACE_RUN}{2,30}?${IN_BRACKETS})(?:を?(?:訪問中|出張中|滞在中)|に(?:出張中|滞在中)|を訪問し(?=[、,，]|たところ)|を訪れて(?=い|お))`,
);
/** A venue's own name in corner brackets after the building: '迎賓館和風別館「游心亭」'. */
const VENUE_NAME = '(?:「[^「」]{1,12}」)?';
const AT = new RegExp(`(?<!${PLACE_RUN})(${PLACE_RUN}{2,30}?${VENUE_NAME}${IN_BRACKETS})(?:において|にて|で(?![きすしあはもなのい]))`, 'g');
/** What stands before において or で without being a place: '国際社会において', '電話会談で', 'ワーキングランチ形式で', a document ('…共同宣言において'), a meal ('非公式夕食会で'). */
const NOT_PLACE_ENDS = /(声明|宣言|コミュニケ|文書|決議|議定書|協定|条約|合意|社会|分野|地域|関係|面|場|枠組み|会議|会合|会談|協議|閣議|形式|方式|機会|際|中|間|下|上|観点|点|立場|全体|冒頭|席上|後|前|次第|ため|利益|考え|方針|結果|意味|目的|的|関連|提案|要請|招待|招き|意向|外遊|早期|時期|調整|一角|片隅|夕食会|昼食会|朝食会|晩餐会|夕食|昼食|会食|お茶会|茶会)$/;
/** A word before a city or venue that is not part of its name: '首都ジャカルタ', '首都・マニラ', '宿舎インターコンチネンタルホテル'. */
const CAPITAL_WORD = /^(?:首都|州都|宿舎|宿泊先|滞在先)・?(?=.{2})/;
/** '国連内において' is at the UN; '都内', '市内' and '国内' are places of their own. */
const WITHIN = /(?<=.[^都市国県区町村])内$/;
/** Before a building's spot written with a number: '防衛省A棟10階' before '会見室'. */
const NUMBERED_SPOT_BEFORE = new RegExp(`(?<!${PLACE_RUN})${PLACE_RUN}{1,20}[0-9０-９]{1,3}$`);
const NUMBERED_SPOT_START = /^(?:階|棟|号館|号室|F)/;
/** A municipality before its venue: '名護市の' before '万国津梁館', 'ソウル市内の' before 'ホテル'. */
const MUNICIPALITY_BEFORE = new RegExp(`(?<!${PLACE_RUN})${PLACE_RUN}{1,10}[市町村区県州都]内?の$`);
/** A city written without 市 before a government building or a hotel: '東京の外務省', 'ハノイの国防省'. */
const CITY_BEFORE = new RegExp(`(?<!${PLACE_RUN})(?:[両同本当翌前]日)?(${PLACE_RUN}{2,8})の$`);
const OFFICE_BUILDING = /^(?:外務省|国防省|防衛省|外交部|国務省|国防総省|大統領府|大統領官邸|首相官邸|首相府|総理府|迎賓館|国会議事堂)$|ホテル$/;

/** Countries run together ('日米韓で連携', '日中で協力'): a group of partners, never a place. */
const PARTNERS = /^日?[米韓中露英仏独豪印加伊朝台越欧比]{1,3}$/;

function acceptable(written: string): boolean {
  const place = written.replace(/「[^「」]{1,12}」$/, '');
  return PLACE_NOUN.test(place) && !NOT_PLACE_STARTS.test(place) && !NOT_PLACE_WORDS.test(place) && !NOT_PLACE_ENDS.test(place) && !PARTNERS.test(place) && !/[0-9０-９]/.test(place);
}

/** The place a `で`/`において` phrase names, widened to the number or municipality written before it. */
function venueAt(sentence: string, start: number, written: string): { place: string; offset: number } | null {
  const { place, offset } = innermostPlace(written);
  const before = sentence.slice(Math.max(0, start - 24), start);
  if (offset === 0 && NUMBERED_SPOT_START.test(place)) {
    const numbered = NUMBERED_SPOT_BEFORE.exec(before);
    return numbered && PLACE_NOUN.test(numbered[0] + place) ? { place: numbered[0] + place, offset: start - numbered[0].length } : null;
  }
  if (!acceptable(place)) return null;
  // The run starts after a date's digits: '1983年5月29日ウィリアムズバーグにおいて' is at ウィリアムズバーグ.
  if (offset === 0 && /^[日月年]/.test(place) && /[0-9０-９十]$/.test(sentence.slice(0, start))) return venueAt(sentence, start + 1, written.slice(1));
  if (WITHIN.test(place)) return { place: place.slice(0, -1), offset: start + offset };
  const municipality = offset === 0 ? MUNICIPALITY_BEFORE.exec(before) : null;
  if (municipality) return { place: municipality[0] + place, offset: start - municipality[0].length };
  const city = offset === 0 && OFFICE_BUILDING.test(place) ? CITY_BEFORE.exec(before) : null;
  if (city && acceptable(city[1]) && !/^(?:各|自|相手|我が|わが)/.test(city[1])) return { place: `${city[1]}の${place}`, offset: start - city[1].length - 1 };
  const capital = CAPITAL_WORD.exec(place);
  return capital ? { place: place.slice(capital[0].length), offset: start + offset + capital[0].length } : { place, offset: start + offset };
}

/**
 * The place a sentence reports: the venue 'Xにおいて'/'Xにて'/'Xで' named after a visit
 * ('タイを訪問中の…は，バンコクにおいて'), else the place visited, else the first venue.
 */
export function findPlace(sentence: string): { place: string; offset: number } | null {
  // What stands before '…との首脳会談を終えた' is the earlier event's: '米国で…会談を終えた総理は、…英国に到着し'.
  const finished = sentence.search(/を終え(?:た|て)/);
  if (finished > 0) return shifted(findPlace(sentence.slice(finished)), finished);
  const visiting = VISITING.exec(sentence);
  let visited: { place: string; offset: number } | null = null;
  if (visiting) {
    const { place, offset } = innermostPlace(visiting[1]);
    const capital = CAPITAL_WORD.exec(place)?.[0].length ?? 0;
    if (PLACE_NOUN.test(place)) visited = { place: place.slice(capital), offset: visiting.index + offset + capital };
  }
  const quotes = new QuoteDepth(sentence);
  for (const match of matchesOf(AT, sentence)) {
    if (visited && match.index! < visited.offset) continue;
    // Words quoted are someone's ('「未来志向で安定的に…」'), not where the meeting was.
    if (quotes.openAt(match.index!)) continue;
    const venue = venueAt(sentence, match.index!, match[1]);
    if (venue) return venue;
  }
  if (visited) return visited;
  // A news copy may place the talks only by the meal they were held over: '京都迎賓館での非公式夕食会で懇談'.
  const meal = VENUE_OF_MEAL.exec(sentence);
  return meal && acceptable(meal[1]) && !new QuoteDepth(sentence).openAt(meal.index) ? { place: meal[1], offset: meal.index } : null;
}

const VENUE_OF_MEAL = new RegExp(`(?<!${PLACE_RUN})(${PLACE_RUN}{2,30}?)での(?:非公式|公式)?(?:夕食会|昼食会|朝食会|晩餐会|会食|ワーキング・?ランチ|ワーキング・?ディナー)`);

/** How deep in corner-bracket quotes a sentence is, read forward once however many offsets are asked. */
class QuoteDepth {
  private at = 0;
  private depth = 0;

  constructor(private readonly sentence: string) {}

  /** Whether a quote is open at `offset` (offsets asked in increasing order). */
  openAt(offset: number): boolean {
    for (; this.at < offset; this.at++) {
      const code = this.sentence.charCodeAt(this.at);
      if (code === OPEN_QUOTE) this.depth++;
      else if (code === CLOSE_QUOTE && this.depth > 0) this.depth--;
    }
    return this.depth > 0;
  }
}
const OPEN_QUOTE = 0x300c; // 「
const CLOSE_QUOTE = 0x300d; // 」

function shifted(found: { place: string; offset: number } | null, by: number): { place: string; offset: number } | null {
  return found ? { place: found.place, offset: found.offset + by } : null;
}

/** '於:本省会見室' in a header, or in a short bracketed line of its own ('(8月29日、於:東京)'). */
export function atPlace(lines: readonly { value: string; start: number }[]): PlaceField | null {
  for (const line of lines) {
    if (line.value.length > 110 || HOLDS_SENTENCE_END.test(line.value)) continue;
    // A bracket inside the place is kept whole: '於:院内大臣室前(ぶら下がり)'.
    const match = /於[ \t\u3000]*[:：]?[ \t\u3000]*([^\s()（）》〉\]］、,，]+(?:[(（][^()（）\s]{1,12}[)）])?)/.exec(line.value);
    if (match) return { value: match[1], start: line.start + match.index + match[0].length - match[1].length };
  }
  return null;
}

/** The place after a bracketed dateline's date: '(８６年５月３１日,モスクワ)'. */
export function placeAfterDate(value: string, dateEnd: number, start: number): PlaceField | null {
  const match = new RegExp(`^([,，、][ \t\u3000]*)(${PLACE_RUN}{2,16})[)）][ \t\u3000]*$`).exec(value.slice(dateEnd));
  return match && acceptable(match[2]) ? { value: match[2], start: start + dateEnd + match[1].length } : null;
}

/**
 * A statement's signing line: a short line with a full date and the place before it, after it
 * ('…に北京で') or on the line below ('２００２年９月１７日' above '平壌').
 */
export function signingLine(lines: readonly Line[]): { date: DateMention; start: number; place: PlaceField | null } | null {
  for (let i = 0; i < lines.length; i++) {
    const trimmed = lines[i].text.trim();
    if (trimmed.length > 40) continue;
    const date = findDates(trimmed).find((mention) => mention.year !== null && mention.month !== null);
    if (!date) continue;
    const offset = contentStart(lines[i]);
    const before = /^(.{2,16}?)[,，、\s\u3000]*$/.exec(trimmed.slice(0, date.start));
    const after = new RegExp(`^に(${PLACE_RUN}{2,16}?)(?:で|において|にて)`).exec(trimmed.slice(date.end));
    const below = lines[i + 1] ? new RegExp(`^${PLACE_RUN}{2,16}$`).exec(lines[i + 1].text.trim()) : null;
    const written =
      before && PLACE_NOUN.test(before[1])
        ? { value: before[1], start: offset }
        : after
          ? { value: after[1], start: offset + date.end + 1 }
          : below && trimmed.slice(date.end).trim() === ''
            ? { value: below[0], start: contentStart(lines[i + 1]) }
            : null;
    return { date, start: offset, place: written };
  }
  return null;
}
