import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../analyze.js';
import { toArticleJSON } from '../core/article.js';
import { MAX_HTML_ELEMENTS, extractArticle } from './html.js';

const NEWS_PAGE = `<!doctype html>
<html lang="en"><head>
<title>Council approves new budget after long debate | Springfield Herald</title>
<meta property="og:site_name" content="Springfield Herald">
<meta property="article:published_time" content="2016-09-12T08:30:00-04:00">
<link rel="canonical" href="https://herald.example/news/budget">
<script>window.analytics = "TRACKING_SNIPPET";</script>
<style>body { font-family: serif; }</style>
</head><body>
<header><a href="/">Springfield Herald</a><nav><a href="/news">News</a> | <a href="/sport">Sport</a> | <a href="/weather">Weather</a></nav></header>
<main><article>
<h1>Council approves new budget after long debate</h1>
<p class="byline">By Jane Doe</p>
<p>The city council on Monday approved a budget of $4.2 million after a debate that lasted
   more than six hours, the mayor's office said in a statement.</p>
<h2>Opposition walks out</h2>
<p>Three opposition members left the chamber before the vote. "This budget ignores the
   neighbourhoods that need help most," councillor Ann Smith told reporters outside.</p>
<script>document.write("INLINE_AD_SCRIPT");</script>
<p>The mayor, Tom Brown, denied that the plan would cut library hours and said the city
   would hire twelve more teachers next year.</p>
</article></main>
<aside><h3>Most read</h3><ul><li>Ten restaurants to try this autumn</li><li>Traffic update</li></ul></aside>
<footer><p>© 2016 Springfield Herald. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>`;

