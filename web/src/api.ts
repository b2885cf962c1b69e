import { useEffect, useState } from 'react';
import type { ErrorJSON } from '../../src/server/types.js';

/** The HTTP API, typed with the server's own response types (src/server/types.ts). */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export async function api<T>(path: string, init?: { method?: 'GET' | 'POST'; body?: unknown }): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init?.method ?? 'GET',
      headers: init?.body === undefined ? undefined : { 'content-type': 'application/json' },
      body: init?.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiError(0, 'the server cannot be reached');
  }
  const body = (await response.json().catch(() => null)) as (T & Partial<ErrorJSON>) | null;
  if (!response.ok) throw new ApiError(response.status, body?.message ?? `HTTP ${response.status}`, body?.code);
  return body as T;
}

/** A query string from the defined values. */
export function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export type Loaded<T> = { state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'ready'; data: T };

/** GETs `path` (again whenever it changes); null fetches nothing. */
export function useApi<T>(path: string | null): Loaded<T> {
  return useLoad(path, api<T>);
}

/** What `load(key)` gives (again whenever `key` changes; `load` should not change); null loads nothing. */
export function useLoad<T>(key: string | null, load: (key: string) => Promise<T>): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    if (key === null) return;
    let current = true;
    setLoaded({ state: 'loading' });
    load(key).then(
      (data) => current && setLoaded({ state: 'ready', data }),
      (error: ApiError) => current && setLoaded({ state: 'error', error }),
    );
    return () => {
      current = false;
    };
  }, [key]);
  return loaded;
}

/** A list read a page at a time: the items so far, and `more` to read the next page (null once a page comes short). */
export interface Paged<T> {
  loaded: Loaded<T[]>;
  more: (() => void) | null;
  loadingMore: boolean;
}

/** GETs `path` with `params` a page of `size` at a time (the list routes' `limit` and `offset`), from the first page again whenever they change. */
export function usePaged<T>(path: string, params: Record<string, string | number | undefined>, size: number): Paged<T> {
  const key = `${path}${query(params)}`;
  const [state, setState] = useState<{ key: string; loaded: Loaded<T[]>; done: boolean; loadingMore: boolean }>({ key, loaded: { state: 'loading' }, done: false, loadingMore: false });
  const page = (offset: number) => api<T[]>(`${path}${query({ ...params, limit: size, offset })}`);
  useEffect(() => {
    let current = true;
    setState({ key, loaded: { state: 'loading' }, done: false, loadingMore: false });
    page(0).then(
      (items) => current && setState({ key, loaded: { state: 'ready', data: items }, done: items.length < size, loadingMore: false }),
      (error: ApiError) => current && setState({ key, loaded: { state: 'error', error }, done: true, loadingMore: false }),
    );
    return () => {
      current = false;
    };
  }, [key, size]);
  const { loaded, done, loadingMore } = state;
  const more =
    loaded.state === 'ready' && !done && state.key === key
      ? () => {
          if (loadingMore) return;
          setState((s) => ({ ...s, loadingMore: true }));
          page(loaded.data.length).then(
            (items) => setState((s) => (s.key === key && s.loaded.state === 'ready' ? { key, loaded: { state: 'ready', data: [...s.loaded.data, ...items] }, done: items.length < size, loadingMore: false } : s)),
            (error: ApiError) => setState((s) => (s.key === key ? { key, loaded: { state: 'error', error }, done: true, loadingMore: false } : s)),
          );
        }
      : null;
  return { loaded, more, loadingMore };
}
