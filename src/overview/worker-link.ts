import type { PaintJob } from './raster.js';
import type { FromWorker, ToWorker } from './worker-main.js';
import { workerSource } from './worker-source.js';
import { nextTask } from '../next-task.js';

/** The picture a paint job came back as. */
export type Painted = { readonly bitmap: ImageBitmap } | { readonly pixels: Uint32Array<ArrayBuffer>; readonly width: number; readonly height: number };

/** Where the Worker came from, for tests and the report: the sibling file, a blob: URL, or none. */
export type WorkerOrigin = 'file' | 'blob' | 'none';

/** Values copied per message: a few milliseconds each, so sending 16 million values never blocks for long. */
const CHUNK = 1 << 21;

type ScriptUrlPolicy = { createScriptURL(url: string): unknown };
let policy: ScriptUrlPolicy | null | undefined;

// Under Trusted Types a Worker's URL must be a TrustedScriptURL: a policy of our own passes only the
// two URLs made here. Where the page does not allow the name, creating it fails and no Worker starts.
function scriptUrl(url: string): string {
  const tt = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: { createScriptURL(u: string): string }): ScriptUrlPolicy } }).trustedTypes;
  if (!tt) return url;
  if (policy === undefined) {
    try {
      policy = tt.createPolicy('token-heatmap', { createScriptURL: (u) => u });
    } catch {
      policy = null;
    }
  }
  return (policy ? policy.createScriptURL(url) : url) as string;
}

/**
 * The main thread's side of the overview Worker. It starts the Worker from the sibling file
 * `token-heatmap.worker.js` (same origin, so a `script-src 'self'` policy allows it), else from a
 * blob: URL of the same program (blocked by such a policy), else reports that there is none and the
 * caller paints on the main thread. Data is sent once per identity, in chunks; paint jobs are answered
 * in order.
 */
export class WorkerLink {
  origin: WorkerOrigin = 'none';
  private _worker?: Worker | null;
  private _starting?: Promise<Worker | null>;
  private _jobs = new Map<number, { resolve: (p: Painted | null) => void }>();
  private _nextId = 1;
  private _data?: { key: unknown; id: number; sent: Promise<boolean> };

  constructor(
    /** The sibling file's URL, or null where there is none (the unbuilt sources). */
    private readonly _fileUrl: URL | null,
  ) {}

  /** The running Worker, or null when none could be started. */
  start(): Promise<Worker | null> {
    this._starting ??= (async () => {
      if (typeof Worker !== 'function') return null;
      if (this._fileUrl && (await this._try(() => new Worker(scriptUrl(this._fileUrl!.href), { type: 'module', name: 'token-heatmap overview' }), 'file'))) return this._worker!;
      const blob = URL.createObjectURL(new Blob([workerSource()], { type: 'text/javascript' }));
      const ok = await this._try(() => new Worker(scriptUrl(blob), { name: 'token-heatmap overview' }), 'blob');
      URL.revokeObjectURL(blob);
      return ok ? this._worker! : null;
    })();
    return this._starting;
  }

  /** Starts a candidate and waits for its first message; a failed load, a policy or a throw is a no. */
  private _try(create: () => Worker, origin: WorkerOrigin): Promise<boolean> {
    let worker: Worker;
    try {
      worker = create();
    } catch {
      return Promise.resolve(false);
    }
    return new Promise((resolve) => {
      worker.onerror = (event) => {
        event.preventDefault();
        worker.terminate();
        resolve(false);
      };
      worker.onmessage = (event: MessageEvent<FromWorker>) => {
        if (event.data.type !== 'ready') return;
        worker.onerror = () => this._lost();
        worker.onmessage = (e: MessageEvent<FromWorker>) => this._receive(e.data);
        this._worker = worker;
        this.origin = origin;
        resolve(true);
      };
    });
  }

  private _receive(m: FromWorker): void {
    if (m.type === 'ready') return;
    const job = this._jobs.get(m.id);
    if (!job) return;
    this._jobs.delete(m.id);
    if (m.type === 'failed') job.resolve(null);
    else if (m.bitmap) job.resolve({ bitmap: m.bitmap });
    else job.resolve({ pixels: new Uint32Array(m.pixels!), width: m.width, height: m.height });
  }

  /** The Worker died: every waiting job is answered with null (painted on the main thread instead). */
  private _lost(): void {
    this._worker?.terminate();
    this._worker = null;
    this._starting = Promise.resolve(null);
    this.origin = 'none';
    for (const job of this._jobs.values()) job.resolve(null);
    this._jobs.clear();
  }

  /**
   * Makes `data` the Worker's values (once per `key`). A typed array on a SharedArrayBuffer is shared;
   * anything else is copied over in chunks, typed arrays by slicing, other arrays value by value.
   */
  private _send(worker: Worker, key: unknown, data: ArrayLike<number>): { id: number; sent: Promise<boolean> } {
    if (this._data && this._data.key === key) return this._data;
    const id = this._nextId++;
    const post = (m: ToWorker, transfer: Transferable[] = []) => worker.postMessage(m, transfer);
    const sent = (async () => {
      const typed = data instanceof Float64Array || data instanceof Float32Array;
      if (typed && typeof SharedArrayBuffer === 'function' && data.buffer instanceof SharedArrayBuffer) {
        post({ type: 'shared', id, values: data });
        return true;
      }
      const float64 = data instanceof Float64Array;
      post({ type: 'data', id, length: data.length, float64 });
      for (let start = 0; start < data.length; start += CHUNK) {
        const end = Math.min(data.length, start + CHUNK);
        const values = typed ? data.slice(start, end) : float64Of(data, start, end);
        post({ type: 'chunk', id, start, values }, [values.buffer]);
        if (end === data.length) break;
        await nextTask();
        // Checked after each yield only: before the first one, this send is not yet `_data`.
        if (this._data?.id !== id) return false;
      }
      return true;
    })();
    this._data = { key, id, sent };
    return this._data;
  }

  /** Paints a job in the Worker; null when there is no Worker or it failed (paint it here instead). */
  async paint(key: unknown, data: ArrayLike<number>, job: PaintJob): Promise<Painted | null> {
    const worker = await this.start();
    if (!worker || worker !== this._worker) return null;
    const { id: dataId, sent } = this._send(worker, key, data);
    if (!(await sent) || worker !== this._worker) return null;
    const id = this._nextId++;
    return new Promise((resolve) => {
      this._jobs.set(id, { resolve });
      // The job without its data (the Worker has it) and without functions (they cannot be cloned).
      const { data: _data, ...rest } = job;
      worker.postMessage({ type: 'paint', id, data: dataId, job: rest } satisfies ToWorker);
    });
  }

  /** Stops the Worker (the element left the page). */
  terminate(): void {
    this._lost();
    this._data = undefined;
    this._starting = undefined;
  }
}

/** Values [start, end) of an array-like as a Float64Array (nested input read through a flat view). */
function float64Of(data: ArrayLike<number>, start: number, end: number): Float64Array {
  const out = new Float64Array(end - start);
  for (let i = start; i < end; i++) {
    const v = data[i];
    out[i - start] = typeof v === 'number' ? v : NaN;
  }
  return out;
}
