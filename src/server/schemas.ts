import articleSchema from '../../docs/schema/article.schema.json' with { type: 'json' };
import { ENTITY_TYPES, type Stance } from '../core/doc.js';

/**
 * JSON Schemas of the API, registered once (`app.addSchema`) and referenced by `$id` from the
 * routes: fastify validates requests and serialises responses with them, and the OpenAPI document
 * is generated from them. Each mirrors a type in types.ts or src/core/corpus/types.ts; the route
 * tests compare responses with what the store returns, so a property left out here shows up.
 */

const STANCES: Stance[] = ['assert', 'deny', 'accuse', 'condemn', 'threaten', 'question', 'other'];
const CUE_CLASSES = STANCES;
const QUOTE_KINDS = ['direct', 'indirect', 'mixed'];

const string = { type: 'string' } as const;
const nullableString = { type: ['string', 'null'] } as const;
const integer = { type: 'integer' } as const;
const ref = (id: string) => ({ $ref: `${id}#` });
const nullable = (id: string) => ({ anyOf: [ref(id), { type: 'null' }] });
const array = (items: object) => ({ type: 'array', items });

function object(properties: Record<string, object>, description?: string) {
  return { type: 'object', additionalProperties: false, required: Object.keys(properties), properties, ...(description ? { description } : {}) };
}

const speaker = object({ id: string, name: string });

const entity = object({
  id: string,
  type: { enum: ENTITY_TYPES },
  name: string,
  aliases: array(string),
  articles: integer,
  mentions: integer,
  unnamed: { type: 'boolean' },
  code: { ...nullableString, description: 'CAMEO actor code ("AFGREB", "RUSGOV"): the one its article entities carry most often; null when none has one.' },
}, 'A canonical entity: every article entity that names the same thing.');

const quote = object({
  article: string,
  quote: string,
  kind: { enum: QUOTE_KINDS },
  speaker: nullable('Speaker'),
  cue: nullableString,
  cueClass: { anyOf: [{ enum: CUE_CLASSES }, { type: 'null' }] },
  text: string,
  start: integer,
  end: integer,
});

const storyArticleProperties = {
  id: string,
  title: nullableString,
  source: nullableString,
  path: nullableString,
  url: nullableString,
  published: nullableString,
  duplicateOf: { ...nullableString, description: 'The earlier article this one is a near-copy of.' },
  similarity: { type: ['number', 'null'] },
};

const story = object({ id: string, label: string, first: nullableString, last: nullableString, size: integer, articles: array(ref('StoryArticle')) });

const evidenceProperties = {
  article: string,
  claim: string,
  speaker: nullable('Speaker'),
  stance: { enum: STANCES },
  text: string,
  start: integer,
  end: integer,
  date: nullableString,
};

const score = { type: 'number', minimum: 0, maximum: 1, description: 'How surely the claims contradict each other (docs/corpus.md).' };

const contradiction = object({
  id: string,
  kind: { enum: ['contradiction', 'reversal'] },
  proposition: { ...string, description: 'The predicate class the propositions share (share-information).' },
  score,
  claims: array(ref('ClaimEvidence')),
  pairs: array(object({ claims: { type: 'array', items: integer, minItems: 2, maxItems: 2 }, reason: string, crossArticle: { type: 'boolean' }, score })),
});

const summaryProperties = { ...storyArticleProperties, story: string, storyLabel: string };

const statement = object({ ...evidenceProperties, quote: string, title: nullableString, source: nullableString, duplicate: { type: 'boolean' } });

const linkedContradiction = object({
  id: string,
  kind: { enum: ['contradiction', 'reversal'] },
  reason: string,
  score,
  claim: { ...string, description: "This article's claim." },
  other: ref('Statement'),
});

const articleDetail = object({
  ...summaryProperties,
  ingestedAt: string,
  analysis: ref('Article'),
  entities: { type: 'object', additionalProperties: string, description: 'Canonical entity id of each article entity id.' },
  contradictions: array(ref('LinkedContradiction')),
});

