// People named with an office: '岸田外務大臣', 'ケリー国務長官', 'マルコ・ルビオ米国国務長官',
// '趙顕(チョ・ヒョン)韓国外交部長官', 'セルゲイ・ラヴロフ・ロシア連邦外務大臣', 'アメリカ合衆国のジェームズ・マティス国防長官'.

import { COUNTRY_FULL_NAMES, COUNTRY_NAMES, compoundCountries, countryCode, isFullCountryName, LONGEST_FULL_COUNTRY_NAME } from '../knowledge/countries';
import { OFFICE_TITLES, officeOf } from '../knowledge/offices';
import type { PeopleIndex } from '../knowledge/people';
import { matchesOf } from './text';

// Middle initials are written in Latin letters: ジョセフ・R・バイデン.
// A monarch's regnal number follows the name: フェリペ6世.
export const KATAKANA_NAME = '[ァ-ヴ](?:[ァ-ヴー・=＝]|[A-ZＡ-Ｚ][.．]?・)*[ァ-ヴー](?:[0-9０-９]{1,2}世)?';
/** Kanji, and once a katakana for a character written so ('楊潔チ'): such a name must be a known one. */
const KANJI_NAME = '[一-龥々]{1,6}?[ァ-ヶ]?';
/** A reading in kana or Latin letters, or the kanji a Korean name is also written in ('ユン・ビョンセ(尹炳世)外相'). */
const READING_CHARACTERS = '[ぁ-んァ-ヴー・一-龥々\\sA-Za-zＡ-Ｚａ-ｚ.．,\x27\\-]';
const READING_LENGTH = 60;
const READING = `[(（]${READING_CHARACTERS}{1,${READING_LENGTH}}[)）]`;
const PREFECTURES =
  '北海道|東京都|大阪府|京都府|(?:青森|岩手|宮城|秋田|山形|福島|茨城|栃木|群馬|埼玉|千葉|神奈川|新潟|富山|石川|福井|山梨|長野|岐阜|静岡|愛知|三重|' +
  '滋賀|兵庫|奈良|和歌山|鳥取|島根|岡山|広島|山口|徳島|香川|愛媛|高知|福岡|佐賀|長崎|熊本|大分|宮崎|鹿児島|沖縄)県';
/** A governor with the prefecture: '仲井眞沖縄県知事'. */
const PREFECTURAL_GOVERNOR = `(?:${PREFECTURES})知事`;
/** Offices held together: '副首相兼国防相', '首相兼外相', '中国共産党中央政治局委員兼外交部長', 'ソ連邦共産党中央委員会政治局員兼外務大臣'. The last one counts. */
const CONCURRENT = '(?:(?:中国)?(?:共産党)?(?:中央委員会|中央)?政治局(?:委員|員)?|国務委員|副首相|副総理|第一副首相|首相)兼';

/** Where an ambassador is accredited, before the country that sends them: 'ハガティ駐日米国大使'. */
const ACCREDITED = '駐日|在京';

/** Kanji words a katakana name can be glued to ('冒頭ジョコ大統領から'); a bullet '・' may open the line ('・王毅外相は'). */
const GLUE_WORDS = '冒頭|同日|本日|翌日|席上';
const GLUED_AT = new RegExp(`(?:${GLUE_WORDS})$`);

/** The country of the person named just before: 'ビショップ豪外相及びジョンストン同国国防相', 'レティシア同王妃陛下'. */
const SAME_COUNTRY = '同国|同(?=王妃)';

