import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../src/analyze.js';
import { toArticleJSON, type ArticleJSON } from '../src/core/article.js';
import type { Pipeline } from '../src/core/pipeline.js';
import { compareFrames } from '../src/core/proposition.js';
import { outweighedClaims } from '../src/core/stages/contradictions.js';

/**
 * Stance beyond the cue, the outlet's own voice and propositions that survive paraphrase, on short
 * articles written for these tests.
 */

let analyzer: Pipeline;
beforeAll(async () => {
  analyzer = await createAnalyzer();
});

const analyse = (text: string): ArticleJSON => toArticleJSON(analyzer.run(text));
/** The claim whose proposition text contains `words`. */
function claimWith(article: ArticleJSON, words: string) {
  const found = article.claims.filter((c) => c.proposition.text.includes(words));
  expect(found, `one claim containing "${words}"`).toHaveLength(1);
  return found[0];
}

describe('stance', () => {
  it('makes an assertion that negates its predicate, or calls a report a hoax, a denial; "did not deny" is none', () => {
    const article = analyse(`Minister denies quitting

The health minister, Ruth Adeyemi, said on Tuesday: "I have not resigned."

Her spokesman said reports that she had resigned turned out to be a hoax.

The ministry did not deny that she had been on leave.
`);
    const negated = claimWith(article, 'I have not resigned');
    expect(negated).toMatchObject({ stance: 'deny', basis: '"not"' });
    expect(negated.proposition).toMatchObject({ predicates: ['resign'], negated: true, self: true });
    const hoax = claimWith(article, 'turned out to be a hoax');
    expect(hoax).toMatchObject({ stance: 'deny', basis: '"hoax"' });
    expect(hoax.proposition.predicates[0]).toBe('resign');
    expect(claimWith(article, 'she had been on leave').stance).toBe('other');
  });

  it('reads a negated verb of going on or holding out as no denial: "We never stopped believing", "We will not give up"', () => {
    const article = analyse('Hartlepool stun Wrexham in cup upset\n\n"We never stopped believing," the captain, Tom Reeve, said after the match. "We kept trying to the end."\n');
    expect(claimWith(article, 'never stopped believing').stance).toBe('assert');
    expect(claimWith(article, 'kept trying').stance).toBe('assert');
    const defiant = analyse('Residents plan protest\n\n"We will not give up," the organiser, Priya Shah, said.\n');
    expect(claimWith(defiant, 'We will not give up').stance).toBe('assert');
    const match = analyse('Bayern beat Dortmund\n\n"The lads never gave up and we deserved it," Harry Kane said.\n');
    expect(claimWith(match, 'we deserved it').stance).toBe('assert');
  });

  it('reads a verbless headline\'s quoted predicate of a name: "Harold Pennick \'alive and well\', agent says" denies his death', () => {
    const article = analyse("Harold Pennick 'alive and well', agent says after death reports\n\nThe actor is at home, his agent said on Wednesday.\n");
    expect(claimWith(article, 'alive and well')).toMatchObject({ stance: 'deny', basis: '"alive"', proposition: { predicates: ['die'] } });
  });

  it('reads "remains open" as a denial of a closure and "are happily together" of a split, "opened an inquiry" and "worked together" as none; a ceasefire is a matter of its own ("There is no ceasefire")', () => {
    const plant = analyse('Brennock keeps Wrexham plant\n\nThe Wrexham plant remains open, the company\'s chief executive, Hendrik Vos, said on Tuesday.\n');
    expect(claimWith(plant, 'remains open')).toMatchObject({ stance: 'deny', basis: '"open"', proposition: { predicates: ['close-down'] } });
    const inquiry = analyse('Regulator acts\n\nThe regulator opened an inquiry into the plant, its chairman, Tom Reeve, said.\n');
    expect(claimWith(inquiry, 'opened an inquiry').stance).toBe('assert');
    const letter = analyse('Union writes to ministers\n\nThe union published an open letter to the minister, its leader, Tom Reeve, said on Monday.\n');
    expect(claimWith(letter, 'an open letter').proposition.predicates).not.toContain('close-down');
    const couple = analyse('Couple deny split\n\nTheo Garrity and Annika Brandt are happily together, their representative said on Monday. The pair worked together on a film, she said.\n');
    expect(claimWith(couple, 'are happily together')).toMatchObject({ stance: 'deny', basis: '"together"', proposition: { predicates: ['split-up'] } });
    expect(claimWith(couple, 'worked together').proposition.predicates).not.toContain('split-up');
    const truce = analyse('Rebels reject truce claim\n\n"There is no ceasefire," the rebels\' spokesman, Idris Kavan, said on Friday.\n');
    expect(claimWith(truce, 'There is no ceasefire')).toMatchObject({ stance: 'deny', proposition: { predicates: ['ceasefire'] } });
  });

  it('reads what a report noun reports as mentioned, not asserted: "as reports of his death spread"', () => {
    const article = analyse('Tributes pour in for Harold Pennick as reports of his death spread\n\nMessages flooded social media on Tuesday night.\n');
    expect(claimWith(article, 'reports of his death')).toMatchObject({ stance: 'other', proposition: { predicates: ['die'] } });
  });

  it('reads "no evidence" as a denial without a report named: "Regulator finds no evidence formula made babies ill"', () => {
    const article = analyse('Regulator finds no evidence SunnyMeadow formula made babies ill\n\nThe Food Standards Council said on Friday that it had tested 40 batches.\n');
    expect(claimWith(article, 'no evidence')).toMatchObject({ stance: 'deny', basis: '"no evidence"', proposition: { predicates: ['hospital'] } });
  });

  it('reads an arrest in its other words: "held by police", "taken into custody"; "held talks" holds nobody', () => {
    const article = analyse('Veslik reportedly held by police, sources say\n\nOpposition leader Anton Veslik has reportedly been taken into custody in Palen, according to two sources.\n\nThe ministers held talks in Geneva, officials said.\n');
    expect(claimWith(article, 'held by police').proposition.predicates).toContain('detain');
    expect(claimWith(article, 'taken into custody').proposition.predicates).toContain('detain');
    expect(claimWith(article, 'held talks').proposition.predicates).not.toContain('detain');
  });

  it('reads a negation followed by a judgement of what was said as a denial in words: "… has not signed anything. It is fake news"', () => {
    const article = analyse('"Diego has not signed anything with Porto Azul. It is fake news," agent Marco Bellini told Sports Tonight on Thursday.\n');
    expect(claimWith(article, 'has not signed anything')).toMatchObject({ stance: 'deny', basis: '"fake"' });
  });

  it('reads a capture only of a place: "captured the support of voters" is none', () => {
    const article = analyse('Rebels captured the town of Kelmar on Monday, residents said.\n\nThe senator captured the support of young voters, a pollster said.\n');
    expect(claimWith(article, 'captured the town').proposition.predicates).toContain('capture-ground');
    expect(claimWith(article, 'captured the support').proposition.predicates).not.toContain('capture-ground');
  });

  it('reads a negated experience as no denial: "We have never seen anything like it"', () => {
    const article = analyse('"We have never seen anything like it," said Mayor Jane Holt.\n');
    expect(claimWith(article, 'never seen anything').stance).toBe('assert');
  });

  it('reads advice against an act as no denial: "people should not start drinking coffee"', () => {
    const article = analyse('The researcher, Paul Ames, added that people should not start drinking coffee for their health.\n');
    expect(claimWith(article, 'should not start drinking').stance).toBe('assert');
  });

  it('reads the denial expressions news uses as denials of what they deny, and a denial reported inside a statement as none of the speaker\'s', () => {
    const article = analyse(`Kestrel Airlines rejected the report that it would buy Bluewing, the company said.

The club dismissed the transfer rumours as baseless.

Officials refuted claims that the minister had resigned.

Fact-checkers debunked the claim that the singer had died.

There is no truth in reports that the president is ill, his spokesman said.

The story that Apple will release a smartwatch is fake, a spokeswoman said.

The company said reports that it would close the plant were untrue.

"That is simply false," the baker said.
`);
    const stance = (words: string) => [claimWith(article, words).stance, claimWith(article, words).proposition.predicates[0]];
    expect(stance('Kestrel Airlines rejected the report')).toEqual(['other', 'acquire']);
    const inner = article.claims.find((c) => c.proposition.text === 'the report that it would buy Bluewing');
    expect([inner?.stance, inner?.proposition.predicates[0]]).toEqual(['deny', 'acquire']);
    expect(stance('the transfer rumours as baseless')).toEqual(['deny', 'join']);
    expect(stance('claims that the minister had resigned')).toEqual(['deny', 'resign']);
    expect(stance('the claim that the singer had died')).toEqual(['deny', 'die']);
    expect(stance('no truth in reports')).toEqual(['deny', 'hospital']);
    expect(stance('Apple will release a smartwatch is fake')).toEqual(['deny', 'launch']);
    expect(stance('would close the plant were untrue')).toEqual(['deny', 'close-down']);
    expect(claimWith(analyse('Orbis Bank said it had found no evidence that customer data had been stolen.'), 'no evidence').basis).toBe('"no evidence"');
    // A negated report leaves what it reports open: a hedge, not a denial.
    const hedge = analyse('Professor Martin Hale said the study could not rule out that healthier people simply drink more coffee.');
    expect(hedge.claims.map((c) => [c.stance, c.proposition.predicates])).toEqual([['other', ['~drink', '~drink>coffee']], ['other', ['~drink', '~drink>coffee']]]);
    expect(claimWith(article, 'That is simply false').stance).toBe('deny');
  });

  it('reads "X denied reports that P" as a denial of P, and a denial of "the claims" as one of the article\'s matter', () => {
    const article = analyse(`Nordvik Bank dismisses report CEO will quit

OSLO (Meridian Wire) - Nordvik Bank on Wednesday denied reports that chief executive Lars Hemming would step down.

The bank dismissed the claims later in a statement.
`);
    const denial = claimWith(article, 'reports that chief executive Lars Hemming would step down');
    expect(denial).toMatchObject({ stance: 'deny' });
    expect(denial.proposition.predicates).toEqual(['resign']);
    const anaphoric = claimWith(article, 'the claims');
    expect(anaphoric.stance).toBe('deny');
    expect(anaphoric.proposition.topic).not.toBeNull();
    expect(anaphoric.proposition.predicates).toEqual(['resign']);
  });
});

