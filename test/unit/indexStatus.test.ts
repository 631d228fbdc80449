// One progress while indexing: the server's (files read); the status bar's item waits for the meetings count.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { indexStatusText } from '../../client/src/indexStatus';

const meetings = (n: number) => `${n} meetings`;

describe('the index item of the status bar', () => {
  it('is hidden while indexing, when the server reports the files read', () => {
    assert.equal(indexStatusText({ state: 'indexing', done: 120, total: 1000, meetings: 0 }, meetings), null);
    assert.equal(indexStatusText({ state: 'indexing', done: 0, total: 34, meetings: 36 }, meetings), null);
  });

  it('shows the meetings once the index is ready', () => {
    assert.equal(indexStatusText({ state: 'ready', done: 34, total: 34, meetings: 36 }, meetings), '$(book) 36 meetings');
  });
});
