// A worker thread of the cold index: summarises the texts it is sent with the default parser and
// the people the server uses (the knowledge file and the workspace's people.json).

import { parentPort } from 'node:worker_threads';
import { loadPeople } from '../corpus/people';
import { summarize } from '../corpus/summary';
import type { PeopleIndex } from '../knowledge/people';
import { defaultParser } from '../parse/parser';
import type { SummaryReply, SummaryRequest } from './summaryWorkers';

let people: { text: string | null; index: PeopleIndex } | null = null;

function peopleFor(text: string | null): PeopleIndex {
  if (people?.text !== text) people = { text, index: loadPeople(text).people };
  return people.index;
}

parentPort?.on('message', (request: SummaryRequest) => {
  const index = peopleFor(request.peopleText);
  const results = request.texts.map((text) => {
    try {
      return summarize(text, defaultParser, index);
    } catch (error) {
      return (error as Error)?.message ?? String(error);
    }
  });
  const reply: SummaryReply = { id: request.id, results };
  parentPort!.postMessage(reply);
});