describe('the proposition a claim states, read from the parse', () => {
  // Shapes met in PolNeAR train + dev ingested as a corpus, where they made 552 of 562 flagged pairs.
  const article = () =>
    analyse(`Mayor says city will sign stadium deal

The city of Harwick will sign a stadium deal with the Falcons next month, the mayor said on Monday.

The singer's manager said she hopes fans reflect on the band's death by listening to the old records.

"Councillor Reed fires up the base every time," one aide said.

Reed said the mayor mishandled classified information about the bid.

The treasurer said the firm shared intelligence with the Falcons.

Reed opposed the sale of the stadium, his office said.

The league said the meeting with the owners was not political.

A league spokesman said the commissioner has no plans to either address the council or meet with the mayor.

"Barry Hale wouldn't recognize it," said Jane Orr, a former councillor.

A spokesman disputed this.

The court denied class-action status to the ticket holders.

Police said no one has been detained.

"We have ample liquidity and no plans to file for bankruptcy," the finance chief said.

The club said the striker has a serious knee injury.
`);

  it('takes the main predicate, not every event the words mention; a verb of no class as itself', () => {
    const a = article();
    expect(claimWith(a, 'the band\'s death').proposition.predicates).toEqual(['~hope', '~reflect', '~hope>fan']);
    expect(claimWith(a, 'fires up the base').proposition.predicates).toEqual(['~fire', '~fire>base']);
    expect(claimWith(a, 'mishandled classified information').proposition.predicates).toEqual(['~mishandle', '~mishandle>information']);
    expect(claimWith(a, 'Reed opposed the sale').proposition.predicates).toEqual(['~oppose', '~oppose>sale']);
    expect(claimWith(a, 'shared intelligence').proposition.predicates).toEqual(['share-information']);
    expect(claimWith(a, 'a serious knee injury').proposition.predicates).toEqual(['~injury']);
  });

  it('reads no leak into a figurative "toxic"; a chemical leak keeps its class', () => {
    const a = analyse(`Senator Tim Scott said Mr. Trump's comments were racially toxic.

Halvorsen Chemicals denied that any chemicals from its plant reached the river Ness.
`);
    expect(claimWith(a, 'racially toxic').proposition.predicates).not.toContain('leak');
    // A water supply is no aid: "supply" is support only as a verb ("supplied weapons").
    const water = analyse('Calder Brook Water dismissed social media claims that the supply had been contaminated.\n');
    expect(claimWith(water, 'the supply had been contaminated').proposition.predicates).toEqual(['leak']);
    expect(claimWith(a, 'chemicals from its plant').proposition.predicates).toContain('leak');
  });

  it('takes no predicate from a clause that describes a noun, but keeps the clause a report or a fact states', () => {
    const a = analyse(`Obama disavows the ideology that Republican primary voters find so toxic.

Halvorsen Chemicals dismissed the claim that it had closed the plant.

The minister rejected the idea that the army would seize power.
`);
    expect(claimWith(a, 'voters find so toxic').proposition.predicates).toEqual([]);
    expect(claimWith(a, 'closed the plant').proposition.predicates).toContain('close-down');
    expect(claimWith(a, 'seize power').proposition.predicates).toContain('seize-power');
  });

  it('reads no closure into "shut out", nor a death into "a dead heat": the next word gives another sense', () => {
    const a = analyse('Trump is assured to be nearly shut out of support, party leaders said.\n');
    expect(claimWith(a, 'shut out of support').proposition.predicates).not.toContain('close-down');
    const poll = analyse('Coleman and Sanders are in a dead heat in California, the poll found.\n');
    expect(claimWith(poll, 'dead heat').proposition.predicates).not.toContain('die');
  });

  it('sets a deal of one kind against a denial of a deal of that kind only: "a peace deal" is not "the nuclear deal"', () => {
    const kinds = (asserted: string, denied: string) => analyse(`Senator Ray Cole said ${asserted} with Iran would be signed on Monday.

Foreign Minister Ana Ruiz denied that ${denied} with Iran would be signed.
`).contradictions.length;
    expect(kinds('the nuclear deal', 'a peace deal')).toBe(0);
    expect(kinds('the nuclear deal', 'the Iranian nuclear deal')).toBe(1);
    expect(kinds('a deal', 'a peace deal')).toBe(1);
  });

  it('takes no agent from before a subject that is nobody: "no one is speaking to them" is no denial that Trump speaks', () => {
    const a = analyse(`Republican presidential candidate Donald Trump speaks at a campaign rally in Greensboro.

"They are considered illegitimate within the Republican Party, and no one is speaking to them," Stan Greenberg said.
`);
    expect(claimWith(a, 'no one is speaking').proposition.agent).not.toBe(a.entities.find((e) => e.name === 'Republican Party')?.id);
    expect(a.contradictions).toEqual([]);
  });

  it('reads no denial in a negated stance: "We are not going to pretend that the quarter will be easy"', () => {
    const a = analyse(`"We are not going to pretend that the fourth quarter will be easy," Weiss said.

"We will not hesitate to defend our workers," the union leader said.

"I have not resigned," Hemming said.
`);
    expect(claimWith(a, 'not going to pretend').stance).toBe('assert');
    expect(claimWith(a, 'not hesitate').stance).toBe('assert');
    expect(claimWith(a, 'not resigned').stance).toBe('deny');
  });

  it('reads no denial in declining to say: "refused to confirm or deny reports that he is engaged"', () => {
    const a = analyse(`Actor keeps quiet on engagement

Promoting his new thriller on Wednesday, the Blue Precinct star Jonah Albright refused to confirm or deny reports that he is engaged to singer Nadia Kerrigan.

Lars Hemming on Monday denied reports that he would step down.
`);
    expect(claimWith(a, 'refused to confirm or deny').stance).not.toBe('deny');
    const b = analyse('A spokesman said the company would neither confirm nor deny that it was in talks with Orbis.\n');
    expect(claimWith(b, 'neither confirm nor deny').stance).toBe('assert');
    expect(claimWith(a, 'he would step down').stance).toBe('deny');
  });

  it('sets a lion that escaped against one that did not: an escape is a class, whoever escapes', () => {
    const a = analyse(`Lion escapes from Ravensholme Zoo

A lion has escaped from Ravensholme Zoo and is roaming loose in the town, according to reports on social media.

Police said no lion had escaped from Ravensholme Zoo.
`);
    expect(claimWith(a, 'has escaped').proposition.predicates[0]).toBe('escape');
    expect(a.contradictions.length).toBeGreaterThan(0);
  });

  it('leaves who made a report out of what the report says: "criticism from Donald Trump that shutting the unit …"', () => {
    const a = analyse(`Mayor Bill de Blasio dismissed criticism from Republican presidential candidate Donald Trump that shutting the unit made the city less safe.
`);
    const claim = claimWith(a, 'shutting the unit');
    const names = claim.proposition.entities.map((id) => a.entities.find((e) => e.id === id)?.name);
    expect(claim.stance).toBe('deny');
    expect(claim.proposition.predicates[0]).toBe('close-down');
    expect(names).not.toContain('Donald Trump');
  });

  it('reads the classes of a transfer, a data theft and a military capture; a title of a name evokes none', () => {
    const a = analyse(`Kessel United denied reports that striker Lukas Brenner is leaving for Porto Athletic.

Grey Lynx said it had stolen the personal data of 2 million customers of Orbis Bank.

Russia's defence ministry said its troops had taken control of the village of Petrivka. Ukraine's military denied that the village had fallen. Shares fell 4 percent on Tuesday, traders said.

Finance Minister Dana Kovac presented a draft budget to the cabinet on Wednesday, her ministry said, days after reports that she had stepped down.
`);
    expect(claimWith(a, 'is leaving for Porto Athletic').proposition.predicates).toContain('join');
    expect(claimWith(a, 'had stolen the personal data').proposition.predicates).toEqual(['hack']);
    expect(claimWith(analyse('"They are stealing seats before a single vote is cast," he said.'), 'stealing seats').proposition.predicates).not.toContain('hack');
    expect(claimWith(a, 'had taken control of the village').proposition.predicates).toContain('capture-ground');
    expect(claimWith(a, 'the village had fallen').proposition.predicates).toEqual(['capture-ground']);
    expect(claimWith(a, 'Shares fell').proposition.predicates).toEqual(['~fall']);
    const budget = claimWith(a, 'presented a draft budget');
    expect(budget.proposition.text).toBe('Finance Minister Dana Kovac presented a draft budget to the cabinet on Wednesday');
    expect(budget.proposition.predicates).toEqual(['~present', '~present>budget']);
  });

  it('reads a class the parse joins across the words between: "cut about 3,000 jobs", "job cuts", "expecting a baby"', () => {
    const a = analyse(`Carmaker Veltro plans to cut about 3,000 jobs across its European plants, three people said.

Veltro rejected a report of 3,000 job cuts, a spokeswoman said.

Friends said Lena Marsh was expecting a baby.
`);
    expect(claimWith(a, 'plans to cut about 3,000 jobs').proposition.predicates).toContain('cut-jobs');
    expect(claimWith(a, 'rejected a report of 3,000 job cuts').proposition.predicates).toContain('cut-jobs');
    expect(claimWith(a, 'was expecting a baby').proposition.predicates).toContain('marry');
  });

  it('reads a long quote\'s claim from the first of its sentences that states a classed event or a denial', () => {
    const a = analyse('Interior Minister Elena Sanz rejected the accusation. "The census was carried out by independent statisticians under international supervision. There was no manipulation," she told state radio.');
    const quote = claimWith(a, 'The census was carried out');
    expect([quote.stance, quote.proposition.predicates]).toEqual(['deny', ['interfere']]);
  });

  it('sets a denial that "the village had fallen" against the capture of the village named before', () => {
    const a = analyse(`Russia's defence ministry said on Saturday its troops had taken control of the village of Petrivka, south of Pokrovsk.

Ukraine's military denied that the village had fallen.
`);
    expect(a.contradictions).toHaveLength(1);
    expect(claimWith(a, 'the village had fallen').proposition.entities).toEqual(claimWith(a, 'the village of Petrivka').proposition.entities.slice(0, 1));
  });

  it('negates a predicate only where the negator governs it', () => {
    const a = article();
    expect(claimWith(a, 'was not political').stance).toBe('assert');
    expect(claimWith(a, 'no plans to either address')).toMatchObject({ stance: 'deny', proposition: { predicates: ['meet'], negated: true } });
    expect(claimWith(a, 'no one has been detained')).toMatchObject({ stance: 'deny', basis: '"no one"', proposition: { predicates: ['detain'] } });
    // A negated main predicate carries the claim, wherever it stands.
    expect(claimWith(a, 'no plans to file for bankruptcy')).toMatchObject({ stance: 'deny', proposition: { predicates: ['~file', '~liquidity', '~file>bankruptcy'] } });
  });

  it('sets only a denial of a named report against the article\'s matter', () => {
    const a = article();
    for (const words of ['wouldn\'t recognize it', 'this']) {
      const denial = claimWith(a, words);
      expect(denial.stance, words).toBe('deny');
      expect(denial.proposition.predicates, words).not.toContain('sign-deal');
      expect(denial.proposition.topic, words).toBeNull();
    }
  });

  it('reads a refused thing as no denial: "denied class-action status", "rejected a request", "is challenging McCain"', () => {
    const a = analyse(`Court rules on stadium case

The court denied class-action status to the ticket holders.

The council rejected a request from the club to extend the lease.

Dana Ward is challenging Senator Reed for the seat.

The club rejected the report that it would move.

Okafor, who joined from Porto Azul in the summer, dismissed talk of a move to the Premier League.
`);
    expect(claimWith(a, 'class-action status').stance).toBe('other');
    expect(claimWith(a, 'a request from the club').stance).toBe('other');
    // A race for a seat is no statement at all.
    expect(a.claims.filter((c) => c.proposition.text.includes('Senator Reed'))).toEqual([]);
    expect(claimWith(a, 'that it would move').stance).toBe('deny');
    expect(claimWith(a, 'talk of a move to the Premier League').stance).toBe('deny');
  });
});

