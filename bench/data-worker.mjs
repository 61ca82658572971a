// Worker-thread entry: Node 20 does not pass tsx's loader on to workers, so load the TypeScript module through tsx's API.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);
