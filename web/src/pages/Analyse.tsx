import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AnalysisInCorpusJSON } from '../../../src/server/types.js';
import { api, ApiError } from '../api.js';
import { ArticleView } from '../components/ArticleView.js';

type Mode = 'text' | 'url' | 'file';

const HTML_FILE = /\.(?:html?|xhtml)$/i;

/** Paste text, give a URL or pick a file; the article comes back highlighted, set against the corpus. */
export function AnalysePage() {
  const [mode, setMode] = useState<Mode>('text');
  const [text, setText] = useState('');
  const [url, setUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<AnalysisInCorpusJSON | null>(null);
  const shown = useRef<HTMLElement>(null);
  useEffect(() => {
    shown.current?.scrollIntoView({ block: 'start' });
  }, [result]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      let body: Record<string, string>;
      if (mode === 'url') body = { url: url.trim() };
      else if (mode === 'file' && file) body = HTML_FILE.test(file.name) ? { html: await file.text() } : { text: await file.text() };
      else body = { text };
      setResult(await api<AnalysisInCorpusJSON>('/api/analyze/corpus', { method: 'POST', body }));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, String(e)));
      setResult(null);
    } finally {
      setBusy(false);
    }
  };

  const ready = mode === 'text' ? text.trim() !== '' : mode === 'url' ? /^https?:\/\/\S+$/i.test(url.trim()) : file !== null;
  return (
    <>
      <h1>Analyse an article</h1>
      <form className="analyse-form card" onSubmit={submit} aria-describedby="analyse-help">
        <div role="radiogroup" aria-label="Input" className="tabs">
          {(['text', 'url', 'file'] as const).map((m) => (
            <label key={m} className={mode === m ? 'tab selected' : 'tab'}>
              <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
              {m === 'text' ? 'Paste text' : m === 'url' ? 'From a URL' : 'From a file'}
            </label>
          ))}
        </div>
        {mode === 'text' && (
          <label className="field">
            <span>Article text, headline first</span>
            <textarea name="text" rows={8} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
          </label>
        )}
        {mode === 'url' && (
          <label className="field">
            <span>Address of the page (http or https)</span>
            <input name="url" type="url" inputMode="url" placeholder="https://…" value={url} onChange={(e) => setUrl(e.target.value)} />
          </label>
        )}
        {mode === 'file' && (
          <label className="field">
            <span>A .txt or .html file</span>
            <input name="file" type="file" accept=".txt,.text,.html,.htm,text/plain,text/html" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </label>
        )}
        <p id="analyse-help" className="muted small">
          Nothing is stored: the article is analysed and set against the corpus, then forgotten.
        </p>
        <button type="submit" className="primary" disabled={!ready || busy}>
          {busy ? 'Analysing…' : 'Analyse'}
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error.message}
          {error.code ? ` (${error.code})` : ''}
        </p>
      )}
      {result && (
        <section aria-label="Analysis" className="result" ref={shown}>
          <ArticleView article={result.article} corpus={result.corpus} />
        </section>
      )}
    </>
  );
}
