/** Runs the naive coverage in a worker thread so the benchmark can stop it after a time limit. */
import { parentPort, workerData } from 'node:worker_threads';
import { naiveCoverage } from './naive.ts';

const t0 = performance.now();
const share = naiveCoverage(workerData.region, workerData.parks);
parentPort?.postMessage({ ms: performance.now() - t0, share });