/** International bodies whose officers are named like a country's: 'グテーレス国連事務総長', 'アブルゲイト・アラブ連盟事務総長'. */
const ORGANISATIONS = '国際連合|国連|アラブ連盟|アフリカ連合|NATO|ASEAN|OECD|IAEA|WHO|WTO|IMF|世界銀行|UNRWA|UNHCR|UNICEF';
/** The ministry an office belongs to, between the country and the office: 'ドイツ外務省国務大臣', '米国国務省次官補'. */
const MINISTRY = '(?:外務|国務|国防|防衛|内務|外交|国防総)省';
/** The city of an international body's office, before the office: '国連ナイロビ事務所長'. */
const CITY = '[ァ-ヴー]{2,10}';
/** A portfolio of joined words before a foreign minister's 大臣 or 長官: '外務・移住・国外移住者大臣', '外務・ディアスポラ担当長官'. */
const PORTFOLIO = '(?!共和国|王国|連邦|合衆国|首長国|公国|人民|民主)(?:[一-龥々]{1,8}・){1,3}[一-龥々ァ-ヴー]{1,12}?(?=大臣|長官)';

const NAME_AND_OFFICE =
  `(?:(?<![ァ-ヴー・一-龥々])|(?<=^[\\s\\u3000]*・)|(?<=${GLUE_WORDS}))(${KATAKANA_NAME}|${KANJI_NAME})(${READING})?` +
  `・?(?:${ACCREDITED})?(${COUNTRY_NAMES}|${SAME_COUNTRY})?(?:${MINISTRY})?(?:(?:${ORGANISATIONS})(?:${CITY})?)?(?:${CONCURRENT})?(?:${PORTFOLIO})?(${PREFECTURAL_GOVERNOR}|${OFFICE_TITLES})(?!会談|会合|会議|官邸|級|間|室|府|省|庁|政務官|秘書官|補佐官)`;
/** Tried at one position at a time (sticky): a search that fails never runs on past the office. */
const NAMED_OFFICE = new RegExp(`(?:(?<![一-龥々])(${COUNTRY_FULL_NAMES})の)?${NAME_AND_OFFICE}`, 'y');
/**
 * NAMED_OFFICE where no country name + の starts: the same match without trying the long
 * alternation of countries first. The group that never matches keeps the group numbers.
 */
const NAMED_OFFICE_WITHOUT_COUNTRY = new RegExp(`((?!))?${NAME_AND_OFFICE}`, 'y');

/**
 * Any office at all: every NAMED_OFFICE match holds one. Most lines name none, and NAMED_OFFICE
 * costs some 10 µs a call even on one character (matchAll copies the large pattern).
 */
const ANY_OFFICE = new RegExp(`${PREFECTURAL_GOVERNOR}|${OFFICE_TITLES}`);
/** The character every office ends in ('臣', '官', '相', the governor's '事'): a cheaper first look than ANY_OFFICE. */
const OFFICE_LAST_CHARACTER = new RegExp(`[${[...new Set([...OFFICE_TITLES.split('|'), '知事'].map((title) => title[title.length - 1]))].join('')}]`);

const JOINED_COUNTRY = new RegExp(`^(.+)・(${COUNTRY_FULL_NAMES})$`);

/** Kanji runs that stand before an office but are not names. */
const NOT_NAMES = new Set([
  '総理', '内閣', '外務', '防衛', '国防', '国務', '官房', '副', '両', '各', '同', '本', '前', '元', '現', '新', '次',
  '歴代', '担当', '首席', '政務', '経済', '産業', '関係', '外交部', '当該', '相手', '先方', '我が国', '日本国', '閣僚', '国家',
  // Groups of counterparts: 'ASEAN各国外相より', '各国国連常駐代表から', '参加国外相'.
  '各国', '参加国', '関係国', '諸国', '出席国', '域内国',
  // Ministries, before their minister: '厚生労働大臣から…御発言があり'.
  '厚生労働', '総務', '財務', '法務', '文部科学', '農林水産', '国土交通', '環境', '経済産業', '復興', '内閣府', '国家公安',
]);

export interface NamedOffice {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  /** Just the name, for ranges that point at it. */
  readonly nameStart: number;
  readonly title: string;
  readonly country: string | null;
  /** Whether the country came from the text (a prefix) or the office, not from a guess. */
  readonly written: boolean;
}

const HONORIFIC_AFTER = /^(?:陛下|殿下|閣下)/;

