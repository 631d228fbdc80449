// Page furniture of web copies: navigation, ads, ranking and "read also" blocks, photo credits,
// publication stamps. Lines are only classified; the text is never altered.

import { namesMeeting } from '../knowledge/meetingKinds';
import { findDates } from './dates';
import { fieldLine, isConferenceHeader } from './lineKinds';
import { findTimes } from './times';
import { Line, codeSet, endsSentence, isBlank } from './text';

/** A summary box's rule ('======'). */
const RULE_LINE = /^[=＝]{3,}$/;
/** Lines that are furniture wherever they stand. */
const FURNITURE: readonly RegExp[] = [
  /^ページに広告が含まれる場合があります。?$/,
  /^(この)?ページ(の)?(トップ|先頭)へ(戻る)?$/,
  /^(page ?top|back to top|top)$/i,
  /^発信元サイトへ$/,
  /^(site ?search|search|menu|close|home|login|share|tweet|print|メニュー|検索|閉じる|ホーム|ログイン|シェア|ツイート|印刷|前のページへ戻る|一覧へ戻る)$/i,
  /^(写真|画像|撮影|提供|photo)\s*[:：]/i,
  /^(出典|引用元|参照元|ソース)\s*[:：]/,
  /^bnr/i,
  /^(広告|PR|スポンサーリンク|Sponsored)$/i,
  /^\S{1,12}・新着情報$/,
  /^新着情報$/,
  // An archive's empty field ('[備考]', '[全文]') or a site's label; other '[…]' lines are headings in the text.
  /^[[［](?:文書名|場所|年月日|出典|備考|全文|注|PR|広告|写真|画像|動画|Title|Place|Date|Source|Full text|Remarks)[\]］]$/i,
  /^(Tweet|いいね|Facebook|LINE|X|はてな)(で(シェア|送る))?$/i,
  /^(目次|一覧|前のページ|トップページ|ページトップ|TOP|[^\s。、]{1,20}(の)?(ページ|一覧|目次|トップ))へ(戻る)?$/i,
  /^英語版\s*[(（]?English[)）]?$/i,
  /^(English|Japanese|日本語|中文|한국어|Français|Español|Русский)$/,
  /^(文字サイズ|表示切替|背景色|音声読み上げ)/,
  /別ウィンドウで開く[)）]?$/,
  /^[(（]PDF[)）]/,
  /^本文へ(移動|スキップ)?$/,
  /^動画が再生できない/,
  /^[■□◆]?\s*(全編動画|[^。]{0,20}質問シーン|動画はこちら)$/,
  /^[(（](写真|動画)[)）]/,
  /^INDEX$/i,
  // A wire service's credit under a news copy: '[時事通信社]', '(共同)', '共同通信'.
  /^[[［(（【](?:時事通信社?|共同通信社?|時事|共同|ロイター|AFP時事|AFP|AP|EPA)[\]］)）】]$|^(?:時事通信社|共同通信社?|ロイター通信)$/,
  /^[|｜\s]+$/,
  RULE_LINE,
  // Image stubs of a scraped layout, with the table's cell bars: '![]() |', '![]() | ||||'.
  /^(?:!\[[^\]]{0,80}\]\([^)]{0,200}\)[ \t|｜]*)+$/,
];
/** The furniture patterns as one, so that a page's every line is tested once, not once per pattern. */
const ANY_FURNITURE = new RegExp(FURNITURE.map((pattern) => `(?:${pattern.source})`).join('|'), 'i');

/** Lines that open a block of furniture running to the end of the page or to the next long paragraph. */
const BLOCK_OPENERS: readonly RegExp[] = [
  /^(合わせて|あわせて)読みたい/,
  /^関連(記事|リンク|情報|ニュース)/,
  /^(Ranking|ランキング|人気記事|読まれている記事|おすすめ(記事)?|新着記事|最新記事|注目記事)/i,
  // A blog's comment form and the comments under it.
  /^(Leave a Reply|Leave a Comment|コメントを残す|コメントを書く|コメントする|コメント一覧|コメント)$/i,
];

