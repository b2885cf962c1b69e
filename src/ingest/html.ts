import { createRequire } from 'node:module';
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import type { parseHTML as ParseHTML } from 'linkedom';

const load = createRequire(import.meta.url);
let libraries: { Readability: typeof ReadabilityClass; parseHTML: typeof ParseHTML } | null = null;

/**
 * linkedom and Readability, loaded with the first page: they cost about 140 ms of start-up that
 * plain-text runs (`claimgraph analyze story.txt`) never need.
 */
function htmlLibraries(): { Readability: typeof ReadabilityClass; parseHTML: typeof ParseHTML } {
  libraries ??= {
    Readability: (load('@mozilla/readability') as { Readability: typeof ReadabilityClass }).Readability,
    parseHTML: (load('linkedom') as { parseHTML: typeof ParseHTML }).parseHTML,
  };
  return libraries;
}
import { InputError } from './errors.js';

/** The article in an HTML page: text with one paragraph per block, and the page's metadata. */
export interface ExtractedArticle {
  /** Headline first, then one paragraph (or heading, list item …) per block, separated by "\n\n". */
  text: string;
  title: string | null;
  byline: string | null;
  siteName: string | null;
  /** As the page states it (usually ISO 8601), not normalised. */
  published: string | null;
  /** The page's canonical URL, else the URL it was fetched from. */
  url: string | null;
}

/** Elements whose text is a paragraph of its own. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'div', 'dl', 'dt',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li',
  'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tr', 'ul',
]);
/** Elements whose text is never article text. */
const NEVER_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'head', 'title']);
/** Page furniture, removed before looking for the article. */
const BOILERPLATE =
  'nav, header, footer, aside, form, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"]';
/**
 * Photo captions and credits, advertisements and promotions: text on the page that is not the
 * article's, and that gave names and quotes of its own ("CreditKevin Frayer/Getty Images").
 */
const NOT_ARTICLE_TEXT = 'figcaption, [class]';
const NOT_ARTICLE_CLASS = /(?:^|[\s_-])(?:caption|credits?|ad|ads|advert|advertisement|promo|sponsored|newsletter|related|share|sharing|social)(?:$|[\s_-])/i;
/**
 * Lines that are page furniture wherever they stand: ad labels, and photo credits, which name an
 * agency after a slash or a publication after "for" ("CreditKevin Frayer/Getty Images",
 * "Photo: Jane Roe for The Times"), so "Credit Suisse said …" stays.
 */
const FURNITURE =
  /^(?:advertisement|skip advertisement|continue reading the main story|story continues below(?: advertisement)?|supported by|sponsored(?: content)?|(?:credit|photo|image|photograph|video)(?: credit)?(?::|\.{3}|…)?\s?\p{Lu}[^.!?"“”]{0,60}(?:\/[^!?"“”]{0,40}| for [^.!?"“”]{0,40}))$/iu;
/**
 * A line that is only a time stamp ("Mon 2 Mar 2026 08.00 GMT", "Published March 2, 2026, 8:00 a.m.
 * ET", "2 hours ago"), a button's label ("Share", "Save"), a picture's source or caption as BBC
 * pages set them ("Image source, Getty Images", "Image caption, …"), or "A post shared by …": the
 * page's, not the article's words.
 */
/**
 * A wire story's credits ("Reporting by Ana Ruiz; Editing by Mark Potter", "Additional reporting by
 * …", "Jane Doe contributed reporting.", "The Associated Press contributed to this report.") and
 * its standards line ("Our Standards: The Thomson Reuters Trust Principles."): about the article,
 * not in it, and full of names.
 */
const CREDITS =
  /^(?:(?:(?:additional )?reporting|writing|editing|compiled|graphics|fact[- ]checking) by [^.!?"“”]{1,200}(?:;\s*(?:(?:additional )?reporting|writing|editing|compiled|graphics) by [^;.!?"“”]{1,200})*\.?|[^.!?"“”]{1,120} contributed (?:reporting|to this (?:report|story|article))(?: from [^.!?"“”]{1,60})?\.|our standards: [^!?]{1,80}\.?)$/iu;