describe('the outlet\'s own voice', () => {
  it('makes the unattributed headline and lead claims with no quote and no speaker, and sets a denial of them against them', () => {
    const article = analyse(`Apple will release a smartwatch next month

SAN FRANCISCO, Aug. 3 — Apple will release a smartwatch next month, ending years of speculation.

Apple spokeswoman Nora Feld later denied that Apple will release a watch next month.
`);
    const own = article.claims.filter((c) => c.quote === null);
    expect(own.map((c) => c.proposition.text)).toEqual(['Apple will release a smartwatch next month', 'Apple will release a smartwatch next month, ending years of speculation.']);
    expect(own.every((c) => c.speaker === null && c.stance === 'assert' && c.proposition.predicates[0] === 'launch')).toBe(true);
    const denial = claimWith(article, 'Apple will release a watch next month');
    expect(denial.stance).toBe('deny');
    const against = article.contradictions.filter((x) => x.claims.includes(denial.id));
    expect(against.length).toBeGreaterThan(0);
    for (const x of against) {
      expect(x.proposition).toBe('launch');
      expect(x.score).toBeGreaterThanOrEqual(0.5);
      expect(x.reason).toContain('vs the outlet assert');
    }
  });

  it('makes a fact check\'s "No, …" rebuttal a denial in words, not a bystander\'s negation', () => {
    const a = analyse(`No, Lena Marsh is not expecting a baby

Claims that the singer is pregnant have spread widely on social media this week.
`);
    const rebuttal = claimWith(a, 'No, Lena Marsh is not expecting a baby');
    expect(rebuttal).toMatchObject({ speaker: null, stance: 'deny', basis: '"no,"' });
    expect(rebuttal.proposition.predicates[0]).toBe('marry');
  });

  it('makes a headline that reports a denial the outlet\'s denial', () => {
    const article = analyse(`Real Castilla refute Almeida transfer report

Goal Line had said the striker would join Porto Azul next week, after a medical on Thursday.
`);
    const headline = article.claims.find((c) => c.proposition.start === 0);
    expect(headline).toMatchObject({ stance: 'deny' });
  });

  it('reads a denial verb only in a headline when it is tagged as a noun: "three Democratic contests" in a lead is none', () => {
    const article = analyse(`Sanders bounces back

Bernie Sanders won the Democrats Abroad primary on Monday and took two of the three Democratic contests Tuesday.
`);
    const lead = article.claims.find((c) => c.proposition.text.startsWith('Bernie Sanders won'));
    expect(lead).toMatchObject({ speaker: null, stance: 'assert' });
  });

  it('sets a denial of "the report" against the matter only when the matter involves the denier or whom the sentence names', () => {
    const article = analyse(`Nordvik Bank chief Lars Hemming will step down, sources say

Lars Hemming, chief executive of Nordvik Bank, will step down next month, two people familiar with the matter said.

Nordvik Bank dismissed the report on Tuesday.

Harald Lunde, a fund manager in Bergen, dismissed the suggestion as noise.
`);
    expect(claimWith(article, 'the report on Tuesday').proposition).toMatchObject({ predicates: ['resign'] });
    expect(claimWith(article, 'the suggestion as noise').proposition.topic).toBeNull();
  });

  it('sets a denial of "the report" right after a report against that report, not the lead', () => {
    const article = analyse(`Newsrooms feel the squeeze

Earlier this month, two producers at Flashfeed tied rubber bands around a watermelon until it burst on a live stream.

Then the Financial Courier reported that Flashfeed missed its revenue targets last year. Flashfeed denied the report, saying this year will meet expectations.
`);
    const denial = claimWith(article, 'the report');
    expect(denial.stance).toBe('deny');
    expect(denial.proposition.predicates).toContain('~miss');
    const report = claimWith(article, 'missed its revenue targets');
    expect(denial.proposition.topic).toBe(report.id);
  });
});

