import { describe, expect, it } from 'vitest';
import { ActorIndex, actorCodesOn, readVerbs } from './petrarch.js';

const ACTORS = `
# comments and <!-- markup --> lines are no actors
<!-- Source: test -->
GONDOR [GON]
+MINAS_TIRITH
+WHITE_CITY_
GONDOR_ARMY [GONMIL] # a longer name with the same first word
GOLLUM
[SMEREB 19500101 - 19551231]
[SMEHOB > 19551231]
US [USA]
`;

describe('ActorIndex', () => {
  const index = new ActorIndex();
  index.add(ACTORS);
  index.add('GONDOR [ELF]\nMORDOR [MOR]\n');
  const codes = (words: string, date = 0, surface?: string) => {
    const lower = words.split(' ').map((w) => w.toLowerCase());
    const found = index.longestAt(lower, 0, surface === undefined ? undefined : (j) => surface.split(' ')[j]);
    return found && { length: found.length, codes: actorCodesOn(found.value, date) };
  };

  it('reads an actor, its aliases and its codes on first lookup of their first word', () => {
    expect(codes('Minas Tirith fell')).toEqual({ length: 2, codes: ['GON'] });
    expect(codes('white city')).toEqual({ length: 2, codes: ['GON'] });
    expect(codes('Gondor army marched')).toEqual({ length: 2, codes: ['GONMIL'] });
    expect(codes('Gondor marched')).toEqual({ length: 1, codes: ['GON'] });
  });

  it('keeps the first dictionary’s codes for a shared name, and adds the others’ names', () => {
    expect(codes('Gondor')?.codes).toEqual(['GON']);
    expect(codes('Mordor')?.codes).toEqual(['MOR']);
  });

  it('reads dated codes, and matches short capital names only in capitals', () => {
    expect(codes('Gollum', 19530101)?.codes).toEqual(['SMEREB']);
    expect(codes('Gollum', 19600101)?.codes).toEqual(['SMEHOB']);
    expect(codes('us', 0, 'us')).toBeNull();
    expect(codes('us', 0, 'US')?.codes).toEqual(['USA']);
    expect(codes('Rohan')).toBeNull();
  });
});

describe('readVerbs', () => {
  it('reads a block’s patterns, with synsets defined after the block', () => {
    const { blocks, verbs } = readVerbs('--- SHARE [---] ---\nSHARE\n- * &INFO [064]\n\n&INFO\n+INTELLIGENCE\n+DATA\n');
    const block = blocks[verbs.get('share')![0].block];
    expect(block.patterns.map((p) => [p.code, p.after])).toEqual([['064', [{ kind: 'words', alternatives: [['INTELLIGENCE'], ['DATA']] }]]]);
  });
});