/** A news site's publication stamp, e.g. '2025-9-25 11:30'. */
/** A news CMS's record line at the foot: article id, count, section, then the times it was published and updated ('1991329 0 政治 2021/04/17 04:59:00 …'). */
export const RECORD_STAMP = /^[0-9]{5,10}[ \t]+[0-9]{1,3}[ \t]+[^\s]{1,12}[ \t]+([0-9]{4})\/([0-9]{1,2})\/([0-9]{1,2})[ \t]+[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:[ \t]|$)/;
export const PUBLICATION_STAMP = /^(?:(?:更新|配信|公開|掲載|投稿)(?:日時?)?[:：]?\s*)?(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\s*[(（][月火水木金土日][)）])?(?:\s+\d{1,2}:\d{2})?(?:\s*(?:更新|配信|公開|掲載|投稿))?$/;

/** The first character of either stamp: a digit, or the word before a publication's date. */
const STAMP_FIRST = codeSet('0123456789更配公掲投');

/** The end marker of a ministry release: '(以上)', '以上', '以 上'. */
export const END_MARKER = /^[(（]?以\s*\u3000?上[)）]?$/;

const NAVIGATION_BULLET = /^[•・◆▶►]\s*\S.{0,18}$/;
/** What separates the words of a menu or a trail. */
const MENU_SEPARATOR = /[\s>＞›»|｜]/;
/** A full stop or a comma: prose, not a menu. */
const HOLDS_PUNCTUATION = /[。、,]/;
/** A breadcrumb trail's first word. */
const TRAIL_START = /^(トップページ|ホーム|TOP|HOME)(\s|[>＞›»|｜])/i;
/** A trail's arrow between spaces. */
const TRAIL_ARROW = /\s[>＞›»]\s/;
/** A menu's bars between its words. */
const MENU_BARS = /\s[|｜]\s.*[|｜]/;
/** The gap between two words of a menu. */
const WORD_GAP = /[ \t\u3000]+/;
/** '[Jディフェンスニュース]' above the text is a site's label; below the first sentence, '[…]' heads a part. */
const BRACKET_LABEL = /^\[[^\]]{1,30}\]$/;
/** A site's menu or breadcrumb trail: short words in a row ('トップページ 報道・広報 記者会見', 'ホーム > 外交政策 > …'). */
function isMenuLine(text: string): boolean {
  // A trail needs a separator and a menu four words: a line with neither is no menu.
  if (text.length > 120 || !MENU_SEPARATOR.test(text) || HOLDS_PUNCTUATION.test(text)) return false;
  const trail = TRAIL_START.test(text) || TRAIL_ARROW.test(text) || MENU_BARS.test(text);
  const words = trail ? [] : text.split(WORD_GAP);
  if (!trail && !(words.length >= 4 && words.every((word) => word.length <= 10))) return false;
  // A header with spaces between its date, time and place ('令和4年1月7日 (金曜日) 10時30分 於:…') is no menu.
  return findDates(text).length === 0 && findTimes(text).length === 0;
}
/**
 * The index of a month's press conferences, or a conference's summary box ('【主な項目】…' over its
 * list of topics): the list runs to the first conference, the box's rule ('======') or prose.
 */
const INDEX_OPENER = /^(INDEX|目次)$|^【主な項目】/i;

/** An end marker, an index's opener or a block's opener, as one pattern: every line of a page is tested against it. */
const OPENER = new RegExp(
  `(?<end>${END_MARKER.source})|(?<index>${INDEX_OPENER.source})|(?<block>${BLOCK_OPENERS.map((pattern) => `(?:${pattern.source})`).join('|')})`,
  'i',
);

/** A bullet first. */
const OPENS_WITH_BULLET = /^[•・◆▶►]/;
/** Where an index's list ends: a conference's header or running prose. */
function isContentStart(text: string): boolean {
  return isConferenceHeader(text) || RULE_LINE.test(text) || (text.length >= 40 && !OPENS_WITH_BULLET.test(text)) || endsSentence(text);
}