describe('extractArticle', () => {
  const article = extractArticle(NEWS_PAGE);

  it('keeps the headline, headings and paragraphs, one block per paragraph', () => {
    const paragraphs = article.text.split('\n\n');
    expect(paragraphs[0]).toBe('Council approves new budget after long debate');
    expect(paragraphs).toContain('Opposition walks out');
    expect(paragraphs).toContain(
      "The city council on Monday approved a budget of $4.2 million after a debate that lasted more than six hours, the mayor's office said in a statement.",
    );
    expect(paragraphs.at(-1)).toMatch(/^The mayor, Tom Brown, denied .* next year\.$/);
  });

  it('leaves out navigation, sidebars, footers and scripts', () => {
    for (const boilerplate of ['Weather', 'Most read', 'Ten restaurants', 'All rights reserved', 'Privacy policy', 'TRACKING_SNIPPET', 'INLINE_AD_SCRIPT', 'font-family']) {
      expect(article.text).not.toContain(boilerplate);
    }
  });

  it('reads the page metadata', () => {
    expect(article).toMatchObject({
      title: 'Council approves new budget after long debate',
      byline: 'By Jane Doe',
      siteName: 'Springfield Herald',
      published: '2016-09-12T08:30:00-04:00',
      url: 'https://herald.example/news/budget',
    });
  });

  it('handles a fragment without <html> or <body>', () => {
    expect(extractArticle('<p>The senator said she would vote against the bill.</p>').text).toBe(
      'The senator said she would vote against the bill.',
    );
  });

  it('keeps <br> as a line break, splits paragraphs at <br><br> and reads <time datetime>', () => {
    const page = `<html><body><nav>Home | About</nav><div>Police said the road
      was closed.<br>It reopened at noon.<br><br>No one was hurt.</div>
      <time datetime="2020-01-31">31 January</time></body></html>`;
    const { text, published, title } = extractArticle(page, 'https://example.org/road');
    expect(text).toBe('Police said the road was closed.\nIt reopened at noon.\n\nNo one was hurt.');
    expect(published).toBe('2020-01-31');
    expect(title).toBeNull();
  });

  it('reads a page nested thousands of levels deep from its body, in good time', () => {
    // Readability would take minutes here: its time grows faster than the square of the depth.
    const page = `<html><body>${'<div>'.repeat(3000)}<p>Deep inside.</p>${'</div>'.repeat(3000)}</body></html>`;
    const started = performance.now();
    expect(extractArticle(page).text).toBe('Deep inside.');
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('returns no text for a page that holds only furniture and scripts', () => {
    expect(extractArticle('<html><body><nav>Home</nav><script>var x = 1;</script></body></html>').text).toBe('');
  });

  it('reads a paragraph of 200,000 entities or a block of 40,000 children without overflowing the stack', () => {
    expect(extractArticle(`<html><body><p>Tom &amp; Jerry ${'&amp;'.repeat(200_000)}</p></body></html>`).text).toMatch(/^Tom & Jerry &&&/);
    const children = '<span>Obama</span> '.repeat(40_000);
    expect(extractArticle(`<html><body><div>${children}</div></body></html>`).text).toMatch(/^Obama Obama/);
  });

  it('refuses a page with more elements than it parses, before parsing it (CG_E011)', () => {
    const page = `<html><body>${'<span>'.repeat(MAX_HTML_ELEMENTS)}Obama said hello.</body></html>`;
    expect(() => extractArticle(page)).toThrow(/^CG_E011: HTML page too complex \(50,002 elements; limit 50,000\)$/);
  });

  it('keeps photo captions, credits and ads out of the article text (issue 15)', () => {
    const page = `<html><body><article><h1>Council approves new budget</h1>
      <figure><img src="a.jpg"><figcaption><span>The council chamber.</span><span><span>Credit</span><span>Kevin Frayer/Getty Images</span></span></figcaption></figure>
      <p>The city council on Monday approved a budget of $4.2 million after a debate of six hours, the mayor's office said.</p>
      <div class="ad-slot"><p>Buy Acme Widgets today from Acme Corp</p></div>
      <p>Advertisement</p>
      <p>CreditJane Roe/Reuters</p>
      <p>Credit Suisse said on Monday that it would not comment on the plan for the city.</p>
      </article></body></html>`;
    const paragraphs = extractArticle(page).text.split('\n\n');
    expect(paragraphs).toEqual([
      'Council approves new budget',
      "The city council on Monday approved a budget of $4.2 million after a debate of six hours, the mayor's office said.",
      'Credit Suisse said on Monday that it would not comment on the plan for the city.',
    ]);
  });

  it('keeps a BBC page\'s picture sources and captions, buttons, time and blocks of related links out of the article text', () => {
    const page = `<html><body><main><article><h1>Flooding: Thousands told to leave homes in Valencia</h1>
      <div><span>2 hours ago</span><div>Share</div><div>Save</div></div>
      <figure><span>Image source, Getty Images</span><img src="x.jpg"></figure>
      <p>Thousands of people have been told to leave their homes near Valencia.</p>
      <div><span>Image source, EPA</span><p>Image caption, Cars piled up in a street in Sedaví</p></div>
      <p>Prime Minister Pedro Sánchez said the army would help.</p>
      <div><h2>Related topics</h2><ul><li>Spain</li><li>Floods</li></ul></div>
      <div><h2>More on this story</h2><ul><li>Spain floods: what we know</li></ul></div>
      </article></main></body></html>`;
    expect(extractArticle(page).text.split('\n\n')).toEqual([
      'Flooding: Thousands told to leave homes in Valencia',
      'Thousands of people have been told to leave their homes near Valencia.',
      'Prime Minister Pedro Sánchez said the army would help.',
    ]);
  });

  it('keeps time stamps, share buttons and an embedded post\'s signature out of the article text, and a date in a sentence in it', () => {
    const page = `<html><body><article><h1>Drought forces Spain to ration water</h1>
      <p class="stamp">Mon 2 Mar 2026 08.00 GMT</p>
      <p>Catalonia declared a drought emergency on Monday, 2 March 2026, cutting the water allowance.</p>
      <p>The agriculture minister, Luis Planas, wrote on X:</p>
      <blockquote class="twitter-tweet"><p>We will not leave Catalan farmers alone.</p>&mdash; Luis Planas (@LuisPlanas) March 2, 2026</blockquote>
      <div class="share-tools">Share on Facebook Share on Twitter Copy link</div>
      <p>Published March 2, 2026, 8:00 a.m. ET</p>
      </article></body></html>`;
    expect(extractArticle(page).text.split('\n\n')).toEqual([
      'Drought forces Spain to ration water',
      'Catalonia declared a drought emergency on Monday, 2 March 2026, cutting the water allowance.',
      'The agriculture minister, Luis Planas, wrote on X:',
      '“We will not leave Catalan farmers alone.”',
    ]);
  });

  it('signs an embedded post the text does not introduce with its author, after a dash, so the post is the author\'s quote', async () => {
    const page = `<html><body><article><h1>Ring road closed</h1>
      <p>Shop owners said the closure could halve their trade. "Nobody will drive six miles for a loaf," said baker Gary Thwaite.</p>
      <blockquote class="twitter-tweet"><p>Absolute chaos on the ring road this morning.</p>&mdash; Sam Patel (@sampatel) <a href="#">December 4, 2026</a></blockquote>
      </article></body></html>`;
    const { text } = extractArticle(page);
    expect(text.split('\n\n').at(-1)).toBe('“Absolute chaos on the ring road this morning.” — Sam Patel');
    const article = toArticleJSON((await createAnalyzer()).run(text));
    const post = article.quotes.find((q) => q.content.text.includes('Absolute chaos'));
    expect(article.entities.find((e) => e.id === post?.speaker)?.name).toBe('Sam Patel');
  });

  it('keeps a wire story\'s credits and standards line out of the article text, and a sentence about reporting in it', () => {
    const page = `<html><body><article><h1>EU fines Halden over app store rules</h1>
      <p>BRUSSELS, Nov 18 (Meridian Wire) - The European Commission fined Halden Technologies on Tuesday, reporting by Politico showed.</p>
      <p>Reporting by Ana Ruiz and Tom Welling; Additional reporting by Joe Bloggs in Paris; Editing by Louise Heavens and Mark Potter</p>
      <p>The Associated Press contributed to this report.</p>
      <p>Our Standards: The Meridian Trust Principles.</p>
      </article></body></html>`;
    expect(extractArticle(page).text.split('\n\n')).toEqual([
      'EU fines Halden over app store rules',
      'BRUSSELS, Nov 18 (Meridian Wire) - The European Commission fined Halden Technologies on Tuesday, reporting by Politico showed.',
    ]);
  });
});