describe('compareFrames', () => {
  const base = { participants: ['taliban', 'russia'], agent: [], terms: [], basis: 'cue "said"', speakerTakesPart: false };

  it('matches paraphrases on their predicate class, and related classes less', () => {
    const shared = compareFrames({ ...base, predicates: ['share-information'] }, { ...base, predicates: ['contact', 'share-information'] });
    const related = compareFrames({ ...base, predicates: ['negotiate'] }, { ...base, predicates: ['contact'] });
    expect(shared).toMatchObject({ predicate: 0.8, shared: 'share-information' });
    expect(related).toMatchObject({ predicate: 0.6, shared: 'cooperation' });
    expect(shared.score).toBeGreaterThan(related.score);
  });

  it('never matches on a shared participant alone, nor across different agents or unrelated events', () => {
    expect(compareFrames({ ...base, predicates: ['resign'] }, { ...base, predicates: ['die'] }).score).toBe(0);
    expect(compareFrames({ ...base, predicates: ['resign'], participants: ['ryan'] }, { ...base, predicates: ['resign'], participants: ['trump'] }).score).toBe(0);
    expect(compareFrames({ ...base, predicates: ['support'], agent: ['ryan'], participants: ['ryan', 'trump'] }, { ...base, predicates: ['support'], agent: ['grassley'], participants: ['grassley', 'trump'] }).score).toBe(0);
  });

  it('matches a verb of no class only with the same verb, the same agent and a word around it shared', () => {
    const pay = (terms: string[], agent = ['mexico']) => ({ ...base, participants: ['mexico'], agent, predicates: ['~pay'], terms });
    expect(compareFrames(pay(['pay', 'wall']), pay(['pay', 'wall', 'percent'])).score).toBeGreaterThan(0.5);
    expect(compareFrames(pay(['pay', 'tax']), pay(['pay', 'wall'])).score).toBe(0);
    expect(compareFrames(pay(['pay', 'wall']), pay(['pay', 'wall'], [])).score).toBe(0);
    expect(compareFrames(pay(['pay', 'wall']), { ...pay(['build', 'wall']), predicates: ['~build'] }).score).toBe(0);
  });

  it('keeps a verb of no class apart when both name different objects: "raise taxes" is not "raise $1 trillion"', () => {
    const raise = (object?: string) => ({ ...base, participants: ['clinton'], agent: ['clinton'], terms: ['raise', 'plan', 'tax', 'trillion'], predicates: ['~raise', ...(object ? [`~raise>${object}`] : [])] });
    expect(compareFrames(raise('tax'), raise('trillion')).score).toBe(0);
    expect(compareFrames(raise('tax'), raise('tax')).score).toBeGreaterThan(0.5);
    expect(compareFrames(raise('tax'), raise()).score).toBeGreaterThan(0.5);
    const plan = analyse('Tax plan scored\n\nThe center said the plan would raise $1.1 trillion over the next decade.\n');
    expect(claimWith(plan, 'raise $1.1 trillion').proposition.predicates).toContain('~raise>#amount');
    const vote = analyse('Senator wavers\n\nThe senator said she would not vote for the bill.\n');
    expect(claimWith(vote, 'vote for the bill').proposition.predicates).toEqual(['~vote', '~vote>bill']);
    const keeper = analyse('Keeper retires\n\nFor 41 years, Walter Briggs climbed the steps of the light every evening.\n');
    expect(claimWith(keeper, 'climbed the steps').proposition.predicates).toEqual(['~climb', '~climb>step']);
    const baggage = analyse('Advisers weigh risks\n\nAdvisers said the benefits would outweigh any baggage that he brings.\n');
    expect(claimWith(baggage, 'any baggage').proposition.predicates).toContain('~bring>baggage');
  });

  it('names a verb of no class with its noun object: "mishandled classified information"', () => {
    const article = analyse('Comey faults Clinton\n\nComey said Clinton mishandled classified information while she was secretary of state.\n');
    expect(claimWith(article, 'mishandled classified information').proposition.predicates).toEqual(['~mishandle', '~mishandle>information']);
  });

  it('weighs a denial that rests on a negator alone less than one made with a denial verb', () => {
    const verb = compareFrames({ ...base, predicates: ['resign'], basis: 'cue "denied"' }, { ...base, predicates: ['resign'] });
    const negator = compareFrames({ ...base, predicates: ['resign'], basis: '"not"', speakerTakesPart: true }, { ...base, predicates: ['resign'] });
    expect(negator.score).toBeLessThan(verb.score);
    expect(verb.score).toBeLessThanOrEqual(1);
  });

  it('keeps a negation by a speaker with no part in what it negates under the listing threshold, even at a full match', () => {
    const bystander = compareFrames({ ...base, predicates: ['resign'], basis: '"not"' }, { ...base, predicates: ['resign'] });
    expect(bystander.score).toBeGreaterThan(0);
    expect(bystander.score).toBeLessThan(0.5);
  });
});

