import type { ArticleJSON, EventJSON } from '../core/article.js';
import { CONTRADICTION_THRESHOLD } from '../core/corpus/claims.js';
import type { StoreCounts } from '../store/types.js';

/**
 * The readable view of an analysed article: metadata, entities, quotes grouped by speaker with
 * their stance, events (source → CAMEO code → target), then contradictions. Colours only when writing to a terminal.
 */

type Paint = (code: string, s: string) => string;

const STANCE_VERB: Record<string, string> = {
  assert: 'asserts', deny: 'denies', accuse: 'accuses', condemn: 'condemns', threaten: 'threatens', question: 'questions', other: 'says',
};
const STANCE_COLOUR: Record<string, string> = {
  assert: '32', deny: '31', accuse: '35', condemn: '35', threaten: '33', question: '36', other: '37',
};

export function renderArticle(article: ArticleJSON, colour: boolean): string {
  const paint: Paint = colour ? (code, s) => `\x1b[${code}m${s}\x1b[0m` : (_code, s) => s;
  const bold = (s: string): string => paint('1', s);
  const dim = (s: string): string => paint('2', s);
  const name = (id: string | null): string => article.entities.find((e) => e.id === id)?.name ?? 'unknown speaker';
  const lines: string[] = [];

  const { meta } = article;
  lines.push(bold(meta.title ?? '(untitled)'));
  const facts = [meta.dateline && `dateline ${meta.dateline}`, meta.source && `source ${meta.source}`, meta.published && `published ${meta.published}`]
    .filter(Boolean);
  if (facts.length) lines.push(dim(facts.join(' · ')));
  lines.push('');

  lines.push(bold('Entities'));
  for (const type of ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'MISC'] as const) {
    const ofType = article.entities.filter((e) => e.type === type);
    if (ofType.length === 0) continue;
    const described = ofType.map((e) => {
      const extra = [
        ...e.roles,
        e.affiliation ? `→ ${name(e.affiliation)}` : '',
        e.related ? `~ ${name(e.related)}` : '',
      ].filter(Boolean);
      return `${e.name}${e.mentions.length > 1 ? dim(` ×${e.mentions.length}`) : ''}${extra.length ? dim(` (${extra.join('; ')})`) : ''}`;
    });
    lines.push(`  ${type.padEnd(7)} ${described.join(', ')}`);
  }
  lines.push('');

  lines.push(bold(`Quotes (${article.quotes.length})`));
  const bySpeaker = new Map<string | null, ArticleJSON['quotes']>();
  for (const q of article.quotes) bySpeaker.set(q.speaker, [...(bySpeaker.get(q.speaker) ?? []), q]);
  for (const [speaker, quotes] of bySpeaker) {
    const entity = article.entities.find((e) => e.id === speaker);
    const who = entity ? `${entity.name}${entity.affiliation ? dim(` (${name(entity.affiliation)})`) : ''}` : dim('unattributed');
    lines.push(`  ${bold(who)}`);
    for (const q of quotes) {
      const claim = article.claims.find((c) => c.quote === q.id);
      const stance = claim?.stance ?? 'other';
      const cue = q.cue ? `${q.cue.text}${q.cue.negated ? ' (negated)' : ''}` : 'no cue: continues';
      const to = q.addressee ? ` → ${name(q.addressee)}` : '';
      lines.push(`    ${paint(STANCE_COLOUR[stance], stance.padEnd(8))} ${dim(`${q.kind}, ${cue}${to}`)} ${dim(`[${q.content.start}–${q.content.end}]`)}`);
      lines.push(`      ${truncate(q.content.text.replace(/\s+/g, ' '), 160)}`);
    }
  }
  lines.push('');

  lines.push(bold(`Events (${article.events.length})`));
  const actor = (a: EventJSON['source']): string =>
    a ? `${a.entity ? name(a.entity) : truncate(a.text.replace(/\s+/g, ' '), 40)}${a.code ? dim(` ${a.code}`) : ''}` : dim('—');
  for (const e of article.events) {
    const claim = e.claim === null ? null : article.claims.find((c) => c.id === e.claim);
    const facts = [e.plover?.type, e.negated && 'negated', e.modality !== 'asserted' && e.modality, claim && `in ${name(claim.speaker)}'s claim`].filter(Boolean);
    lines.push(`  ${actor(e.source)} → ${bold(e.code)} ${e.predicate.text} → ${actor(e.target)}${facts.length ? dim(` (${facts.join('; ')})`) : ''}`);
  }
  lines.push('');

  // Counted and listed as everywhere: the pairs scoring at least the threshold (docs/corpus.md).
  const shown = article.contradictions.filter((c) => c.score >= CONTRADICTION_THRESHOLD);
  lines.push(bold(`Contradictions (${shown.length})`));
  for (const c of shown) {
    const [a, b] = c.claims.map((id) => article.claims.find((claim) => claim.id === id)!);
    lines.push(`  ${paint('31', '✗')} ${name(a.speaker)} ${STANCE_VERB[a.stance]} ↔ ${name(b.speaker)} ${STANCE_VERB[b.stance]}`);
    lines.push(`      ${dim(`${a.stance}:`)} ${truncate(a.proposition.text, 110)}`);
    lines.push(`      ${dim(`${b.stance}:`)} ${truncate(b.proposition.text, 110)}`);
    lines.push(`      ${dim(`${c.score.toFixed(2)} ${c.reason}`)}`);
  }
  const weaker = article.contradictions.length - shown.length;
  if (weaker > 0) lines.push(dim(`  and ${weaker} weaker pair${weaker === 1 ? '' : 's'} (score under ${CONTRADICTION_THRESHOLD}; the JSON lists them)`));
  return `${lines.join('\n')}\n`;
}

/** What a corpus holds, in the units the API and the web app count in. */
export function renderCorpusCounts(title: string, counts: StoreCounts, propositions: number, colour: boolean): string {
  const bold = (s: string): string => (colour ? `\x1b[1m${s}\x1b[0m` : s);
  const n = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
  const lines = [
    bold(title),
    `  ${n(counts.articles, 'article', 'articles')} in ${n(counts.stories, 'story', 'stories')}, ${n(counts.entities, 'entity', 'entities')}`,
    `  ${n(counts.contradictions, 'contradiction', 'contradictions')} (claim pairs scoring ≥ ${CONTRADICTION_THRESHOLD}) on ${n(propositions, 'proposition', 'propositions')}`,
  ];
  return `${lines.join('\n')}\n`;
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
