// Entry of dist/token-heatmap.worker.js, the overview's Worker as a file of its own next to the
// builds: created from 'self', it works under a strict `script-src 'self'` policy.
import { paint, RASTER, warmUp } from './raster.js';
import { workerMain, type WorkerScope } from './worker-main.js';

workerMain(self as unknown as WorkerScope, { ...RASTER, paint, warmUp });