/** A family name and the comma of '姓,名' order, right before a given name. */
const FAMILY_FIRST = /(?<![ァ-ヴー・])([ァ-ヴ][ァ-ヴー]+)([,，])$/;

/** Words a kanji run can glue to a name: '冒頭町村外務大臣', '李洪九元首相', '阿南在中国大使'. */
const GLUED_BEFORE = /^(冒頭|その後|次いで|続いて|最後に|最後|併せて|更に|また|同日|本日|翌日|後)(?=[一-龥々]{2})/;
const GLUED_AFTER = /(?<=[一-龥々]{2})(元|前|現|故|在|駐)$/;

function trimNameWords(name: string): string {
  return name.replace(GLUED_BEFORE, '').replace(GLUED_AFTER, '');
}

function isKanji(text: string): boolean {
  return /^[一-龥々]+$/.test(text);
}

/** An office where a name can end; the name is then looked for just before it. */
const OFFICE_AT = new RegExp(`(?:${CONCURRENT})?(?:${PREFECTURAL_GOVERNOR}|${OFFICE_TITLES})(?!会談|会合|会議|官邸|級|間|室|府|省|庁|政務官|秘書官|補佐官)`, 'g');
/** How far before its office a name, with its country, reading and concurrent offices, can begin. */
const NAME_WINDOW = 64;

/** Every character a name + office can hold outside its reading: its names, countries and offices. */
const MATCH_CHARACTERS = new Set(
  [...[COUNTRY_FULL_NAMES, COUNTRY_NAMES, PREFECTURAL_GOVERNOR, CONCURRENT, ACCREDITED, OFFICE_TITLES, ORGANISATIONS, '省の=＝.．0123456789０１２３４５６７８９'].join('').replace(/[|()?:]/g, '')].map((c) => c.charCodeAt(0)),
);
const READING_CHARACTER = new RegExp(READING_CHARACTERS);

/** [一-龥々], as the patterns write kanji. */
function isKanjiCode(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fa5) || code === 0x3005;
}

/** [ァ-ヴー・A-ZＡ-Ｚ] or kanji: what names are written in. */
function isNameCode(code: number): boolean {
  return (code >= 0x30a1 && code <= 0x30f4) || code === 0x30fc || code === 0x30fb || (code >= 0x41 && code <= 0x5a) || (code >= 0xff21 && code <= 0xff3a) || isKanjiCode(code);
}

/** Where the reading that closes at `close` opens, or -1 when the bracket closes no reading. */
function readingOpen(text: string, close: number): number {
  let open = close - 1;
  while (open >= close - 1 - READING_LENGTH && open >= 0 && READING_CHARACTER.test(text[open])) open--;
  return open < close - 1 && (text[open] === '(' || text[open] === '（') ? open : -1;
}

const LINK = 0x306e; // の

/**
 * Where a name + office ending at `end` can start, from `from` on, the last first: after a
 * character that is not kanji (both lookbehinds of the pattern say so), with nothing up to `end`
 * that no such match could hold. A reading is passed over whole. At most NAME_WINDOW back.
 * Outside a reading, only a country name's の can stand in a match ('アメリカ合衆国のマティス国防長官'):
 * before the nearest の a match must start with a full country name that ends right at it (`linked`).
 */
function possibleStarts(text: string, from: number, end: number): { starts: number[]; link: number } {
  const starts: number[] = [];
  let link = -1;
  let at = end;
  while (at > from) {
    const code = text.charCodeAt(at - 1);
    if (code === 0x29 || code === 0xff09) {
      const open = readingOpen(text, at - 1);
      if (open < 0) break;
      at = open;
    } else if (code === LINK) {
      if (link >= 0) break;
      link = --at;
    } else if (isNameCode(code) || MATCH_CHARACTERS.has(code)) {
      at--;
    } else {
      break;
    }
    if (link >= 0 && link - at > LONGEST_FULL_COUNTRY_NAME) break;
    const linked = link < 0 || (at < link && isFullCountryName(text.slice(at, link)));
    if (at >= from && linked && (at === 0 || !isKanjiCode(text.charCodeAt(at - 1)) || GLUED_AT.test(text.slice(Math.max(0, at - 2), at)))) starts.push(at);
  }
  return { starts, link };
}

