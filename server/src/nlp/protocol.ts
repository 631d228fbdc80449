// The messages between the tokenizer (main thread) and its worker (tokenizerWorker.ts).

/** One morpheme, as the main thread needs it; `start` is a zero-based UTF-16 offset into the text. */
export interface Token {
  readonly surface: string;
  /** 名詞, 動詞, 助詞 … */
  readonly pos: string;
  /** IPADIC's sub-categories: 一般, 固有名詞, サ変接続 … / 人名, 地域 … / 国 … ('*' when none). */
  readonly detail1: string;
  readonly detail2: string;
  readonly detail3: string;
  readonly basicForm: string;
  readonly start: number;
}

export interface WorkerSetup {
  readonly dictionary: string;
}

export interface TokenizeRequest {
  readonly id: number;
  readonly text: string;
}

export type WorkerReply =
  | { readonly type: 'loaded'; readonly dictionary: string; readonly loadMs: number }
  /** The dictionary could not be read; the worker exits after saying so. */
  | { readonly type: 'loadFailed'; readonly message: string }
  | { readonly type: 'tokens'; readonly id: number; readonly tokens: Token[]; readonly ms: number }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };
