// Quick pick items for related meetings. VS Code draws '$(name)' in a quick pick's label,
// description and detail as an icon, so document text there is escaped to read as written.
// (Tree item labels and descriptions, inlay hints and plain messages draw no icons.)

/** What VS Code takes for an icon: a name of letters, digits and '-', and an optional '~modifier'. */
const ICON = /\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/g;

/** Text shown where '$(name)' becomes an icon: a backslash before each one makes VS Code show it as written. */
export function escapeIcons(text: string): string {
  return text.replace(ICON, '\\$&');
}

export interface RelatedMeeting {
  readonly title: string;
  readonly date: string | null;
  readonly kind: string | null;
  readonly reasons: readonly string[];
  readonly sameEvent?: boolean;
}

export function relatedPickItem<T extends RelatedMeeting>(item: T): { label: string; description: string; detail: string; item: T } {
  return {
    // The documents of the same event come first, marked with a link.
    label: `${item.sameEvent ? '$(link) ' : ''}${item.date ?? '—'}  ${escapeIcons(item.title)}`,
    description: escapeIcons(item.kind ?? ''),
    detail: escapeIcons(item.reasons.join(' · ')),
    item,
  };
}
