// The document model of a readout. Every span is a pair of UTF-16 offsets into the
// document's original text (the same units as JavaScript strings and LSP positions).

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** The meeting kinds Kaidan recognises; see knowledge/meetingKinds.ts for how each is written. */
export type MeetingKind =
  | '首脳会談'
  | '首脳電話会談'
  | '首脳テレビ会談'
  | '首脳会合'
  | '外相会談'
  | '外相電話会談'
  | '外相テレビ会談'
  | '外相会合'
  | '防衛相会談'
  | '防衛相電話会談'
  | '防衛相テレビ会談'
  | '2+2'
  | '戦略対話'
  | '表敬'
  | '懇談'
  | '立ち話'
  | '記者会見'
  | '共同記者発表'
  | '共同声明'
  | '会談';

export interface Participant {
  /** The name as the text writes it, in full where the text gives it anywhere in the meeting. */
  readonly name: string;
  readonly title: string | null;
  /** ISO 3166-1 alpha-2, or null when neither the text nor the knowledge file tells. */
  readonly country: string | null;
  /** Where the participant is first named in the meeting. */
  readonly span: Span;
}

export type SectionKind =
  /** 冒頭発言 / 質疑応答 */
  | 'part'
  /** '1 日米関係', '(1)', '(ア)', '①' … with a short heading */
  | 'numbered'
  /** a numbered paragraph: the number stands before running text */
  | 'paragraph'
  /** '【防衛省】日米防衛相会談の概要' — a ministry's release quoted in a larger document */
  | 'source'
  /** '(ラヴロフ外務大臣)' — a speaker's block in a joint press event */
  | 'speaker'
  /** the title of a joint statement inside a readout */
  | 'statement'
  /** an unnumbered headline inside a joint statement */
  | 'headline'
  /** a press conference's topic above its questions ('靖国参拝問題', '▶日米関係', '【日米同盟】') */
  | 'topic';

export interface Section {
  /** What the outline shows: the marker and the heading, e.g. '2 日米関係' or '(ア) 岸田大臣より,安倍政権が…'. */
  readonly label: string;
  readonly kind: SectionKind;
  /** The numbering marker as written ('2', '(1)', '(ア)', '①'), or null. */
  readonly marker: string | null;
  /** The heading itself: marker and heading text, or the whole tag line. */
  readonly headingSpan: Span;
  /** From the heading to the end of the section's last line of content. */
  readonly span: Span;
  readonly children: Section[];
}

export interface Turn {
  /** The speaker as tagged: '記者', '大臣', '林外務大臣'. */
  readonly speaker: string;
  /** The outline label: the tag and the first words of the turn. */
  readonly label: string;
  readonly tagSpan: Span;
  readonly span: Span;
}

/** Where a metadata value was read from, so that a hover can show it. */
export interface Provenance {
  readonly field: 'kind' | 'date' | 'startTime' | 'durationMinutes' | 'place' | 'title';
  readonly span: Span;
}

export interface MeetingMetadata {
  readonly kind: MeetingKind | null;
  /** ISO date (YYYY-MM-DD), or null when the text does not give the year. */
  readonly date: string | null;
  /** 'MM-DD' when the text gives a month and day, with or without a year. */
  readonly monthDay: string | null;
  /** 'HH:MM', local time of the meeting where the text distinguishes local and Japan time. */
  readonly startTime: string | null;
  readonly endTime: string | null;
  /** The start in Japan time when the text gives it (equal to startTime when only Japan time is given). */
  readonly startTimeJapan: string | null;
  readonly durationMinutes: number | null;
  readonly place: string | null;
  /** ISO 3166-1 alpha-2 codes, Japan first. */
  readonly countries: string[];
  readonly participants: Participant[];
  readonly provenance: Provenance[];
}

export interface Meeting extends MeetingMetadata {
  readonly title: string | null;
  readonly span: Span;
  /** The heading that opened this meeting (a source block), if any. */
  readonly header: Section | null;
}

/** Which side of the table a speaker sits on. */
export type Side = 'japan' | 'counterpart' | 'press' | 'joint';

export interface Speaker {
  /** Stable within the document: the person id when known, else a key of the written name. */
  readonly id: string;
  /** The fullest form of the name the document gives ('岸田文雄'), or the tag ('記者'). */
  readonly name: string;
  readonly title: string | null;
  readonly country: string | null;
  readonly side: Side;
  /** The officeholder in the knowledge file, resolved by name, office, country and date. */
  readonly personId: string | null;
}

export interface Statement {
  /** Speaker id; for a joint statement ('双方は', '三者は') the id of the joint speaker. */
  readonly speaker: string;
  readonly joint: boolean;
  /** For a joint statement: the ids of the participants it is attributed to. */
  readonly jointWith: readonly string[];
  readonly span: Span;
  /** Where the text names the speaker for this statement (a tag, a block label, '岸田大臣より'); null when it continues an earlier one. */
  readonly labelSpan: Span | null;
}

/** A person named in the text: '岸田大臣', 'ケリー長官', 'マティス氏', '【大臣】'. */
export interface Mention {
  /** The speaker id this mention resolves to, when the person is a speaker or participant. */
  readonly speaker: string | null;
  readonly personId: string | null;
  /** The name as written (without the office). */
  readonly name: string;
  readonly span: Span;
  /** The name with its office ('岸田外務大臣'). */
  readonly fullSpan: Span;
}

export interface Readout extends MeetingMetadata {
  readonly title: string | null;
  readonly titleSpan: Span | null;
  /** A news site's publication stamp ('2025-9-25 11:30'), never taken as the meeting date. */
  readonly published: string | null;
  readonly meetings: Meeting[];
  /** Index into meetings of the document's main meeting, or -1 when it holds none. */
  readonly mainMeeting: number;
  readonly sections: Section[];
  readonly turns: Turn[];
  /** Page furniture of web copies, as maximal runs of lines. */
  readonly boilerplate: Span[];
  readonly speakers: Speaker[];
  /** Who says what: turns, speaker blocks and reported speech, in document order. */
  readonly statements: Statement[];
  readonly mentions: Mention[];
}