describe('propositions read in a blind rumour gold (check5)', () => {
  it('"no record of an arrest, after a newspaper reported she had been detained": the police deny the arrest; the report is not theirs', () => {
    const article = analyse('Dubai Police: no record of singer\'s arrest\n\nDubai Police said on Monday they had no record of an arrest of Irish singer Dara Quinn, after a British newspaper reported she had been detained at the airport.\n');
    const police = claimWith(article, 'no record of an arrest of Irish singer');
    expect(police.stance).toBe('deny');
    expect(police.proposition.predicates).toContain('detain');
    expect(article.quotes.find((q) => q.content.text.startsWith('they had no record'))?.content.text).toBe('they had no record of an arrest of Irish singer Dara Quinn');
  });

  it('"agrees move to Real Castilla" is a transfer; "has no plans to charge for bags" denies charging, not planning', () => {
    const move = analyse('Vella agrees move to Real Castilla\n\nMarco Vella has agreed a move to Real Castilla, the newspaper said.\n');
    expect(claimWith(move, 'agreed a move to Real Castilla').proposition.predicates).toContain('join');
    const bags = analyse('Skyjet denies fee plan\n\nSkyjet said it had no plans to charge passengers for cabin bags.\n');
    expect(claimWith(bags, 'no plans to charge').proposition.predicates[0]).toBe('~charge');
  });
});

