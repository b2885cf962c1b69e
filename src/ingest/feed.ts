import { parseFeed } from '@rowanmanning/feed-parser';
import { decodeBytes } from './decode.js';
import { CoreError } from '../core/errors.js';

/** RSS 0.9–2.0, RSS 1.0 (RDF) and Atom feeds, read with @rowanmanning/feed-parser. */

export interface FeedEntry {
  title: string | null;
  /** The item's page, fetched for the article text. */
  url: string | null;
  /** ISO time, when the item gives one. */
  published: string | null;
  /** The item's own HTML (content, else description): the article when there is no page. */
  content: string | null;
  /** The feed's title, as the source. */
  source: string | null;
}

/** Document elements that make XML a feed: `<rss>`, `<feed>` (Atom), `<rdf:RDF>` (RSS 1.0). */
const FEED_ROOT = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*|<\?[^>]*>\s*|<!DOCTYPE[^>]*>\s*)*<(?:rss|feed|rdf:RDF|RDF)[\s>]/;
const FEED_MEDIA = /^(?:application\/(?:rss|atom|rdf)\+xml|application\/xml|text\/xml)$/i;

/** True when the bytes are a feed: an XML media type whose document element is a feed's. */
export function looksLikeFeed(bytes: Uint8Array, contentType?: string): boolean {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 2048)).replace(/^\uFEFF/, '');
  const media = contentType?.split(';')[0]?.trim() ?? '';
  return FEED_ROOT.test(head) && (media === '' || FEED_MEDIA.test(media) || /xml/i.test(media));
}

/** The items of a feed; a document that is not a readable feed is CG_E007 with the parser's reason. */
export function readFeed(bytes: Uint8Array, contentType?: string): FeedEntry[] {
  const { text } = decodeBytes(bytes, { contentType });
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(text);
  } catch (error) {
    throw new CoreError('CG_E007', `not a readable RSS, Atom or RDF feed: ${(error as Error).message}`);
  }
  return feed.items.map((item) => ({
    title: item.title,
    url: item.url,
    published: (item.published ?? item.updated)?.toISOString() ?? null,
    content: item.content ?? item.description,
    source: feed.title,
  }));
}
