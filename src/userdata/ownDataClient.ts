/**
 * Own data read and checked off the main thread: {@link applyOwnFilesInWorker} starts the parsing worker
 * (ownData.worker.ts) for one set of files, passes on its progress, and loads what it sends back into DuckDB. The
 * page stays responsive while a big file is read; cancelling ends the worker, and nothing is loaded then.
 */

import type { Connector } from '../db/connector.ts';
import { type GenerationTables, loadPreparedOwnData, type OwnPackage, type PreparedOwnData } from './ownData.ts';
import { OwnDataError, type OwnDataIssue } from './ownDataError.ts';

export { ownPackageOf } from './ownData.ts';

export interface OwnWorkerRequest {
  files: { name: string; blob: Blob }[];
  pkg: OwnPackage;
  /** Indicator ids of the own data these files replace. */
  previous: string[];
}

export type OwnWorkerReply =
  | { type: 'progress'; file: string; read: number }
  | { type: 'done'; data: PreparedOwnData & { observations: Uint8Array } }
  | { type: 'refused'; issues: OwnDataIssue[] }
  | { type: 'failed'; message: string };

/** Bytes read of the file being read, and its size. */
export type OwnProgress = (file: string, read: number, size: number) => void;

/** The summary of loaded own data (the observations are in DuckDB). */
export type LoadedOwnData = Omit<PreparedOwnData, 'observations'>;

/** Reads and checks `files` in the parsing worker; rejects with an OwnDataError, or an AbortError when cancelled. */
export function checkOwnFilesInWorker(
  request: OwnWorkerRequest,
  options: { onProgress?: OwnProgress; signal?: AbortSignal } = {},
): Promise<PreparedOwnData> {
  const { onProgress, signal } = options;
  const sizes = new Map(request.files.map((f) => [f.name, f.blob.size]));
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const worker = new Worker(new URL('./ownData.worker.ts', import.meta.url), { type: 'module' });
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener('abort', cancel);
    };
    const cancel = () => {
      finish();
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', cancel, { once: true });
    worker.onmessage = (event: MessageEvent<OwnWorkerReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') {
        onProgress?.(reply.file, reply.read, sizes.get(reply.file) ?? reply.read);
        return;
      }
      finish();
      if (reply.type === 'done') resolve(reply.data);
      else if (reply.type === 'refused') reject(new OwnDataError(reply.issues));
      else reject(new Error(reply.message));
    };
    // A worker that cannot start, or dies (out of memory), still ends in a message, never in silence.
    worker.onerror = (event) => {
      event.preventDefault();
      finish();
      reject(new Error(event.message || 'the parsing worker stopped'));
    };
    worker.postMessage(request);
  });
}

/**
 * {@link applyOwnFiles} (ownData.ts) with the reading and checking in the parsing worker: makes exactly `files` the
 * package's own data, replacing the own indicators `previous`. All or nothing: refused or cancelled, `previous`
 * stays loaded.
 */
export async function applyOwnFilesInWorker(
  db: Connector,
  files: readonly { name: string; blob: Blob }[],
  pkg: OwnPackage,
  previous: Pick<LoadedOwnData, 'indicators'> | null,
  options: { tables?: GenerationTables; onProgress?: OwnProgress; signal?: AbortSignal } = {},
): Promise<LoadedOwnData> {
  const previousIds = previous?.indicators.map((i) => i.id) ?? [];
  const prepared = await checkOwnFilesInWorker(
    {
      files: [...files],
      // Only what the check needs: plain data, cheap to clone.
      pkg: {
        areas: pkg.areas.map((a) => ({ code: a.code })),
        indicators: pkg.indicators.map((i) => ({ id: i.id })),
        periods: [...pkg.periods],
      },
      previous: previousIds,
    },
    options,
  );
  await loadPreparedOwnData(db, prepared, {
    replace: previousIds,
    ...(options.tables && { tables: options.tables }),
  });
  const { observations: _observations, ...loaded } = prepared;
  return loaded;
}
