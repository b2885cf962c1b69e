import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../src/analyze.js';
import { toArticleJSON, type ArticleJSON } from '../src/core/article.js';
import type { Pipeline } from '../src/core/pipeline.js';

/** One pattern per test, in texts written for the purpose. */

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await createAnalyzer();
});

function analyse(text: string): ArticleJSON & { speakerOf(words: string): string | undefined; quote(words: string): ArticleJSON['quotes'][number] } {
  const article = toArticleJSON(pipeline.run(text));
  const quote = (words: string) => {
    const q = article.quotes.find((x) => x.content.text.includes(words));
    if (!q) throw new Error(`no quote contains "${words}"; quotes: ${JSON.stringify(article.quotes.map((x) => x.content.text))}`);
    return q;
  };
  return {
    ...article,
    quote,
    speakerOf: (words) => article.entities.find((e) => e.id === quote(words).speaker)?.name,
  };
}

describe('quote patterns', () => {
  it('"X said that …" and "…, X said" and inverted "…, said X"', () => {
    const a = analyse('Angela Merkel said that the talks would resume in March.\n\n"We are ready," Emmanuel Macron said.\n\n"Nothing has changed," said Olaf Scholz, the finance minister.');
    expect(a.speakerOf('the talks would resume')).toBe('Angela Merkel');
    expect(a.quote('the talks would resume').content.text).toBe('that the talks would resume in March');
    expect(a.speakerOf('We are ready')).toBe('Emmanuel Macron');
    expect(a.quote('We are ready').kind).toBe('direct');
    expect(a.speakerOf('Nothing has changed')).toBe('Olaf Scholz');
  });

  it('a quote split around its cue is one statement in two parts', () => {
    const a = analyse('"We will not negotiate," the minister, Ivan Petrov, said on Monday, "unless the shelling stops."');
    const q = a.quote('We will not negotiate');
    expect(q.content.parts?.map((p) => p.text)).toEqual(['"We will not negotiate,"', '"unless the shelling stops."']);
  });

  it('"according to X"', () => {
    const a = analyse('The convoy was attacked near the border, according to local police officials.');
    expect(a.quote('The convoy was attacked').cue?.text).toBe('according to');
    expect(a.quote('The convoy was attacked').source?.text).toBe('local police officials');
  });

  it('a quote running over two paragraphs continues the same speaker', () => {
    const a = analyse('"The reforms are necessary," said Maria Lopez, the central bank governor. "Inflation is too high.\n\n"We will act again if we must."');
    expect(a.speakerOf('Inflation is too high')).toBe('Maria Lopez');
    expect(a.speakerOf('We will act again')).toBe('Maria Lopez');
  });

  it('"did not deny" is not a denial', () => {
    const a = analyse('The Kremlin did not deny that the envoy had met Taliban leaders in Moscow.');
    const q = a.quote('the envoy had met');
    expect(q.cue?.negated).toBe(true);
    expect(a.claims.find((c) => c.quote === q.id)?.stance).toBe('other');
  });

  it('stances follow the cue: deny, accuse, condemn, threaten', () => {
    const a = analyse([
      'The ministry denied that its troops had crossed the border.',
      'The opposition accused the government of rigging the vote.',
      'The United Nations condemned the attack on the hospital.',
      'The rebels threatened to resume fighting if the talks failed.',
    ].join('\n\n'));
    const stance = (words: string) => a.claims.find((c) => c.quote === a.quote(words).id)?.stance;
    expect(stance('its troops had crossed')).toBe('deny');
    expect(stance('the government of rigging')).toBe('accuse');
    expect(stance('the attack on the hospital')).toBe('condemn');
    expect(stance('to resume fighting')).toBe('threaten');
  });
});

describe('speakers', () => {
  it('a pronoun goes to the most recent compatible speaker, respecting gender', () => {
    const a = analyse('Maria Lopez, the governor, spoke first. John Smith said the plan would fail.\n\n"It is a disaster," she said.\n\n"It will work," he said.');
    expect(a.speakerOf('It is a disaster')).toBe('Maria Lopez');
    expect(a.speakerOf('It will work')).toBe('John Smith');
  });

  it('an unnamed official becomes an entity affiliated with the organisation', () => {
    const a = analyse('"We never met them," a NATO spokesperson told Reuters.');
    const q = a.quote('We never met them');
    const speaker = a.entities.find((e) => e.id === q.speaker)!;
    expect(speaker).toMatchObject({ type: 'PERSON', unnamed: true, name: 'NATO spokesperson' });
    expect(a.entities.find((e) => e.id === speaker.affiliation)?.name).toBe('NATO');
    expect(a.entities.find((e) => e.id === q.addressee)?.name).toBe('Reuters');
  });
});

describe('contradictions', () => {
  it('pairs a denial with the other side\'s assertion about the same event', () => {
    const a = analyse('Iran said it had held talks with the Taliban about border security.\n\nThe Taliban denied holding any talks with Iran.');
    expect(a.contradictions).toHaveLength(1);
  });

  it('ignores claims about different matters, and claims from the same side', () => {
    const a = analyse('Iran said the harvest was good this year.\n\nThe Taliban denied holding any talks with Iran.\n\nA Taliban spokesperson said the group had held talks with Iran.');
    expect(a.contradictions).toHaveLength(0);
  });
});

describe('roles', () => {
  it('keeps a role written before the name, with the group it names as affiliation', () => {
    const a = analyse('Taliban spokesman Zabihullah Mujahid said the group would never negotiate.\n\n"We have channels," foreign ministry spokeswoman Yelena Markova told a briefing in Moscow.');
    const mujahid = a.entities.find((e) => e.name === 'Zabihullah Mujahid')!;
    expect(mujahid.roles).toContain('spokesman');
    expect(a.entities.find((e) => e.id === mujahid.affiliation)?.name).toBe('Taliban');
    expect(a.entities.find((e) => e.name === 'Yelena Markova')!.roles).toContain('foreign ministry spokeswoman');
  });
});
