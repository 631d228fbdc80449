// The vocabulary of meeting kinds and how readouts write them. A text can name several
// (a 2+2 readout mentions 首脳会談; a meeting issues a 共同声明): the most specific one wins.

import { MeetingKind } from '../model/readout';

type Level = '首脳' | '外相' | '防衛相';

const LEVEL_WORDS: Record<string, Level> = {
  首脳: '首脳',
  総理: '首脳',
  首相: '首脳',
  外相: '外相',
  外務大臣: '外相',
  外務相: '外相',
  防衛相: '防衛相',
  防衛大臣: '防衛相',
  国防相: '防衛相',
};

interface KindPattern {
  readonly pattern: RegExp;
  /** Lower is more specific. */
  readonly rank: number;
  readonly kind: (match: RegExpExecArray, context: string) => MeetingKind;
}

function levelIn(text: string): Level | null {
  // A deputy's office ('副首相', '副総理') says nothing of the meeting's level.
  const match = /(?<!副|兼)(首脳|総理(?!大臣官邸)|首相|外務大臣|外務相|外相|防衛大臣|防衛相|国防相)/.exec(text);
  return match ? LEVEL_WORDS[match[1]] : null;
}

function levelled(level: Level, mode: string | undefined, type: string): MeetingKind {
  if (type === '会合' || type === '会議') return level === '首脳' ? '首脳会合' : level === '外相' ? '外相会合' : '防衛相会談';
  const medium = mode === '電話' ? '電話' : mode ? 'テレビ' : '';
  return `${level}${medium}会談` as MeetingKind;
}

const PATTERNS: readonly KindPattern[] = [
  {
    pattern: /[「『]?[2２][+＋][2２][」』]?|[2２]プラス[2２]|外務・防衛(?:担当)?[4４四]?閣僚(?:級)?(?:会合|協議)|安全保障協議委員会/g,
    rank: 0,
    kind: () => '2+2',
  },
  // News writes '首脳共同会見' for the same event.
  // And '…大統領とともに記者発表に臨みました'.
  { pattern: /共同記者発表|共同記者会見|共同会見|共同プレス(?:発表|会見)|と(?:とも|共)に記者(?:発表|会見)に臨/g, rank: 1, kind: () => '共同記者発表' },
  {
    // A news headline's '首相会談' is a leaders' meeting as 首脳会談 is; a deputy's ('副首相会談') is not.
    // '日独定期外相協議', '電話による外相協議': talks of that level, as 会談 are.
    pattern: /(?:(電話|テレビ会議|ビデオ会議|オンライン)による)?(首脳|(?<!副)首相|外相|外務大臣|外務相|防衛相|防衛大臣|国防相)(?:間の?|による)?(電話|テレビ|ビデオ|オンライン)?(会談|会合|会議|協議)/g,
    rank: 2,
    kind: (match) => levelled(LEVEL_WORDS[match[2]], match[3] ?? match[1], match[4]),
  },
  { pattern: /戦略対話/g, rank: 3, kind: () => '戦略対話' },
  // News calls a visitor's call on a leader a 面会 ('…国務長官と首相官邸で面会した'), MOFA a 表敬.
  { pattern: /表敬|面会(?=し|を行|。|、|[\s\u3000]|$)/g, rank: 4, kind: () => '表敬' },
  { pattern: /立ち話/g, rank: 5, kind: () => '立ち話' },
  { pattern: /懇談|歓談/g, rank: 6, kind: () => '懇談' },
  {
    // News writes the medium before a particle: '…外相と電話で会談し'; older pages '…大統領と会見し' for the talks.
    pattern: /(?:(電話|テレビ|ビデオ|オンライン)(?:で|による)?)?(会談|(?<=と)会見(?=し|を行|。|、))/g,
    rank: 7,
    kind: (match, context) => {
      const level = levelIn(context);
      return level ? levelled(level, match[1], match[2]) : '会談';
    },
  },
  // News writes a call '…外相と電話で協議した', MOFA '電話による外相協議': a call of the level the text names.
  {
    pattern: /(電話|テレビ|ビデオ|オンライン)(?:で|による)(?:外相|首脳)?協議/g,
    rank: 7,
    kind: (match, context) => {
      const level = levelIn(context);
      return level ? levelled(level, match[1], '会談') : '会談';
    },
  },
  // News names a ministers' meeting without its level ('関連の閣僚会議に臨み'): the minister named says whose.
  {
    // Only as what the minister did: a topic line 'APEC閣僚会議' names no meeting of the page.
    pattern: /閣僚(?:級)?(?:会議|会合)(?=に(?:臨|出席|参加))/g,
    rank: 7,
    kind: (_match, context) => {
      const level = levelIn(context);
      return level ? levelled(level, undefined, '会合') : '会談';
    },
  },
  {
    pattern: /記者会見|会見記録|(?:大臣|長官|総理|首相|報道官|外相|防衛相)(?:の)?(?:定例|臨時)?(?:記者)?会見|(?:定例|臨時)(?:記者)?会見|記者ブリーフィング/g,
    rank: 8,
    kind: () => '記者会見',
  },
  // 聲: copies of old statements in traditional characters ('共同聲明').
  { pattern: /共同[声聲]明|共同宣言|共同コミュニケ|共同(?:新聞)?発表|首脳声明|閣僚声明/g, rank: 9, kind: () => '共同声明' },
];