/** The name + office ending exactly at `end` that starts first at or after `from`. */
function namedOfficeEndingAt(text: string, from: number, end: number): RegExpExecArray | null {
  const { starts, link } = possibleStarts(text, from, end);
  for (let i = starts.length - 1; i >= 0; i--) {
    // Only a match that starts before the の can begin with a country: the rest need not try them all.
    const pattern = starts[i] < link ? NAMED_OFFICE : NAMED_OFFICE_WITHOUT_COUNTRY;
    pattern.lastIndex = starts[i];
    const match = pattern.exec(text);
    if (match && starts[i] + match[0].length === end) return match;
  }
  return null;
}

/** How many texts' name + office pairs one parse remembers at most (a line of a 1 MB readout holds one). */
const REMEMBERED_TEXTS = 20_000;
const rememberedOffices = new Map<string, Map<string | null, readonly NamedOffice[]>>();
/** Whose people the remembered texts were read with: other people, other names. */
let rememberedPeople: PeopleIndex | null = null;
const NO_OFFICES: readonly NamedOffice[] = Object.freeze([]);

/** Forgets the texts read so far: a parse starts afresh, so that what it costs does not depend on the one before. */
export function forgetNamedOffices(): void {
  rememberedOffices.clear();
}

/** Whether `text` holds an office at all: what every name + office needs, answered before anything else is read. */
export function mayNameOffice(text: string): boolean {
  return OFFICE_LAST_CHARACTER.test(text) && ANY_OFFICE.test(text);
}

/**
 * Finds name + office pairs in `text` (offsets relative to it). `date` helps tell namesakes apart.
 * The parties, the speakers and the mentions of a parse each read a line's: each text holding an
 * office is searched once per parse.
 */
export function findNamedOffices(text: string, people: PeopleIndex, date: string | null = null): readonly NamedOffice[] {
  if (!OFFICE_LAST_CHARACTER.test(text)) return NO_OFFICES;
  if (people !== rememberedPeople) {
    rememberedOffices.clear();
    rememberedPeople = people;
  }
  // A text read before is answered from memory, before the large pattern runs again on it.
  let byDate = rememberedOffices.get(text);
  const known = byDate?.get(date);
  if (known) return known;
  const found = ANY_OFFICE.test(text) ? readNamedOffices(text, date, people) : NO_OFFICES;
  if (!byDate) {
    if (rememberedOffices.size >= REMEMBERED_TEXTS) rememberedOffices.clear();
    byDate = new Map();
    rememberedOffices.set(text, byDate);
  }
  byDate.set(date, found);
  return found;
}

const COUNTRY_CHARACTER = 0x56fd; // 国

