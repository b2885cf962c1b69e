import { randomUUID } from 'node:crypto';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { CorpusBusyError } from '../errors.js';
import type { WriterClaim } from '../types.js';

/**
 * The writer lock of a SQLite corpus: a file beside it (`corpus.db-writer`, like the `-wal` file),
 * created exclusively, naming the process that holds it. A lock left by a process that died (kill
 * -9, a power cut) is taken over once its process is gone; on another host its liveness cannot be
 * checked, so it is kept (delete the file by hand).
 */

interface Holder {
  pid: number;
  host: string;
  since: string;
  token: string;
}

export function claimSqliteWriter(path: string): WriterClaim {
  const file = `${path}-writer`;
  const me: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), token: randomUUID() };
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(me), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(file);
    // Gone between our try and our read, or left by a dead process: try again (once more at most).
    if (attempt < 2 && (holder === undefined || (holder !== null && holder.host === me.host && !alive(holder.pid)))) {
      if (holder) removeIf(file, holder.token);
      continue;
    }
    const who = holder ? `pid ${holder.pid}${holder.host === me.host ? '' : ` on ${holder.host}`}, since ${holder.since}` : 'unknown process';
    throw new CorpusBusyError(`another ingest is writing to ${path} (${who}); try again when it has finished, or remove ${file} if that process is gone`);
  }
  return {
    async release() {
      removeIf(file, me.token);
    },
  };
}

/** The holder named in the file, undefined when there is no file, null when it is unreadable. */
function readHolder(file: string): Holder | null | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const holder = JSON.parse(text) as Holder;
    return typeof holder.pid === 'number' && typeof holder.token === 'string' ? holder : null;
  } catch {
    return null;
  }
}

/** Removes the lock file if it is still the one `token` wrote. */
function removeIf(file: string, token: string): void {
  if (readHolder(file)?.token !== token) return;
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