const entityDetail = object({
  entity: ref('Entity'),
  said: array(ref('Statement')),
  saidTotal: integer,
  about: array(ref('Statement')),
  aboutTotal: integer,
  timeline: array(object({ date: nullableString, said: integer, about: integer })),
});

const storyDetail = object({
  story: ref('Story'),
  claimsLimit: { anyOf: [integer, { type: 'null' }] },
  matrix: object({
    speakers: array(ref('Speaker')),
    propositions: array(object({ code: nullableString, label: string })),
    cells: array(object({
      speaker: string,
      proposition: integer,
      stance: { enum: STANCES },
      claims: array(object({ article: string, claim: string, text: string })),
    })),
  }),
});

const network = object({
  nodes: array(object({ id: string, name: string, type: string, mentions: integer })),
  edges: array(object({ source: string, target: string, stance: { enum: ['assert', 'deny', 'condemn', 'accuse'] }, plover: nullableString, claims: integer, articles: integer })),
  total: integer,
});

const corpusContext = object({
  id: string,
  stored: { type: 'boolean' },
  duplicateOf: nullableString,
  story: { anyOf: [object({ id: string, label: string }), { type: 'null' }] },
  contradictions: array(ref('LinkedContradiction')),
});

const parse = object({ sentences: { $ref: 'Article#/properties/sentences' }, tokens: { $ref: 'Article#/properties/tokens' } }, 'The sentences and parsed tokens of a text, as the article JSON gives them with tokens.');

const error = {
  type: 'object',
  required: ['statusCode', 'error', 'message'],
  properties: { statusCode: integer, error: string, code: string, message: string },
};

/** Every shared schema, by `$id`. The article schema is docs/schema/article.schema.json. */
export const SHARED_SCHEMAS: Array<Record<string, unknown> & { $id: string }> = [
  { ...withoutDialect(articleSchema), $id: 'Article' },
  { $id: 'Speaker', ...speaker },
  { $id: 'Entity', ...entity },
  { $id: 'Quote', ...quote },
  { $id: 'StoryArticle', ...object(storyArticleProperties) },
  { $id: 'Story', ...story },
  { $id: 'ClaimEvidence', ...object(evidenceProperties) },
  { $id: 'Contradiction', ...contradiction },
  { $id: 'ArticleSummary', ...object(summaryProperties) },
  { $id: 'Statement', ...statement },
  { $id: 'LinkedContradiction', ...linkedContradiction },
  { $id: 'ArticleDetail', ...articleDetail },
  { $id: 'EntityDetail', ...entityDetail },
  { $id: 'StoryDetail', ...storyDetail },
  { $id: 'Network', ...network },
  { $id: 'CorpusContext', ...corpusContext },
  { $id: 'Parse', ...parse },
  { $id: 'Error', ...error },
];

/** The article schema names its JSON Schema dialect and a URL id; registered here by name. */
function withoutDialect(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _dialect, $id: _id, ...rest } = schema;
  return rest;
}

export { array, object, ref };

/** Error answers every route may give. */
export const ERROR_RESPONSES = {
  400: ref('Error'),
  404: ref('Error'),
  413: ref('Error'),
  422: ref('Error'),
  429: ref('Error'),
  503: ref('Error'),
};

/** The body of POST /api/analyze: text, else html, else url (fetched), plus optional record fields. */
export const analyseBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    text: { type: 'string', description: 'Plain text of the article, headline first.' },
    html: { type: 'string', description: 'An HTML page; its article text is extracted.' },
    url: { type: 'string', pattern: '^https?://', maxLength: 2048, description: 'Fetched when neither text nor html is given (http and https only, with a time and size limit); otherwise the article\'s address.' },
    title: string,
    source: string,
    published: string,
  },
  anyOf: [{ required: ['text'] }, { required: ['html'] }, { required: ['url'] }],
};
