// Every text the extension shows has English and Japanese: the manifest's %keys% in both
// package.nls files, and every message given to `l10n.t(…)` (client) or `t(…)` (server) in the
// Japanese bundle, which holds nothing else.

import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { untranslated } from '../../server/src/features/localize';
import { ROOT } from './helpers';

const readJson = (...segments: string[]) => JSON.parse(readFileSync(join(ROOT, ...segments), 'utf8')) as Record<string, string>;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The %key% strings anywhere in package.json. */
function manifestKeys(value: unknown): string[] {
  if (typeof value === 'string') return /^%[^%\s]+%$/.test(value) ? [value.slice(1, -1)] : [];
  if (Array.isArray(value)) return value.flatMap(manifestKeys);
  if (value && typeof value === 'object') return Object.values(value).flatMap(manifestKeys);
  return [];
}

// A call of `t(` or `l10n.t(` and its first argument when that is a single-quoted literal.
const CALL = /(?<![\w$])(?:l10n\.)?t\((?:'((?:[^'\\]|\\.)*)')?/g;
// The one call that passes messages on instead of naming them: the server's service wiring.
const FORWARDING = 'l10n.t(message, ...args)';

function messagesIn(files: string[]): { messages: Set<string>; dynamic: string[] } {
  const messages = new Set<string>();
  const dynamic: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(CALL)) {
      if (match[1] !== undefined) messages.add(match[1].replace(/\\(.)/g, '$1'));
      else if (!text.startsWith(FORWARDING, match.index)) {
        const line = text.slice(0, match.index).split('\n').length;
        dynamic.push(`${relative(ROOT, file)}:${line}: ${text.slice(match.index, match.index + 40)}`);
      }
    }
  }
  return { messages, dynamic };
}

// Only the name stays the same in both languages.
const SAME_IN_BOTH = new Set(['category', 'configuration.title']);

const placeholders = (message: string) => [...message.matchAll(/\{\d+\}/g)].map(([p]) => p).sort();

describe('localisation', () => {
  const { messages, dynamic } = messagesIn([...sourceFiles('client/src'), ...sourceFiles('server/src')]);
  const bundle = readJson('l10n', 'bundle.l10n.ja.json');

  it('names every message with a literal, so that it can be checked', () => {
    assert.deepEqual(dynamic, []);
    assert.ok(messages.size > 20, `found only ${messages.size} messages: is the scan broken?`);
  });

  it('has every %key% of package.json in English and Japanese, and no stale key', () => {
    const used = new Set(manifestKeys(readJson('package.json')));
    for (const file of ['package.nls.json', 'package.nls.ja.json']) {
      const keys = Object.keys(readJson(file));
      assert.deepEqual([...used].filter((key) => !keys.includes(key)), [], `keys missing from ${file}`);
      assert.deepEqual(keys.filter((key) => !used.has(key)), [], `stale keys in ${file}`);
    }
    const english = readJson('package.nls.json');
    const japanese = readJson('package.nls.ja.json');
    for (const key of used) if (!SAME_IN_BOTH.has(key)) assert.notEqual(japanese[key], english[key], `${key} is not translated`);
  });

  it('has a Japanese message for every l10n.t / t message, and no stale one', () => {
    assert.deepEqual([...messages].filter((message) => !(message in bundle)), [], 'messages missing from l10n/bundle.l10n.ja.json');
    assert.deepEqual(Object.keys(bundle).filter((message) => !messages.has(message)), [], 'stale messages in l10n/bundle.l10n.ja.json');
    assert.deepEqual(Object.entries(bundle).filter(([message, japanese]) => japanese === message), [], 'untranslated messages');
  });

  it('keeps each message\'s placeholders in the Japanese text', () => {
    for (const [message, japanese] of Object.entries(bundle)) assert.deepEqual(placeholders(japanese), placeholders(message), message);
  });

  it('fills placeholders in the English default', () => {
    assert.equal(untranslated('{0}/{1} files', 3, 35), '3/35 files');
    assert.equal(untranslated('{1} before {0}', 'a', 'b'), 'b before a');
    assert.equal(untranslated('kept {2}', 'a'), 'kept {2}');
  });
});
