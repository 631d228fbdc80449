// The server's words for the editor (hover texts, code lens titles, reasons) pass through a
// `Translate` function. server.ts wires it to @vscode/l10n and the extension's bundle; the features
// never import it, so the CLI and the unit tests run on the English messages.

/** Like @vscode/l10n's `t`: the message for the display language, `{0}`, `{1}`… replaced by `args`. */
export type Translate = (message: string, ...args: (string | number)[]) => string;

/** The English message itself, with its placeholders filled in. */
export const untranslated: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (placeholder, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : placeholder));
