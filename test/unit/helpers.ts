// Shared helpers of the unit tests: the sample corpus on disk and documents in memory.

import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readTextFile } from '../../server/src/io/readText';
import { ReadoutDocument, createReadoutService } from '../../server/src/service';
import { EncodedTokens, NUMBERS_PER_TOKEN } from '../../server/src/features/semanticTokens';

/** The repository root, from out/test/unit (compiled) or test/unit. */
export const ROOT = resolve(__dirname, __dirname.includes(`${join('out', 'test')}`) ? '../../..' : '../..');
export const CORPUS = join(ROOT, 'corpus');

export function corpusFiles(): string[] {
  return readdirSync(CORPUS)
    .filter((name) => name.endsWith('.txt') || name.endsWith('.readout'))
    .sort()
    .map((name) => join(CORPUS, name));
}

/** The path of seed NNN in corpus/. */
export function seedPath(number: number): string {
  const prefix = `seed-${String(number).padStart(3, '0')}-`;
  const file = readdirSync(CORPUS).find((name) => name.startsWith(prefix));
  if (!file) throw new Error(`no ${prefix}* in corpus/`);
  return join(CORPUS, file);
}

let version = 0;

export function documentOf(text: string, uri = `memory://test/${++version}.readout`): ReadoutDocument {
  return { uri, version: 1, getText: () => text };
}

export const service = createReadoutService();

export interface SemanticToken {
  readonly line: number;
  readonly character: number;
  readonly length: number;
  readonly type: number;
  readonly modifiers: number;
}

/** The LSP's five numbers per token, read back one token at a time. */
export function tokenList(encoded: EncodedTokens): SemanticToken[] {
  const tokens: SemanticToken[] = [];
  for (let at = 0; at < encoded.length; at += NUMBERS_PER_TOKEN) {
    tokens.push({ line: encoded[at], character: encoded[at + 1], length: encoded[at + 2], type: encoded[at + 3], modifiers: encoded[at + 4] });
  }
  return tokens;
}

export function modelOfFile(path: string) {
  return service.modelJson(documentOf(readTextFile(path)));
}

export function modelOfText(text: string) {
  return service.modelJson(documentOf(text));
}