describe('what a report links', () => {
  it('"dismissed reports linking the midfielder with a move to Real Castilla" is no denial of contact', () => {
    const article = analyse('Agent dismisses Vella reports\n\nThe agent of Marco Vella has dismissed reports linking the Ashford United midfielder with a move to Real Castilla as "pure fantasy".\n');
    expect(claimWith(article, 'linking the Ashford United midfielder').proposition.predicates).not.toContain('contact');
  });

  it('what a report links a player with is its proposition: a transfer', () => {
    const article = analyse('Agent dismisses Vella reports\n\nThe agent of Marco Vella has dismissed reports linking the Ashford United midfielder with a move to Real Castilla as "pure fantasy".\n');
    expect(claimWith(article, 'linking the Ashford United midfielder').proposition.predicates).toContain('join');
  });
});

describe('what is near', () => {
  it('"close to signing" states the signing; "close to tears" states nothing', () => {
    const article = analyse('Castilla near Vella deal\n\nReal Castilla are close to signing Ashford United midfielder Marco Vella, Spanish newspaper Diario Deportivo reported on Wednesday.\n\nHis mother said he was close to tears.\n');
    expect(claimWith(article, 'close to signing').proposition.predicates).toContain('sign-deal');
    expect(claimWith(article, 'close to tears').proposition.predicates).toEqual([]);
  });
});

