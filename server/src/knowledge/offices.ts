// Offices as readouts write them after a name ('岸田外務大臣', 'ケリー国務長官', '趙顕韓国外交部長官').
// `country` is set where the office itself tells the country; 外務大臣 does not (ラヴロフ外務大臣).

export type OfficeLevel = 'leader' | 'foreign' | 'defence' | 'other';

export interface Office {
  readonly title: string;
  readonly country: string | null;
  readonly level: OfficeLevel;
}

const OFFICES: readonly Office[] = [
  { title: '内閣総理大臣', country: 'JP', level: 'leader' },
  { title: '総理大臣', country: 'JP', level: 'leader' },
  { title: '総理', country: 'JP', level: 'leader' },
  { title: '首相', country: null, level: 'leader' },
  { title: '大統領', country: null, level: 'leader' },
  { title: '副大統領', country: null, level: 'other' },
  { title: '副首相', country: null, level: 'other' },
  { title: '国家主席', country: 'CN', level: 'leader' },
  { title: '主席', country: 'CN', level: 'leader' },
  { title: '国務院総理', country: 'CN', level: 'leader' },
  { title: '国務委員長', country: 'KP', level: 'leader' },
  { title: '国防委員長', country: 'KP', level: 'leader' },
  // Togo's head of government since its 2024 constitution ('ニャシンベ閣僚評議会議長').
  { title: '閣僚評議会議長', country: null, level: 'leader' },
  { title: '総書記', country: null, level: 'leader' },
  { title: '国王', country: null, level: 'leader' },
  { title: '皇太子', country: null, level: 'leader' },
  { title: '王妃', country: null, level: 'other' },
  { title: '副皇太子', country: null, level: 'other' },
  // A prince who holds an office, as news copies call him after it: 'ファイサル・ビン・ファルハーン…王子'.
  { title: '王子', country: null, level: 'other' },
  { title: '首長', country: null, level: 'leader' },
  { title: '連邦首相', country: null, level: 'leader' },
  { title: '国家副主席', country: 'CN', level: 'other' },
  { title: '内閣官房副長官', country: 'JP', level: 'other' },
  { title: '官房副長官', country: 'JP', level: 'other' },
  // The short form after the first mention: '西村副長官から' (not 西村副 + 長官).
  { title: '副長官', country: 'JP', level: 'other' },
  { title: '内閣官房長官', country: 'JP', level: 'other' },
  { title: '官房長官', country: 'JP', level: 'other' },
  { title: '外務大臣', country: null, level: 'foreign' },
  { title: '外務相', country: null, level: 'foreign' },
  { title: '外相', country: null, level: 'foreign' },
  // Deputy foreign ministers abroad: 'ハムディ・ローザ副外相'.
  { title: '副外相', country: null, level: 'other' },
  { title: '外交部長官', country: 'KR', level: 'foreign' },
  { title: '外交通商部長官', country: 'KR', level: 'foreign' },
  { title: '外務部長官', country: 'KR', level: 'foreign' },
  // Kenya's Cabinet Secretary for Foreign Affairs: 'モニカ・ジュマ・ケニア共和国外務長官'.
  { title: '外務長官', country: null, level: 'foreign' },
  { title: '外務・貿易大臣', country: 'AU', level: 'foreign' },
  { title: '外務貿易大臣', country: 'AU', level: 'foreign' },
  { title: '外務・欧州大臣', country: 'FR', level: 'foreign' },
  { title: '欧州・外務大臣', country: 'FR', level: 'foreign' },
  { title: '外務・英連邦大臣', country: 'GB', level: 'foreign' },
  { title: '外務・英連邦相', country: 'GB', level: 'foreign' },
  { title: '外務・英連邦・開発相', country: 'GB', level: 'foreign' },
  { title: '外務・国際協力大臣', country: null, level: 'foreign' },
  { title: '外務国際協力大臣', country: null, level: 'foreign' },
  { title: '外務・国際協力相', country: null, level: 'foreign' },
  { title: '外務・英連邦・開発大臣', country: 'GB', level: 'foreign' },
  { title: '外務・開発大臣', country: 'GB', level: 'foreign' },
  { title: '外務・開発相', country: 'GB', level: 'foreign' },
  { title: '外交部長', country: 'CN', level: 'foreign' },
  { title: '国務長官', country: 'US', level: 'foreign' },
  { title: '外務副大臣', country: 'JP', level: 'other' },
  { title: '防衛大臣', country: 'JP', level: 'defence' },
  { title: '防衛相', country: 'JP', level: 'defence' },
  { title: '防衛庁長官', country: 'JP', level: 'defence' },
  { title: '国防長官', country: 'US', level: 'defence' },
  { title: '戦争長官', country: 'US', level: 'defence' },
  { title: 'エネルギー長官', country: 'US', level: 'other' },
  { title: '国防大臣', country: null, level: 'defence' },
  { title: '国防相', country: null, level: 'defence' },
  // Vice-ministers: 'マチャリア・カマウ・ケニア外務次官', 'ヴィン国防次官'.
  { title: '外務次官', country: null, level: 'other' },
  { title: '国防次官', country: null, level: 'other' },
  { title: '外務事務次官', country: 'JP', level: 'other' },
  { title: '事務次官', country: null, level: 'other' },
  { title: '次官', country: null, level: 'other' },
  // A minister of state below the cabinet ('リントナー・ドイツ外務省国務大臣', a Japanese '…国務大臣').
  { title: '国務大臣', country: null, level: 'other' },
  // The head of an international body's office in a city ('…国連ナイロビ事務所長').
  { title: '事務所長', country: null, level: 'other' },
  { title: '国防部長官', country: 'KR', level: 'defence' },
  { title: '国防部長', country: 'CN', level: 'defence' },
  { title: '軍事大臣', country: null, level: 'defence' },
  { title: '軍隊大臣', country: 'FR', level: 'defence' },
  // The Cabinet Office's ministers: '松村内閣府特命担当大臣記者会見要旨', '…内閣府特命担当大臣（防災担当）'.
  { title: '内閣府特命担当大臣', country: 'JP', level: 'other' },
  { title: '経済産業大臣', country: 'JP', level: 'other' },
  { title: '経産相', country: 'JP', level: 'other' },
  { title: '経済発展大臣', country: null, level: 'other' },
  { title: '統合幕僚長', country: 'JP', level: 'other' },
  { title: '参謀総長', country: null, level: 'other' },
  { title: '地上軍総司令官', country: null, level: 'other' },
  { title: '副大臣', country: 'JP', level: 'other' },
  { title: '大臣政務官', country: 'JP', level: 'other' },
  // The short form summaries use after the first mention: '中谷政務官から', '吉川政務官は'.
  { title: '政務官', country: 'JP', level: 'other' },
  { title: '外務大臣政務官', country: 'JP', level: 'other' },
  // The EU's foreign minister ('アシュトンEU外務・安全保障政策上級代表').
  { title: '外務・安全保障政策上級代表', country: 'EU', level: 'foreign' },
  { title: '上級代表', country: null, level: 'foreign' },
  { title: '事務総長', country: null, level: 'other' },
  { title: '事務局長', country: null, level: 'other' },
  { title: '外務報道官', country: 'JP', level: 'other' },
  { title: '報道官', country: null, level: 'other' },
  { title: '知事', country: 'JP', level: 'other' },
  { title: '大使', country: null, level: 'other' },
  // Envoys as MOFA writes them in full: '…駐日ジンバブエ共和国特命全権大使', '…カメルーン共和国国連常駐代表'.
  { title: '特命全権大使', country: null, level: 'other' },
  { title: '国連常駐代表', country: null, level: 'other' },
  { title: '常駐代表', country: null, level: 'other' },
  // Junior ministers: '…英国外務・英連邦・開発省閣外相', '…モロッコ海洋漁業担当閣外大臣'.
  { title: '外務・英連邦・開発省閣外相', country: 'GB', level: 'other' },
  { title: '閣外相', country: null, level: 'other' },
  { title: '閣外大臣', country: null, level: 'other' },
  { title: '委員長', country: null, level: 'other' },
  // Speakers of parliaments: 'フン・セン上院議長(元首相)を表敬'.
  { title: '上院議長', country: null, level: 'other' },
  { title: '下院議長', country: null, level: 'other' },
  { title: '国会議長', country: null, level: 'other' },
  // A Chinese foreign minister's short form ('李部長より').
  { title: '部長', country: null, level: 'other' },
  { title: '長官', country: null, level: 'other' },
  { title: '大臣', country: null, level: 'other' },
];

const BY_TITLE = new Map(OFFICES.map((office) => [office.title, office]));

export function officeOf(title: string): Office | undefined {
  return BY_TITLE.get(title);
}

/** The titles by their last character, for telling whether a text ends with one. */
const BY_LAST_CHARACTER = new Map<string, string[]>();
for (const { title } of OFFICES) {
  const last = title[title.length - 1];
  BY_LAST_CHARACTER.set(last, [...(BY_LAST_CHARACTER.get(last) ?? []), title]);
}

/** Whether the text ends with an office title ('…マティス長官'): a cheap test before looking for a name + office there. */
export function endsWithOffice(text: string): boolean {
  const titles = text.length > 0 ? BY_LAST_CHARACTER.get(text[text.length - 1]) : undefined;
  return titles !== undefined && titles.some((title) => text.endsWith(title));
}

/** The titles as a regex alternation, longest first so that 外交部長官 wins over 外交部長. */
export const OFFICE_TITLES = OFFICES.map((office) => office.title)
  .sort((a, b) => b.length - a.length)
  .join('|');