/** Offices are found first and names only looked for just before them: most of a line is neither. */
function readNamedOffices(text: string, date: string | null, people: PeopleIndex): NamedOffice[] {
  const found: NamedOffice[] = [];
  let searched = 0;
  for (const officeAt of matchesOf(OFFICE_AT, text)) {
    const end = officeAt.index! + officeAt[0].length;
    // An office run into 国 is part of a country's name or role ('アラブ首長国連邦', '議長国となるイタリア'), not a person's.
    if (text.charCodeAt(end) === COUNTRY_CHARACTER) continue;
    const spaced = spacedName(text, Math.max(searched, officeAt.index! - SPACED_WINDOW), officeAt.index!, officeAt[0], date, people);
    if (spaced) {
      found.push({ ...spaced, end, title: officeAt[0] });
      searched = end;
      continue;
    }
    const match = namedOfficeEndingAt(text, Math.max(searched, officeAt.index! - NAME_WINDOW), end);
    if (!match) continue;
    searched = end;
    const [whole, countryBefore, writtenName, reading, writtenCountryAfter, title] = match;
    // Kanji in brackets are a katakana name's other spelling; after kanji they are no reading ('会談(非公式)外相').
    if (reading && isKanji(writtenName) && /[一-龥々]/.test(reading)) continue;
    // A one-character abbreviation after a kanji name is the name's last character (田中外務大臣).
    const glued = isKanji(writtenName) && writtenCountryAfter?.length === 1;
    // A country after a foreign name is joined to it by ・ (ジャイシャンカル・インド外務大臣).
    const joined = !glued && !writtenCountryAfter ? JOINED_COUNTRY.exec(writtenName) : null;
    // 'ペニャ・ニエト・メキシコ合衆国大統領': the country's first word is joined to the name, and its
    // rest ('合衆国') alone would name another country.
    const split = !glued && writtenCountryAfter ? splitCountry(writtenName, writtenCountryAfter) : null;
    let name = glued ? writtenName + writtenCountryAfter : joined ? joined[1] : split ? split.name : writtenName;
    const countryAfter = glued ? undefined : joined ? joined[2] : split ? split.country : writtenCountryAfter;
    if (/^[一-龥々]+[ァ-ヶ]$/.test(name) && !people.isKnownName(name)) continue;
    // A country before its office is no name: 'スペイン国王王妃両陛下'.
    if (!isKanji(name) && countryCode(name)) continue;
    if (isKanji(name)) {
      name = trimNameWords(name);
      // An office before another is no name: '国王王妃両陛下'.
      if (NOT_NAMES.has(name) || officeOf(name) || name.endsWith('担当') || compoundCountries(name) || countryCode(name) || /(分間|時間|回目)$/.test(name)) continue;
      // A one-character family name is a known one, or a junior minister's ('辻外務大臣政務官', '辻政務官'), whose office only a person holds.
      if (name.length === 1 && !people.isKnownName(name) && !/政務官|副大臣/.test(title)) continue;
    }
    let nameStart = match.index! + whole.indexOf(name, countryBefore ? countryBefore.length : 0);
    let start = match.index!;
    // '姓,名' order ('ラヴロフ,セルゲイ・ロシア外務大臣'): the family name before the comma, when the knowledge file knows the pair.
    const familyFirst = /^[ァ-ヴ][ァ-ヴー]*$/.test(name) && nameStart === start ? FAMILY_FIRST.exec(text.slice(Math.max(0, nameStart - 16), nameStart)) : null;
    if (familyFirst && people.candidates(`${name}・${familyFirst[1]}`).length > 0) {
      name = `${familyFirst[1]}${familyFirst[2]}${name}`;
      nameStart = start = nameStart - familyFirst[0].length;
    }
    const sameCountry = countryAfter === '同国' || countryAfter === '同';
    const writtenCountry = sameCountry ? undefined : countryAfter ?? countryBefore;
    const office = officeOf(title);
    let country = sameCountry ? found[found.length - 1]?.country ?? null : writtenCountry ? countryCode(writtenCountry) : office?.country ?? null;
    if (!country && !isKanji(name)) country = countryNamedBefore(text, start);
    const written = country !== null;
    if (!country) country = people.resolve(name, { title, date })?.country ?? null;
    // An honorific after the office belongs to the phrase: 'フェリペ6世国王陛下から'.
    const honorific = HONORIFIC_AFTER.exec(text.slice(end, end + 2))?.[0].length ?? 0;
    found.push({ start, end: match.index! + whole.length + honorific, name, nameStart, title, country, written });
  }
  return found;
}

/**
 * A name after its country and office, as wire copies write them: '日本の外務大臣、岩屋毅氏は'. A kanji
 * name needs its 氏; a katakana one stands before a particle or an honorific.
 */
const OFFICE_THEN_NAME = new RegExp(
  `(?<![ァ-ヴー一-龥々])(${COUNTRY_FULL_NAMES}|日本)の(${OFFICE_TITLES})[、，,](?:([一-龥々]{2,5}?)氏|(${KATAKANA_NAME})(?=氏|王子|は|と|が|[、，,]))`,
  'g',
);