describe('headlines', () => {
  it('a question asserts nothing in the outlet\'s voice', () => {
    const article = analyse('Is Lila Moor leaving Glasshouse? What we know so far\n\nRumours that Lila Moor is about to leave Glasshouse have been circulating since Monday.\n');
    expect(article.claims.filter((c) => c.speaker === null && c.stance === 'assert')).toEqual([]);
  });

  it('a title-case headline is parsed in the case the names and the body give its words', () => {
    const quitting = analyse('Lila Moor Quitting Glasshouse After 12 Years, Sources Say\n\nLila Moor is leaving Glasshouse, the indie rock band she co-founded in 2003, according to two people familiar with the matter.\n');
    expect(claimWith(quitting, 'Quitting Glasshouse').proposition.predicates).toContain('resign');
    const rumours = analyse("Lila Moor's Rep Says Glasshouse Quit Rumors Are 'Completely False'\n\nLila Moor is not leaving Glasshouse, her representative said on Wednesday.\n");
    expect(claimWith(rumours, 'Completely False')).toMatchObject({ stance: 'deny', basis: '"false"' });
  });

  it('"ruled out of" a final is no denial; "will miss" it sidelines a player; "will be without" him negates nothing', () => {
    const article = analyse('Quenta ruled out of cup final with hamstring tear\n\nRafael Quenta will miss Saturday\'s cup final after tearing a hamstring in training.\n\nRovers will be without star forward Rafael Quenta for the cup final, British media said.\n');
    expect(article.quotes.some((q) => q.cue?.lemma === 'rule out')).toBe(false);
    expect(claimWith(article, 'Quenta ruled out')).toMatchObject({ stance: 'assert' });
    expect(claimWith(article, 'will miss').proposition.predicates).toContain('sideline');
    const season = analyse('Ruiz out for season\n\nTomas Ruiz has torn a ligament and will miss the rest of the season, sources said. The bank missed its revenue targets, analysts said.\n');
    expect(claimWith(season, 'rest of the season').proposition.predicates).toContain('sideline');
    expect(claimWith(season, 'revenue targets').proposition.predicates).not.toContain('sideline');
    expect(claimWith(article, 'will be without').stance).toBe('assert');
  });

  it('"close to a takeover of" and a "swoop for" a firm are a purchase', () => {
    const article = analyse('Corvane in $400m swoop for Threadly\n\nUS software group Corvane Systems is close to a takeover of Threadly, the chat app, sources said.\n');
    expect(claimWith(article, 'swoop for Threadly').proposition.predicates).toContain('acquire');
    const takeover = claimWith(article, 'close to a takeover');
    expect(takeover.proposition.predicates).toContain('acquire');
    expect(article.entities.find((e) => e.id === takeover.proposition.agent)?.name).toBe('Corvane Systems');
  });
});

describe('paraphrases of one event', () => {
  it('"suspends" a trial halts it, "axe" a tax scraps it, "cast as" a role; "closes in on a takeover" buys, closing nothing', () => {
    const article = analyse('Vell closes in on Harbour City takeover\n\nNorvanta has suspended its NV-204 vaccine study, sources said. Italy is set to axe its fuel duty, sources in Rome said. Rafe Lindqvist has been cast as Sidney Reilly, the studio said.\n');
    expect(claimWith(article, 'closes in on').proposition.predicates).toContain('acquire');
    expect(claimWith(article, 'closes in on').proposition.predicates).not.toContain('close-down');
    expect(claimWith(article, 'suspended its NV-204').proposition.predicates).toContain('halt');
    expect(claimWith(article, 'axe its fuel duty').proposition.predicates).toContain('abolish');
    expect(claimWith(article, 'cast as Sidney Reilly').proposition.predicates).toContain('cast');
  });

  it('"told to leave their homes" is no resignation; "will leave the government" is', () => {
    const article = analyse('Flooding: Thousands told to leave homes in Valencia\n\nThousands of people have been told to leave their homes near Valencia after torrential rain.\n\nThe minister will leave the government, sources said.\n');
    expect(claimWith(article, 'leave their homes').proposition.predicates).not.toContain('resign');
    expect(claimWith(article, 'leave the government').proposition.predicates).toContain('resign');
  });

  it('a story that "has moved" joins nothing; "launched a missile" or "an investigation" releases nothing; "launched its new phone" does', () => {
    const article = analyse('Clinton Email Story Has Moved\n\nThe president launched a missile at the senator, aides said. The police launched an investigation into the club, officials said. Vell launched its new phone on Monday, the company said.\n');
    expect(claimWith(article, 'Story Has Moved').proposition.predicates).not.toContain('join');
    expect(claimWith(article, 'launched a missile').proposition.predicates).not.toContain('launch');
    expect(claimWith(article, 'launched an investigation').proposition.predicates).not.toContain('launch');
    expect(claimWith(article, 'launched its new phone').proposition.predicates).toContain('launch');
  });

  it('"will go on sale" is a launch, no sale of a firm; "I\'m not going anywhere" denies leaving; "I read in the newspapers that I had resigned" asserts nothing', () => {
    const article = analyse('Wierzbicki: \'I\'m not going anywhere\'\n\nThe Nova 7 will go on sale on 15 September, sources said. "I read in the newspapers that I had resigned. It was news to me," Tomasz Wierzbicki said.\n');
    expect(claimWith(article, 'go on sale').proposition.predicates).toEqual(['launch']);
    expect(claimWith(article, 'going anywhere').stance).toBe('deny');
    expect(claimWith(article, 'going anywhere').proposition.predicates).toContain('resign');
    expect(claimWith(article, 'I had resigned').stance).toBe('other');
  });

  it('"agreed a £35m deal" is the outlet\'s, no report; "is leaving for Kingsbridge" is a move first; "I read that we have agreed a deal" asserts nothing', () => {
    const article = analyse('Kingsbridge seal Ferreyra swoop\n\nKingsbridge United have agreed a £35million deal to sign striker Tomás Ferreyra. Ramón Ibarra denied that Tomás Ferreyra is leaving for Kingsbridge United. "I read that we have agreed a deal. Nobody has called me," Ibarra said.\n');
    expect(claimWith(article, 'agreed a £35million deal').speaker).toBeNull();
    expect(claimWith(article, 'leaving for Kingsbridge').proposition.predicates[0]).toBe('join');
    expect(claimWith(analyse('Report: Tomás Ferreyra Headed to Kingsbridge in $54 Million Move\n\nThe striker is on his way, sources said.\n'), 'Headed to').proposition.predicates).toContain('join');
    expect(claimWith(article, 'I read that').stance).toBe('other');
  });

  it('existence rumours: "found a giant spider in his garage" and "was not found", "never existed", a photo "is a fake"; not "found no evidence" or "find him unlikable"', () => {
    const article = analyse('No, a Giant Spider Was Not Found in a Perth Garage\n\nA father found a giant huntsman spider in his garage in Perth, sources said. The spider supposedly found in a Perth garage never existed, an expert said. The viral photo is a fake, a fact-checker said. The State Department said it found no evidence that the document was sent. Surveys suggest that voters find him unlikable.\n');
    expect(claimWith(article, 'Was Not Found').proposition.predicates).toEqual(['exist']);
    expect(claimWith(article, 'Was Not Found').stance).toBe('deny');
    expect(claimWith(article, 'A father found').proposition.predicates).toEqual(['exist']);
    expect(claimWith(article, 'never existed').stance).toBe('deny');
    expect(claimWith(article, 'never existed').basis).toBe('"never existed"');
    expect(claimWith(article, 'is a fake').stance).toBe('deny');
    expect(claimWith(article, 'found no evidence').proposition.predicates).not.toContain('exist');
    expect(claimWith(article, 'find him unlikable').proposition.predicates).not.toContain('exist');
  });

  it('"dismissed a report in Politico that Jeb Bush has been considering …" denies what that report says, not the headline', () => {
    const article = analyse('Right After The Debate, Trump Launched A 6-Word Missile That Buried Jeb Even More.\n\nDonald Trump dismissed a report in Politico that Jeb Bush has been considering announcing that he will not endorse the billionaire businessman.\n');
    expect(claimWith(article, 'a report in Politico').proposition.predicates).toContain('~endorse');
    expect(article.contradictions).toEqual([]);
  });

  it('"Brightwave Denies Report It Will Cut 4,000 Jobs" denies the cuts (the tagger read "Denies" as a noun and "Report" as the verb)', () => {
    const article = analyse('Brightwave Denies Report It Will Cut 4,000 Jobs\n\nBrightwave Telecom on Tuesday rejected a newspaper report that it planned to shed around 4,000 jobs.\n');
    expect(claimWith(article, 'It Will Cut 4,000 Jobs').stance).toBe('deny');
    expect(claimWith(article, 'It Will Cut 4,000 Jobs').proposition.predicates).toContain('cut-jobs');
  });

  it('a couple "have split" / "are not splitting up" / "have not separated"; "rushed to hospital" is a hospital stay; "two separate incidents" splits nothing', () => {
    const article = analyse('Tamsin Rourke and Ezra Bellweather Split After Four Years\n\nTamsin Rourke and Ezra Bellweather are not splitting up, her spokesman insisted. Rourke and Bellweather have not separated, the publicist said. Gareth Mallinson was rushed to hospital on Sunday night, sources said. Police investigated two separate incidents, officials said.\n');
    expect(claimWith(article, 'Split After Four Years').proposition.predicates).toContain('split-up');
    expect(claimWith(article, 'not splitting up').proposition.predicates).toContain('split-up');
    expect(claimWith(article, 'not separated').proposition.predicates).toContain('split-up');
    expect(claimWith(article, 'rushed to hospital').proposition.predicates).toContain('hospital');
    expect(claimWith(article, 'two separate incidents').proposition.predicates).not.toContain('split-up');
  });

  it('the denier of "plan to abolish" is the plan\'s agent when nothing names another', () => {
    const article = analyse("Italian Finance Ministry Denies Plan To Abolish Fuel Tax\n\nItaly's finance ministry on Wednesday denied newspaper reports about the tax.\n");
    expect(claimWith(article, 'Plan To Abolish').proposition.self).toBe(true);
  });
});

