// The client reads each setting the way its scope asks: a resource-scoped setting with the document
// it applies to (VS Code warns in the extension host log otherwise), and readouts get editor defaults
// that suit Japanese text.

import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from './helpers';

interface Manifest {
  contributes: {
    configuration: { properties: Record<string, { scope?: string }> };
    configurationDefaults: Record<string, Record<string, unknown>>;
  };
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;

function clientSources(): { file: string; text: string }[] {
  return readdirSync(join(ROOT, 'client', 'src'), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => ({ file: entry.name, text: readFileSync(join(entry.parentPath, entry.name), 'utf8') }));
}

// `getConfiguration('section')` read without a resource, then `.get<…>('name'`.
const READ_WITHOUT_RESOURCE = /getConfiguration\('(kaidan[\w.]*)'\)\s*\.get(?:<[^>]*>)?\('([\w.]+)'/g;

describe('settings', () => {
  it('reads no resource-scoped kaidan setting without a resource', () => {
    const reads = clientSources().flatMap(({ file, text }) =>
      [...text.matchAll(READ_WITHOUT_RESOURCE)].map((match) => ({ file, setting: `${match[1]}.${match[2]}` })),
    );
    assert.ok(reads.length >= 2, 'the corpus globs are read without a resource');
    const properties = manifest.contributes.configuration.properties;
    for (const { file, setting } of reads) {
      assert.ok(properties[setting], `${file} reads ${setting}, which the manifest does not declare`);
      assert.notEqual(properties[setting].scope ?? 'window', 'resource', `${file} reads the resource-scoped ${setting} without a resource`);
    }
  });

  it('turns off unicode highlighting of full-width and ideographic characters in readouts', () => {
    assert.deepEqual(manifest.contributes.configurationDefaults['[readout]'], {
      'editor.wordWrap': 'on',
      'editor.unicodeHighlight.ambiguousCharacters': false,
      'editor.unicodeHighlight.invisibleCharacters': false,
      'editor.unicodeHighlight.nonBasicASCII': false,
    });
  });
});