/** People named after their country and office ('サウジアラビアの外務大臣、ファイサル・…王子'), offsets relative to `text`. */
export function namesAfterOffice(text: string): NamedOffice[] {
  if (!/の/.test(text) || !ANY_OFFICE.test(text)) return [];
  return [...text.matchAll(OFFICE_THEN_NAME)].map((match) => {
    const name = match[3] ?? match[4];
    const nameStart = match.index! + match[0].length - name.length;
    const country = match[1] === '日本' ? 'JP' : countryCode(match[1]);
    return { start: match.index!, end: match.index! + match[0].length, name, nameStart, title: match[2], country, written: true };
  });
}

/** A country and its office written before a foreign name, as news copies do: 'サウジアラビアの外務大臣、ファイサル…王子'. */
const COUNTRY_BEFORE = new RegExp(`(?:^|[^ァ-ヴー一-龥々])(${COUNTRY_FULL_NAMES})の(?:[^、，,。「」\\s]{1,12}[、，,])?$`);
const COUNTRY_BEFORE_WINDOW = 40;

function countryNamedBefore(text: string, start: number): string | null {
  const before = COUNTRY_BEFORE.exec(text.slice(Math.max(0, start - COUNTRY_BEFORE_WINDOW), start));
  return before ? countryCode(before[1]) : null;
}

/**
 * A Japanese official's full name written with spaces, as TV captions and news sites do: '小泉進次郎 防衛大臣',
 * '中谷 元（なかたに・げん）防衛大臣'. Only a full name the knowledge file holds counts.
 */
const SPACED_NAME = /(?<![一-龥々])([一-龥々]{1,5})[ \u3000]+([一-龥々]{1,3})?[ \u3000]*(?:[(（][ぁ-ん・]{2,20}[)）])?[ \u3000]*$/;
const SPACED_WINDOW = 32;

function spacedName(text: string, from: number, officeStart: number, title: string, date: string | null, people: PeopleIndex): Omit<NamedOffice, 'end' | 'title'> | null {
  // Most offices follow their name directly: only a space or a reading's bracket before the office can end a spaced name.
  if (!/[ \u3000)）]/.test(text.charAt(officeStart - 1))) return null;
  const found = SPACED_NAME.exec(text.slice(from, officeStart));
  if (!found) return null;
  const name = found[1] + (found[2] ?? '');
  const person = people.resolve(name, { title, date, country: 'JP' });
  if (!person || !person.names.includes(name)) return null;
  const start = from + found.index;
  return { start, name, nameStart: start, country: 'JP', written: false };
}

function splitCountry(name: string, country: string): { name: string; country: string } | null {
  const cut = name.lastIndexOf('・');
  return cut > 0 && countryCode(name.slice(cut + 1) + country) ? { name: name.slice(0, cut), country: name.slice(cut + 1) + country } : null;
}

/** An Arabic name's links ('サルマン・ビン・アブドルアジーズ・アール・サウード'), where the short form is its first word. */
const ARABIC_LINKS = /・(ビン|ブン|アル|アール|イブン)・/;

/**
 * Whether two written names are one person's: マティス / ジェームズ・マティス, 岸田 / 岸田文雄,
 * ミード / ホセ・アントニオ・ミード・クリブレーニャ (a family name before the mother's), サルマン / サルマン・ビン・….
 */
export function sameName(a: string, b: string, people: PeopleIndex): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (isKanji(long)) return long.startsWith(short);
  const parts = long.split(/[・･]/);
  // A regnal number is no part of how a caption calls the monarch: アキノ / ベニグノ・アキノ3世.
  if (parts[parts.length - 1].replace(/[0-9０-９]{1,2}世$/, '') === short.replace(/[0-9０-９]{1,2}世$/, '')) return true;
  if (short.length >= 3 && parts.length >= 4 && parts.slice(1, -1).includes(short)) return true;
  if (ARABIC_LINKS.test(long) && parts[0] === short) return true;
  return people.resolve(short) !== null && people.resolve(short) === people.resolve(long);
}