/** A title that names a statement itself ('日中共同声明', '日韓共同コミュニケ'), not a meeting that issued one. */
const STATEMENT_TITLE =
  /(共同声明|宣言|コミュニケ|共同(?:新聞)?発表|共同プレス声明|首脳声明|閣僚声明)(?:[(（][^)）]{0,12}[)）])?$|^[^、,。]{0,40}(共同声明|共同宣言|コミュニケ)[^、,。]{0,30}$|(?:及び|並びに)[^、,。]{1,40}による[「『]([^」』]{1,20}(?:声明|宣言))[」』]$/;

export interface KindMatch {
  readonly kind: MeetingKind;
  readonly start: number;
  readonly end: number;
}

/**
 * The most specific meeting kind named in `text` (offsets relative to it). A bare 会談 takes
 * its level from the offices named in the same text ('外務大臣と…との会談' → 外相会談).
 */
export function findMeetingKind(text: string): KindMatch | null {
  let best: { match: KindMatch; rank: number } | null = null;
  for (const { pattern, rank, kind } of PATTERNS) {
    if (best && best.rank <= rank) break;
    pattern.lastIndex = 0;
    const match = pattern.exec(text);
    if (match) {
      best = { match: { kind: kind(match, text), start: match.index, end: match.index + match[0].length }, rank };
    }
  }
  return best ? best.match : null;
}

/** A bare '(電話)会談' with the level the context names ('菅総理大臣は…' → 首脳電話会談), or null. */
export function levelKind(written: string, context: string): MeetingKind | null {
  const match = /(電話|テレビ|ビデオ|オンライン)?会談|閣僚(?:級)?(会議|会合)/.exec(written);
  const level = levelIn(context);
  return match && level ? levelled(level, match[1], match[2] ?? '会談') : null;
}

/**
 * The kind a title names. A statement's own title is a 共同声明; otherwise the last meeting of the
 * most specific kind is the page's ('ASEAN+3首脳会議における日中首脳会談' → 首脳会談).
 */
export function findTitleKind(title: string): KindMatch | null {
  const trimmed = title.trim();
  const statement = STATEMENT_TITLE.exec(trimmed);
  if (statement && !/記者発表|記者会見/.test(trimmed)) {
    // Two leaders' '「東京声明」' is theirs jointly.
    const written = statement[1] ?? statement[2] ?? statement[3];
    const start = title.indexOf(written);
    return { kind: '共同声明', start, end: start + written.length };
  }
  const found = findMeetingKind(title);
  if (!found) return null;
  // One the title looks ahead to gives way to a meeting named before it.
  const first = (PROSPECTIVE.test(title.slice(found.end)) ? findMeetingKind(title.slice(0, found.start)) : null) ?? found;
  let last = first;
  for (let from = first.end; from < title.length; ) {
    const next = findMeetingKind(title.slice(from));
    if (!next || rankOf(next.kind) !== rankOf(first.kind)) break;
    const candidate = { kind: next.kind, start: from + next.start, end: from + next.end };
    from = candidate.end;
    // A meeting the title looks ahead to ('日中韓外相会議 首脳会議開催に向け加速') is not the page's.
    if (!PROSPECTIVE.test(title.slice(candidate.end))) last = candidate;
  }
  return last;
}

/** After a meeting's name: words that look ahead to it. */
const PROSPECTIVE = /^(?:の)?(?:早期)?(?:開催|実現)(?:に向け|へ|を目指)|^(?:へ|に向け)(?:て)?(?:調整|準備)/;

function rankOf(kind: MeetingKind): number {
  return kind === '2+2' ? 0 : kind === '共同記者発表' ? 1 : /^(首脳|外相|防衛相)/.test(kind) ? 2 : 3;
}

/** Whether a line reads like the name of a meeting or release (used to find titles). */
export function namesMeeting(text: string): boolean {
  return /会談|会合|会議|会見|表敬|協議|対話|声明|宣言|コミュニケ|共同発表|記者発表|立ち話|懇談|[2２][+＋][2２]|[2２]プラス[2２]/.test(text);
}