function isSentence(text: string): boolean {
  return text.length >= 40 || endsSentence(text);
}

/** A mark or bullet first: a link after an end marker. */
const OPENS_WITH_MARK = /^[■□◆・•▶►]/;
/** A short line of plain ASCII. */
const SHORT_ASCII = /^[\x20-\x7e]{1,24}$/;
/** A Latin letter first. */
const OPENS_WITH_LETTER = /^[a-z]/i;
/** An acronym ('ASEAN', 'G7', '2+2'), also with its edition ('TICAD IV', 'APEC 2010'): content, not furniture. */
const ACRONYM = /^[A-Z0-9+]{2,6}(?:[ \t][IVX]{1,4}|[ \t][0-9]{4})?$/;
/** A roman numeral alone ('II'): a part's number. */
const ROMAN_NUMERAL = /^[IVX]{1,4}$/;
/**
 * Marks furniture lines. `isSourceHeading` tells which lines open a quoted release, after which
 * a page's content starts again even past an end marker.
 */
export function findBoilerplate(lines: readonly Line[], isSourceHeading: (line: Line) => boolean): boolean[] {
  const furniture = lines.map(() => false);
  let seenSentence = false;
  let inBlock = false;
  let afterEnd = false;
  let inIndex = false;
  // Indexed, not for-of: this runs over every line of every page.
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const text = line.text.trim();
    if (text === '') continue;
    if (isSourceHeading(line)) {
      afterEnd = false;
      inBlock = false;
      seenSentence = true;
      continue;
    }
    const opener = OPENER.exec(text);
    if (opener?.groups?.end) {
      afterEnd = true;
      continue;
    }
    if (opener?.groups?.index) {
      inIndex = true;
      furniture[line.index] = true;
      continue;
    }
    if (inIndex) {
      if (isContentStart(text)) inIndex = false;
      else {
        furniture[line.index] = true;
        continue;
      }
    }
    if (opener?.groups?.block) {
      inBlock = true;
      furniture[line.index] = true;
      continue;
    }
    const sentence = isSentence(text);
    if (inBlock && sentence && text.length >= 60) inBlock = false;
    // Past an end marker come link lists ('■ …(概要)'); prose or the next release's title (a merged
    // dump) is content again.
    if (afterEnd && (sentence || (namesMeeting(text) && !OPENS_WITH_MARK.test(text)))) afterEnd = false;
    if (
      inBlock ||
      afterEnd ||
      ANY_FURNITURE.test(text) ||
      (STAMP_FIRST.has(text.charCodeAt(0)) && (PUBLICATION_STAMP.test(text) || RECORD_STAMP.test(text))) ||
      (!seenSentence && NAVIGATION_BULLET.test(text) && !sentence && !fieldLine(text)) ||
      (!seenSentence && BRACKET_LABEL.test(text)) ||
      (!seenSentence && isMenuLine(text)) ||
      // Latin words alone are a menu's ('Home', 'Menu'); a roman numeral numbers a part.
      (SHORT_ASCII.test(text) && OPENS_WITH_LETTER.test(text) && !ACRONYM.test(text) && !ROMAN_NUMERAL.test(text))
    ) {
      furniture[line.index] = true;
    }
    // A conference's header ends the site's navigation: a '・閣議' below it is a topic.
    if (sentence || isConferenceHeader(text)) seenSentence = true;
  }
  return furniture;
}

/** Joins furniture lines (and blank lines between them) into maximal spans. */
export function furnitureSpans(lines: readonly Line[], furniture: readonly boolean[]): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let open: { start: number; end: number } | null = null;
  for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
    const line = lines[lineIndex];
    if (furniture[line.index]) {
      if (open) open.end = line.end;
      else open = { start: line.start, end: line.end };
    } else if (!isBlank(line.text)) {
      if (open) spans.push(open);
      open = null;
    }
  }
  if (open) spans.push(open);
  return spans;
}
