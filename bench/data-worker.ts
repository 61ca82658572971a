/** Makes the chunks bench/data.ts asks for (see generateAll). */
import { parentPort, workerData } from 'node:worker_threads';
import { firstIdOfYears, generateChunk, type GeneratorOptions } from './data';

const options = workerData.options as GeneratorOptions;
const firstIds = firstIdOfYears(options);
// One JSON string crosses the thread boundary much faster than a structured clone of a million small arrays.
parentPort!.on('message', (chunk: number) => parentPort!.postMessage(JSON.stringify(generateChunk(options, chunk, firstIds))));
