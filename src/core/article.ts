import type { ArticleMeta, Claim, CodedEvent, CueClass, Doc, EntityType, EventActor, Modality, Proposition, QuoteKind, Span, Stance } from './doc.js';

/**
 * The public JSON of an analysed article (docs/schema/article.schema.json describes the same
 * shape; a test checks that they agree). Every span carries its text for readability, and
 * `text.slice(start, end) === span.text` always holds.
 */

export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

export interface ArticleJSON {
  schema: 'claimgraph/article@1';
  text: string;
  meta: {
    title: string | null;
    dateline: string | null;
    source: string | null;
    published: string | null;
    spans: { title: TextSpan | null; dateline: TextSpan | null; source: TextSpan | null };
  };
  entities: Array<{
    id: string;
    type: EntityType;
    name: string;
    aliases: string[];
    mentions: Array<TextSpan & { kind: 'name' | 'pronoun' | 'nominal' }>;
    roles: string[];
    affiliation: string | null;
    related: string | null;
    unnamed: boolean;
    /** CAMEO actor code ("AFGREB"), null when the dictionaries do not know the entity. */
    code: string | null;
  }>;
  quotes: Array<{
    id: string;
    kind: QuoteKind;
    content: TextSpan & { parts?: TextSpan[] };
    cue: (TextSpan & { lemma: string; class: CueClass; negated: boolean }) | null;
    source: TextSpan | null;
    speaker: string | null;
    addressee: string | null;
  }>;
  claims: Array<{
    id: string;
    quote: string | null;
    speaker: string | null;
    stance: Stance;
    basis: string;
    proposition: TextSpan & Omit<Proposition, keyof Span>;
    events: string[];
  }>;
  events: EventJSON[];
  contradictions: Array<{ claims: [string, string]; reason: string; score: number; proposition: string }>;
  /** Only when asked for (`analyze --tokens`): sentences and their parsed tokens. POST /api/parse gives them alone. */
  sentences?: ParseJSON['sentences'];
  tokens?: ParseJSON['tokens'];
}

/** An event as the article JSON gives it (CodedEvent in doc.ts explains the fields). */
export interface EventJSON {
  id: string;
  code: string;
  plover: { type: string; mode: string } | null;
  predicate: TextSpan & { lemma: string };
  negated: boolean;
  modality: Modality;
  source: EventActorJSON | null;
  target: EventActorJSON | null;
  claim: string | null;
  sentence: TextSpan;
}

export type EventActorJSON = TextSpan & { entity: string | null; code: string | null };

/** One token of the parse: `head` is the index of its head token in `tokens`, −1 for a sentence root. */
export interface ArticleToken extends TextSpan {
  tag: string;
  upos: string;
  lemma: string;
  head: number;
  deprel: string;
}

/** The dependency parse of a text: what `tokens: true` adds to the article JSON, and what POST /api/parse answers. */
export interface ParseJSON {
  sentences: Array<{ start: number; end: number; tokenStart: number; tokenEnd: number }>;
  tokens: ArticleToken[];
}

export interface ArticleJSONOptions {
  /** Add `sentences` and `tokens` (offsets, tags, lemmas, heads, relations). */
  tokens?: boolean;
}

export function toArticleJSON(doc: Doc, options: ArticleJSONOptions = {}): ArticleJSON {
  const span = (s: Span): TextSpan => ({ start: s.start, end: s.end, text: doc.text.slice(s.start, s.end) });
  const maybe = (s: Span | null): TextSpan | null => (s ? span(s) : null);
  const meta: ArticleMeta = doc.meta;
  return {
    schema: 'claimgraph/article@1',
    text: doc.text,
    meta: {
      title: meta.title ? doc.slice(meta.title) : null,
      dateline: meta.dateline ? doc.slice(meta.dateline) : null,
      source: meta.source ? doc.slice(meta.source) : null,
      published: meta.published,
      spans: { title: maybe(meta.title), dateline: maybe(meta.dateline), source: maybe(meta.source) },
    },
    entities: doc.entities.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      aliases: e.aliases,
      mentions: e.mentions.map((k) => ({ ...span(doc.mentions[k]), kind: doc.mentions[k].kind })),
      roles: e.roles,
      affiliation: e.affiliation,
      related: e.related,
      unnamed: e.unnamed,
      code: e.code ?? null,
    })),
    quotes: doc.quotes.map((q) => ({
      id: q.id,
      kind: q.kind,
      content: q.content.parts ? { ...span(q.content), parts: q.content.parts.map(span) } : span(q.content),
      cue: q.cue ? { ...span(q.cue), lemma: q.cue.lemma, class: q.cue.class, negated: q.cue.negated } : null,
      source: maybe(q.source),
      speaker: q.speaker,
      addressee: q.addressee,
    })),
    claims: doc.claims.map((c: Claim) => ({
      id: c.id,
      quote: c.quote,
      speaker: c.speaker,
      stance: c.stance,
      basis: c.basis,
      proposition: { ...c.proposition, ...span(c.proposition) },
      events: c.events,
    })),
    events: doc.events.map((e: CodedEvent) => {
      const actor = (a: EventActor | null): EventActorJSON | null => (a ? { entity: a.entity, code: a.code, ...span(a) } : null);
      return {
        id: e.id,
        code: e.code,
        plover: e.plover,
        predicate: { ...span(e.predicate), lemma: e.predicate.lemma },
        negated: e.negated,
        modality: e.modality,
        source: actor(e.source),
        target: actor(e.target),
        claim: e.claim,
        sentence: span(e.sentence),
      };
    }),
    contradictions: doc.contradictions.map((c) => ({ claims: c.claims, reason: c.reason, score: c.score, proposition: c.proposition })),
    ...(options.tokens ? toParseJSON(doc) : {}),
  };
}

/** The sentences and parsed tokens of a Doc that has been through the `deps` stage. */
export function toParseJSON(doc: Doc): ParseJSON {
  return { sentences: doc.sentences.map(({ start, end, tokenStart, tokenEnd }) => ({ start, end, tokenStart, tokenEnd })), tokens: articleTokens(doc) };
}

function articleTokens(doc: Doc): ArticleToken[] {
  const { start, end, tag, lemma, head, deprel } = doc.tokens;
  return start.map((s, i) => ({
    start: s,
    end: end[i],
    text: doc.text.slice(s, end[i]),
    tag: tag[i],
    upos: doc.upos(i),
    lemma: lemma[i],
    head: head[i],
    deprel: deprel[i],
  }));
}
