import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedDataPath } from '../eval/data-path.js';
import { ENGLISH_MIN_SCORE, looksEnglish } from './language.js';

// The same news paragraph, written for this test in each language.
const FOREIGN: Record<string, string> = {
  French:
    "Le ministre des Affaires étrangères a déclaré mardi que le gouvernement ne partagerait aucune information avec ses voisins. Selon un porte-parole, les négociations reprendront la semaine prochaine à Genève, mais l'opposition dénonce un accord conclu sans débat au Parlement.",
  German:
    'Der Außenminister sagte am Dienstag, die Regierung werde keine Informationen mit den Nachbarländern teilen. Nach Angaben eines Sprechers sollen die Verhandlungen in der kommenden Woche in Genf fortgesetzt werden, doch die Opposition kritisiert eine Vereinbarung ohne Debatte im Parlament.',
  Spanish:
    'El ministro de Asuntos Exteriores afirmó el martes que el gobierno no compartirá información con los países vecinos. Según un portavoz, las negociaciones se reanudarán la próxima semana en Ginebra, pero la oposición denuncia un acuerdo cerrado sin debate en el Parlamento.',
  Russian:
    'Министр иностранных дел заявил во вторник, что правительство не будет делиться информацией с соседними странами. По словам представителя, переговоры возобновятся на следующей неделе в Женеве, однако оппозиция критикует соглашение, заключённое без обсуждения в парламенте.',
  Chinese: '外交部长星期二表示，政府不会与邻国分享任何情报。据一位发言人说，谈判将于下周在日内瓦恢复，但反对派批评这项协议未经议会辩论就已达成。',
  Dutch:
    'De minister van Buitenlandse Zaken zei dinsdag dat de regering geen informatie zal delen met de buurlanden. Volgens een woordvoerder worden de onderhandelingen volgende week in Genève hervat, maar de oppositie bekritiseert een akkoord dat zonder debat in het parlement is gesloten.',
};
const ENGLISH =
  'The foreign minister said on Tuesday that the government would not share any information with its neighbours. ' +
  'According to a spokesman, the talks will resume next week in Geneva, but the opposition criticised a deal that was reached without a debate in parliament.';

describe('looksEnglish', () => {
  it('accepts English news prose', () => {
    const { english, score } = looksEnglish(ENGLISH);
    expect(english).toBe(true);
    expect(score).toBeGreaterThan(0.3);
  });

  it.each(Object.entries(FOREIGN))('rejects %s', (_, text) => {
    const { english, score } = looksEnglish(text);
    expect(english).toBe(false);
    expect(score).toBeLessThan(ENGLISH_MIN_SCORE / 2);
  });

  // Two sentences each, too short for the share of English words alone (issue 17).
  it.each([
    ['German', 'Angela Merkel hat am Montag in Berlin gesprochen. Sie will mit Macron über die Zukunft der Union reden.'],
    ['Spanish', 'El presidente dijo que no habrá acuerdo. Estaba en Madrid con los ministros.'],
    ['French', 'Le président a déclaré mardi que le gouvernement ne partagerait rien. Il est à Paris.'],
    ['Dutch', 'De minister zei dinsdag dat er geen akkoord is. Hij is nu in Brussel.'],
  ])('refuses two sentences of %s', (language, text) => {
    expect(looksEnglish(text)).toMatchObject({ english: false, likely: language });
  });

  it('accepts short English texts, headlines and names from other languages', () => {
    for (const text of [
      'Angela Merkel Warns Britain Against Quick Brexit Deal',
      'Marine Le Pen met Robert De Niro in Paris. I said so.',
      'Apple unveiled a cheaper iPhone on Tuesday. The company said it would ship in March.',
      'On Twitter follow Ken Thomas https://twitter.com/KThomasDC and Lisa Lerer https://twitter.com/llerer.',
    ]) expect(looksEnglish(text), text).toMatchObject({ english: true, likely: null });
  });

  it('refuses a text that is mostly another language even with some English in it', () => {
    expect(looksEnglish(`${FOREIGN.Spanish} ${FOREIGN.Spanish} Read more. Share this story.`)).toMatchObject({ english: false, likely: 'Spanish' });
  });

  it('lets texts too short to judge pass', () => {
    expect(looksEnglish('Angela Merkel in Berlin').english).toBe(true);
    expect(looksEnglish('').english).toBe(true);
  });

  it('accepts an English article that quotes another language', () => {
    expect(looksEnglish(`${ENGLISH}\n\n"${FOREIGN.French}"\n\n${ENGLISH}`).english).toBe(true);
  });

  const polnear = sharedDataPath('polnear', 'dev.jsonl');
  it.skipIf(!existsSync(polnear))('accepts every PolNeAR dev article (skipped: PolNeAR data not found)', () => {
    const texts = readFileSync(polnear, 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { text: string }).text);
    const rejected = texts.filter((text) => !looksEnglish(text).english);
    expect(texts.length).toBeGreaterThan(0);
    expect(rejected).toEqual([]);
  });
});
