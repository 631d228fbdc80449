// Copies of old documents in traditional characters ('日本國', '會談', '共同聲明', '總理大臣'): the
// parser reads them in their modern forms. Each character folds to one character, so every offset
// found in the folded text is an offset in the page as written.

/** Traditional characters and their modern forms, one for one. Names' variants (澤, 邊, 齋) are left alone. */
const MODERN: Record<string, string> = {
  會: '会', 國: '国', 總: '総', 兩: '両', 關: '関', 聲: '声', 發: '発', 對: '対', 參: '参', 擴: '拡',
  權: '権', 當: '当', 臺: '台', 灣: '湾', 經: '経', 濟: '済', 實: '実', 條: '条', 與: '与', 舊: '旧',
  應: '応', 來: '来', 體: '体', 變: '変', 歸: '帰', 縣: '県', 讀: '読', 斷: '断', 戰: '戦', 鬪: '闘',
  氣: '気', 亞: '亜', 惡: '悪', 區: '区', 黨: '党', 團: '団', 歐: '欧', 圖: '図', 擧: '挙', 譯: '訳',
  廳: '庁', 萬: '万', 處: '処', 壓: '圧', 榮: '栄', 營: '営', 證: '証', 點: '点', 數: '数', 續: '続',
  傳: '伝', 價: '価', 辭: '辞', 竝: '並', 卽: '即', 爲: '為', 從: '従', 將: '将', 獨: '独', 佛: '仏',
  賴: '頼', 擔: '担', 據: '拠', 盡: '尽', 顯: '顕', 圍: '囲', 觀: '観', 歡: '歓', 勞: '労', 轉: '転',
  贊: '賛', 淸: '清', 靜: '静', 專: '専', 乘: '乗', 惠: '恵', 雙: '双', 
};
const TRADITIONAL = new RegExp(`[${Object.keys(MODERN).join('')}]`, 'g');
/** Characters only a traditional text writes: three different ones make a page traditional. */
const MARKERS = /[會國總兩關聲發對權經濟實條]/g;

/** The text with its traditional characters in modern forms, when the page is written in them; else as it is. */
export function foldTraditional(text: string): string {
  const markers = new Set(text.match(MARKERS) ?? []);
  if (markers.size < 3) return text;
  return text.replace(TRADITIONAL, (character) => MODERN[character]);
}

/** The modern characters a fold writes. */
const FOLDED = new Set(Object.values(MODERN));

/**
 * A string the parser derived from the folded text, as the page writes it: its characters are
 * aligned with the first place the folded text holds its opening words, and each takes the written
 * character there. Inserted spaces and the outline's cut ('…') stay; a string found nowhere stays.
 */
function restoreString(value: string, written: string, folded: string): string {
  if (![...value].some((character) => FOLDED.has(character))) return value;
  const opening = value.replace(/[\s\u3000…]+/g, '').slice(0, 8);
  let at = opening.length >= 2 ? folded.indexOf(value.replace(/…$/, '').split(/[\s\u3000]+/).find((part) => part.length > 0) ?? opening) : -1;
  if (at < 0) return value;
  let restored = '';
  for (const character of value) {
    while (at < folded.length && folded[at] !== character && /[\s\u3000]/.test(folded[at])) at++;
    if (at < folded.length && folded[at] === character) restored += written[at++];
    else restored += character;
  }
  return restored;
}

/** The parse of a folded page with every derived string in the page's own characters. */
export function restoreWritten<T>(parsed: T, written: string, folded: string): T {
  if (written === folded) return parsed;
  const restore = (value: unknown): unknown => {
    if (typeof value === 'string') return restoreString(value, written, folded);
    if (Array.isArray(value)) return value.map(restore);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, key === 'id' || key === 'kind' ? inner : restore(inner)]));
    return value;
  };
  return restore(parsed) as T;
}
