/**
 * The parsing worker of own data: reads the chosen files in pieces (so a file of 200 MB never blocks the page),
 * checks them against the package and sends back the indicators and the observations as staging CSV bytes
 * (transferred, not copied). Started per upload by ownDataClient.ts, which ends it when the user cancels.
 */
/// <reference lib="webworker" />

import { checkOwnFiles, type OwnPackage, observationsCsv } from './ownData.ts';
import type { OwnWorkerReply, OwnWorkerRequest } from './ownDataClient.ts';
import { OwnDataError } from './ownDataError.ts';
import { blobChunks } from './ownDataParse.ts';

declare const self: DedicatedWorkerGlobalScope;

const post = (reply: OwnWorkerReply, transfer: Transferable[] = []) => self.postMessage(reply, transfer);

self.onmessage = async (event: MessageEvent<OwnWorkerRequest>) => {
  const { files, pkg, previous } = event.data;
  try {
    const sources = files.map((f) => ({ name: f.name, size: f.blob.size, chunks: blobChunks(f.blob) }));
    const data = await checkOwnFiles(sources, pkg as OwnPackage, previous, (file, read) =>
      post({ type: 'progress', file, read }),
    );
    const observations = new TextEncoder().encode(observationsCsv(data.observations));
    post({ type: 'done', data: { ...data, observations } }, [observations.buffer]);
  } catch (error) {
    if (error instanceof OwnDataError) post({ type: 'refused', issues: error.issues });
    else post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