describe('denial phrases', () => {
  it('"said reports that X were untrue", "never happened", "no such incident" deny; a label\'s clause after its colon is read', () => {
    const party = analyse("Olsany's Party: Arrest Report 'Never Happened'\n\nThe Civic Alliance party on Tuesday said reports that its deputy leader Marek Olsany had been detained in France were untrue.\n\n\"It never happened,\" party spokesman Jakub Wren said. \"No such incident took place,\" a police spokesman said.\n");
    expect(claimWith(party, 'were untrue')).toMatchObject({ stance: 'deny', basis: '"untrue"' });
    expect(claimWith(party, 'were untrue').proposition.predicates).toContain('detain');
    expect(claimWith(party, "Arrest Report 'Never Happened'")).toMatchObject({ stance: 'deny', basis: '"never happened"' });
    expect(claimWith(party, 'It never happened').basis).toBe('"never happened"');
    expect(claimWith(party, 'No such incident').basis).toBe('"no such incident"');
    const hoax = analyse('Hoax: Millbrook Falls Did Not Ban Snowball Fights\n\nBy Sandra Liu\n\nThe town board passed no ordinance, the clerk said.\n');
    expect(claimWith(hoax, 'Did Not Ban').proposition.predicates).toContain('ban');
    // The verdict's label is the denial, stronger than the negator.
    expect(claimWith(hoax, 'Did Not Ban').basis).toBe('"hoax"');
    const satire = analyse('Millbrook Falls officials: snowball ban story is satire\n\nTown officials said the story began as a joke.\n');
    expect(claimWith(satire, 'ban story is satire')).toMatchObject({ stance: 'deny', basis: '"satire"' });
  });

  it('"had no record of an arrest" denies the arrest as a denial word does, not by a bare negator', () => {
    const article = analyse('Police: no record of arrest\n\nDubai Police said on Monday they had no record of an arrest of Irish singer Dara Quinn.\n');
    expect(claimWith(article, 'no record of an arrest')).toMatchObject({ stance: 'deny', basis: '"no record"' });
  });
});

describe('round-ups', () => {
  it('"everything we know so far" relays what others reported: its quoted claims are not matched across articles, a plain report\'s are', () => {
    const text = (title: string) => `${title}\n\nGadgetBeat reported on Monday that the Nova 7 will go on sale on 15 September. Orbis has denied setting any date.\n`;
    const roundup = analyzer.run(text('Orbis Nova 7: everything we know so far'));
    const report = analyzer.run(text('Orbis Nova 7 to go on sale in September'));
    const relayed = (doc: typeof roundup) => doc.claims.filter((c) => doc.slice(c.proposition).includes('go on sale on 15 September')).map((c) => outweighedClaims(doc).has(c.id));
    expect(relayed(roundup)).toEqual([true]);
    expect(relayed(report)).toEqual([false]);
  });
});
