import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadResources } from '../analyze.js';
import type { Stage } from '../core/pipeline.js';
import { defaultStages } from '../core/stages/index.js';
import { evaluateEvents, parseValidationFile } from './events.js';

/** A PETRARCH validation file in miniature: its own dictionaries beside it, as the real suite has. */
const dir = mkdtempSync(join(tmpdir(), 'claimgraph-eval-events-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const XML = `<Validation>
<!-- comments are skipped, <Sentence> inside them too -->
<Environment>
  <Verbfile>verbs.txt</Verbfile>
  <Actorfile>actors.txt</Actorfile>
  <Agentfile>agents.txt</Agentfile>
  <Discardfile>discards.txt</Discardfile>
</Environment>
<Sentences>
<Sentence date="19950101" id="ONE" category="DEMO">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>
On Monday, Arnor shared
intelligence with Gondor.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor)) (VP (VBZ shares))))</Parse>
</Sentence>
<Sentence date="19950101" id="TWO" category="AGENT">
<EventCoding sourcecode="GONCOP" targetcode="ARN" eventcode="064"></EventCoding>
<Text>The Gondor police shared intelligence with Arnor &amp; friends on Monday.</Text>
</Sentence>
<Sentence date="19950101" id="THREE" category="DISCARD">
<EventCoding noevents="True"></EventCoding>
<Text>On Monday, the baseball team shared intelligence with Gondor.</Text>
</Sentence>
</Sentences>
</Validation>`;

let parse: Stage[];
beforeAll(async () => {
  writeFileSync(join(dir, 'records.xml'), XML);
  writeFileSync(join(dir, 'verbs.txt'), '&INFO\n+INTELLIGENCE\n\n--- SHARE [---] ---\nSHARE\n- * &INFO [064]\n');
  writeFileSync(join(dir, 'actors.txt'), 'ARNOR [ARN]\nGONDOR [GON]\n');
  writeFileSync(join(dir, 'agents.txt'), 'POLICE {} [~COP]\n');
  writeFileSync(join(dir, 'discards.txt'), 'BASEBALL\n');
  const stages = defaultStages(await loadResources());
  parse = stages.slice(0, stages.findIndex((s) => s.name === 'deps') + 1);
});

describe('eval events', () => {
  it('reads records, expected triples and the dictionaries the Environment names', () => {
    const { records, files } = parseValidationFile(XML, 'records.xml');
    expect(files).toEqual({ verbs: 'verbs.txt', actors: ['actors.txt'], agents: 'agents.txt', discards: 'discards.txt' });
    expect(records.map((r) => [r.id, r.category, r.expected.length])).toEqual([['ONE', 'DEMO', 1], ['TWO', 'AGENT', 1], ['THREE', 'DISCARD', 0]]);
    expect(records[0].text).toBe('On Monday, Arnor shared intelligence with Gondor.');
    expect(records[1].text).toBe('The Gondor police shared intelligence with Arnor & friends on Monday.');
  });

  it('codes each text with our own parse and scores exact triples', async () => {
    const report = await evaluateEvents(join(dir, 'records.xml'), parse);
    expect(report).toMatchObject({ records: 3, expected: 2, predicted: 2, correct: 2, recall: 100, precision: 100 });
    expect(report.byCategory.DISCARD).toMatchObject({ records: 1, expected: 0, predicted: 0 });
  });

  it('refuses a file whose Environment names no dictionaries', () => {
    expect(() => parseValidationFile('<Validation><Sentences></Sentences></Validation>', 'bad.xml')).toThrow(/CG_E007|Environment/);
  });
});