const STAMP =
  /^(?:\d{1,2} (?:minutes?|mins?|hours?|days?) ago|share|save|share this article|copy link|print|(?:image|media) (?:source|caption),? .{0,200})$|^(?:(?:published|updated|last updated|first published)(?: on| at)?:?\s+)?(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s+)?(?:\d{1,2}\s+\p{L}+\.?|\p{L}+\.?\s+\d{1,2},?)\s+\d{4},?(?:\s+(?:at\s+)?\d{1,2}[.:]\d{2}(?:\s?[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?$|^a post shared by .{1,80}$/iu;
/**
 * An embedded post's signature ("— Luis Planas (@LuisPlanas) March 2, 2026"): its author signs the
 * quotation above it, so the name stays, after a dash; the handle and the date go.
 */
const SIGNATURE = /^[—–-]\s?([^()]{1,60}?)\s*\(@\w{1,30}\)\s.{0,30}\d{4}$/u;

/**
 * Readability's time grows faster than the square of the nesting depth (0.2 s at 200 levels, 2 s
 * at 800, 14 s at 1,600) and it overflows the stack at 5,000; ordinary pages nest a few dozen deep.
 */
const MAX_READABILITY_DEPTH = 100;

/**
 * linkedom's parse time grows faster than linearly with the element count of deeply nested pages
 * (50,000 nested spans: about 2 s; 200,000: about a minute), and the page is parsed twice. News
 * pages hold a few thousand elements.
 */
export const MAX_HTML_ELEMENTS = 50_000;
const START_TAG = /<[a-zA-Z]/g;

const PUBLISHED_META = ['article:published_time', 'datePublished', 'pubdate', 'date', 'dc.date', 'DC.date.issued'];

/**
 * Extracts the article from an HTML page with Mozilla Readability (the Firefox reader view). When
 * Readability finds no article, or the page nests too deep for it, the whole body's text is used.
 */
export function extractArticle(html: string, url?: string): ExtractedArticle {
  ensureFewElements(html);
  const document = parsePage(html);
  const page = pageMetadata(document, url);
  // Readability rewrites the document it reads, so it gets a copy.
  const article = readArticle(parsePage(html));
  const body = blockText(article?.content ?? document.body);
  const title = headline(document, clean(article?.title) ?? page.title);
  return {
    // A headline alone is not an article: without body text the page has none.
    text: body && title && !body.startsWith(title) ? `${title}\n\n${body}` : body,
    title,
    byline: clean(article?.byline) ?? page.byline,
    siteName: clean(article?.siteName) ?? page.siteName,
    published: clean(article?.publishedTime) ?? page.published,
    url: page.url,
  };
}

/** Throws CG_E011 for a page with more start tags than {@link MAX_HTML_ELEMENTS}, before parsing it. */
function ensureFewElements(html: string): void {
  START_TAG.lastIndex = 0;
  let elements = 0;
  while (START_TAG.exec(html) !== null) elements += 1;
  if (elements > MAX_HTML_ELEMENTS) {
    throw new InputError('CG_E011', `HTML page too complex (${elements.toLocaleString('en')} elements; limit ${MAX_HTML_ELEMENTS.toLocaleString('en')})`);
  }
}

/** Readability, unless the page nests too deep for it (then the caller falls back to the body). */
function readArticle(document: Document) {
  if (nestingDepth(document.body) > MAX_READABILITY_DEPTH) return null;
  const { Readability } = htmlLibraries();
  return new Readability<Node>(document, { serializer: (node) => node }).parse();
}

function nestingDepth(root: Node): number {
  let deepest = 0;
  const stack: [Node, number][] = [[root, 0]];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const [node, depth] = entry;
    deepest = Math.max(deepest, depth);
    for (const child of node.childNodes) if (child.nodeType === 1) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * The page as a DOM without its navigation, banners, footers, asides, captions and ads. linkedom does not build the
 * implied `<html>` and `<body>` of HTML5, so a page without them gets them.
 */
function parsePage(html: string): Document {
  let page = html;
  if (!/<html[\s>]/i.test(html) || !/<body[\s>]/i.test(html)) {
    const head = /<head[\s>][\s\S]*?<\/head>/i.exec(html)?.[0] ?? '<head></head>';
    const content = html.replace(head, '').replace(/<!doctype[^>]*>|<\/?(?:html|head|body)\b[^>]*>/gi, '');
    page = `<!doctype html><html>${head}<body>${content}</body></html>`;
  }
  const document = htmlLibraries().parseHTML(page).document as unknown as Document;
  for (const element of [...document.querySelectorAll(BOILERPLATE)]) {
    // An article's own <header> holds its headline and byline; the page's holds the site banner.
    if (element.localName !== 'header' || !element.closest('article, main')) element.remove();
  }
  for (const element of [...document.querySelectorAll(NOT_ARTICLE_TEXT)]) {
    if (element.localName === 'figcaption' || NOT_ARTICLE_CLASS.test(element.getAttribute('class') ?? '')) element.remove();
  }
  // "Related topics", "More on this story": a heading of links to other pages goes with its block.
  for (const heading of [...document.querySelectorAll('h2, h3, h4')]) {
    const block = heading.parentElement;
    if (!LINK_BLOCK_HEADING.test(clean(heading.textContent) ?? '') || !block || /^(?:article|main|body|section)$/.test(block.localName)) continue;
    block.remove();
  }
  return document;
}

/** Headings of the blocks of links to other pages that news pages set inside the article. */
const LINK_BLOCK_HEADING = /^(?:related(?: topics| stories| articles| content| coverage)?|more on this story|more from [\w ]{1,30}|read more|top stories|most read|you may also like|recommended|around the [\w ]{1,20})$/i;

/** The `<h1>` when the title is the `<h1>` plus the site's name ("Headline | Site"), else the title. */
function headline(document: Document, title: string | null): string | null {
  const h1 = clean(document.querySelector('h1')?.textContent);
  return h1 && title?.includes(h1) ? h1 : title;
}

/** Metadata read from the page itself, for when Readability has none or gives up. */
function pageMetadata(document: Document, url: string | undefined): Omit<ExtractedArticle, 'text'> {
  const meta = (...keys: string[]): string | null => {
    for (const key of keys) {
      const element = document.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
      const content = clean(element?.getAttribute('content'));
      if (content) return content;
    }
    return null;
  };
  return {
    title: meta('og:title') ?? clean(document.querySelector('title')?.textContent),
    byline: meta('author'),
    siteName: meta('og:site_name'),
    published: meta(...PUBLISHED_META) ?? clean(document.querySelector('time[datetime]')?.getAttribute('datetime')),
    url: clean(document.querySelector('link[rel="canonical"]')?.getAttribute('href')) ?? meta('og:url') ?? url ?? null,
  };
}

/**
 * The text under `root`, one paragraph per block element, paragraphs separated by a blank line.
 * Whitespace inside a paragraph collapses to single spaces; `<br>` is a line break, and two or
 * more in a row separate paragraphs, as pages that use them instead of `<p>` intend. Paragraphs
 * of a `<blockquote>` are set in quote marks (see {@link quoted}).
 */
function blockText(root: Node): string {
  const paragraphs: string[] = [];
  let current = '';
  let blockquotes = 0;
  const endBlock = (): void => {
    for (const part of current.split(/\n[ \t\r\n\f\u00a0]*\n/)) {
      const lines = part.split('\n').map((line) => line.replace(/[ \t\r\n\f\u00a0]+/g, ' ').trim());
      const signature = lines.length === 1 ? SIGNATURE.exec(lines[0]) : null;
      if (signature) {
        // Not when the text has named the author already ("Luis Planas wrote on X:").
        const introduced = paragraphs.length >= 2 && paragraphs[paragraphs.length - 2].endsWith(':');
        if (blockquotes > 0 && paragraphs.length > 0 && !introduced) paragraphs[paragraphs.length - 1] += ` — ${signature[1]}`;
        continue;
      }
      const paragraph = lines.filter((line) => line !== '' && !FURNITURE.test(line) && !STAMP.test(line) && !CREDITS.test(line)).join('\n');
      if (paragraph !== '') paragraphs.push(blockquotes > 0 ? quoted(paragraph) : paragraph);
    }
    current = '';
  };
  // An explicit stack, not recursion: pages can nest deeper than the call stack allows. The
  // markers 'block', 'blockquote' and 'cell' stand for the end of a block, blockquote or table cell.
  const stack: (Node | 'block' | 'blockquote' | 'cell')[] = Array.from(root.childNodes).reverse();
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    if (step === 'block') {
      endBlock();
    } else if (step === 'blockquote') {
      blockquotes--;
    } else if (step === 'cell') {
      current += ' ';
    } else if (step.nodeType === 3 /* text */) {
      current += (step.nodeValue ?? '').replace(/\n/g, ' ');
    } else if (step.nodeType === 1 /* element */) {
      const tag = (step as Element).localName;
      if (NEVER_TEXT.has(tag)) continue;
      if (tag === 'br') {
        current += '\n';
        continue;
      }
      if (tag === 'blockquote') {
        endBlock();
        blockquotes++;
        stack.push('blockquote', 'block');
      } else if (BLOCKS.has(tag)) {
        endBlock();
        stack.push('block');
      } else if (tag === 'td' || tag === 'th') {
        stack.push('cell');
      }
      // One push per child: spreading a long child list into push() overflows the call stack.
      const children = step.childNodes;
      for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i]);
    }
  }
  endBlock();
  return paragraphs.join('\n\n');
}

/**
 * A blockquote's paragraph in quote marks, so that the quotes stage reads it as the quotation it
 * is (after "The minister wrote:", or on its own); one already in marks stays as it is.
 */
function quoted(paragraph: string): string {
  return /^["“«‘']/.test(paragraph) ? paragraph : `“${paragraph}”`;
}

function clean(value: string | null | undefined): string | null {
  const collapsed = value?.replace(/\s+/g, ' ').trim();
  return collapsed ? collapsed : null;
}
