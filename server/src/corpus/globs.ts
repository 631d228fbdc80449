// The corpus's include and exclude globs, read as VS Code reads `files.exclude`: '*', '?', '[ab]',
// '[!ab]', '{a,b}' and '**'; an exclude also excludes everything under a folder it matches, and a
// glob without '/' matches a name at any depth. picomatch compiles each part between slashes on its
// own and '**' parts are walked part by part, so no regex ever spans a whole path (backtracking there
// multiplies across parts). Patterns that could still backtrack badly within a part are refused.

import picomatch from 'picomatch';

export interface CorpusGlobs {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

/** Measured with test/unit/globs.test.ts: the worst pattern within these limits answers in milliseconds. */
export const GLOB_LIMITS = { length: 256, starsInOnePart: 2, stars: 6, braceGroups: 3 } as const;

const PICOMATCH_OPTIONS: picomatch.PicomatchOptions = {
  dot: true,
  noextglob: true,
  nonegate: true,
  // posix turns '[!ab]' into a negated class; literalBrackets: false keeps '[ab]' a class only.
  posix: true,
  literalBrackets: false,
};

type Part = { readonly globstar: true } | { readonly globstar: false; readonly regex: RegExp };

/** VS Code's globs have no regex groups or extglobs: '(', ')', '|', '+', '@' and a leading '!' are plain characters. */
function escapeRegexLike(part: string): string {
  return part.replace(/[()|+@!]/g, (ch, at: number) => (ch === '!' && part[at - 1] === '[' ? ch : `\\${ch}`));
}

/** Why a pattern is refused, or null when it is within GLOB_LIMITS. */
function overLimit(pattern: string, parts: readonly string[]): string | null {
  if (pattern.trim() === '') return 'it is empty';
  if (parts.some((part) => part === '')) return 'it has an empty part between two slashes';
  if (pattern.length > GLOB_LIMITS.length) return `it is ${pattern.length} characters long (at most ${GLOB_LIMITS.length})`;
  const starRuns = (part: string) => (part === '**' ? 1 : (part.match(/\*+/g)?.length ?? 0));
  const busiest = Math.max(0, ...parts.filter((part) => part !== '**').map(starRuns));
  if (busiest > GLOB_LIMITS.starsInOnePart) return `it has ${busiest} '*' between two slashes (at most ${GLOB_LIMITS.starsInOnePart})`;
  const stars = parts.reduce((sum, part) => sum + starRuns(part), 0);
  if (stars > GLOB_LIMITS.stars) return `it has ${stars} '*' or '**' (at most ${GLOB_LIMITS.stars})`;
  const braces = pattern.split('{').length - 1;
  if (braces > GLOB_LIMITS.braceGroups) return `it has ${braces} '{…}' groups (at most ${GLOB_LIMITS.braceGroups})`;
  if (parts.some((part) => part.includes('/'))) return `a '/' inside '{…}' or '[…]' is not supported (write one pattern per alternative)`;
  return null;
}

export class PathGlob {
  private constructor(private readonly parts: readonly Part[]) {}

  /** The glob, or why it is refused. */
  static compile(pattern: string): PathGlob | { readonly refused: string } {
    const scanned = picomatch.scan(pattern.includes('/') ? pattern : `**/${pattern}`, { parts: true }).parts ?? [pattern];
    // '**/**' is '**'; a trailing '/' only says that a folder is meant.
    const texts = scanned.filter((part, i) => !(part === '**' && scanned[i - 1] === '**') && !(part === '' && i === scanned.length - 1 && i > 0));
    const refused = overLimit(pattern, texts);
    if (refused) return { refused };
    try {
      return new PathGlob(texts.map((text): Part => (text === '**' ? { globstar: true } : { globstar: false, regex: picomatch.makeRe(escapeRegexLike(text), PICOMATCH_OPTIONS) })));
    } catch (error) {
      return { refused: (error as Error).message };
    }
  }

  /** Whether the whole '/'-separated relative path matches. */
  matches(path: string): boolean {
    const names = path.split('/');
    return this.matchedPrefixes(names)[names.length];
  }

  /** Whether the path or one of its folders matches: how an exclude works. */
  matchesPathOrFolder(path: string): boolean {
    return this.matchedPrefixes(path.split('/')).some((matched, length) => matched && length > 0);
  }

  /** For each count of leading names, whether the whole glob matches exactly those names. Time: parts × names. */
  private matchedPrefixes(names: readonly string[]): boolean[] {
    const width = names.length + 1;
    const reached = new Uint8Array((this.parts.length + 1) * width);
    const pending: number[] = [0];
    reached[0] = 1;
    const reach = (part: number, name: number) => {
      const state = part * width + name;
      if (!reached[state]) {
        reached[state] = 1;
        pending.push(state);
      }
    };
    while (pending.length > 0) {
      const state = pending.pop()!;
      const part = Math.floor(state / width);
      const name = state % width;
      if (part === this.parts.length) continue;
      const glob = this.parts[part];
      if (glob.globstar) {
        reach(part + 1, name);
        if (name < names.length) reach(part, name + 1);
      } else if (name < names.length && glob.regex.test(names[name])) reach(part + 1, name + 1);
    }
    return Array.from({ length: width }, (_, name) => reached[this.parts.length * width + name] === 1);
  }
}

export interface CorpusFilter {
  /** Whether a folder-relative file path is included and not excluded. */
  admits(relativePath: string): boolean;
  /** Whether a folder (relative path) is excluded, so that it need not be walked. */
  excludesFolder(relativePath: string): boolean;
  /** One line per refused pattern, naming it and its setting. */
  readonly problems: readonly string[];
}

function compileAll(patterns: readonly string[], kind: string, settings: string, problems: string[]): PathGlob[] {
  const globs: PathGlob[] = [];
  for (const pattern of patterns) {
    const glob = PathGlob.compile(pattern);
    if (glob instanceof PathGlob) globs.push(glob);
    else problems.push(`the ${kind} pattern "${pattern}" in ${settings} is ignored: ${glob.refused}`);
  }
  return globs;
}

export function corpusFilter(globs: CorpusGlobs): CorpusFilter {
  const problems: string[] = [];
  const include = compileAll(globs.include, 'include', 'kaidan.corpus.include', problems);
  const exclude = compileAll(globs.exclude, 'exclude', 'kaidan.corpus.exclude or files.exclude', problems);
  const excludes = (path: string) => exclude.some((glob) => glob.matchesPathOrFolder(path));
  return {
    admits: (path) => include.some((glob) => glob.matches(path)) && !excludes(path),
    excludesFolder: excludes,
    problems,
  };
}
