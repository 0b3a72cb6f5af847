import type { PaintJob } from './raster.js';
import type { FromWorker, ToWorker } from './worker-main.js';
import { workerSource } from './worker-source.js';
import { nextTask } from '../next-task.js';
import { scriptUrl, takeEarlyWorker, type EarlyWorker } from './worker-start.js';

/** The picture a paint job came back as. */
export type Painted = { readonly bitmap: ImageBitmap } | { readonly pixels: Uint32Array<ArrayBuffer>; readonly width: number; readonly height: number };

/** Where the Worker came from, for tests and the report: the sibling file, a blob: URL, or none. */
export type WorkerOrigin = 'file' | 'blob' | 'none';

/** Values copied per message: a few milliseconds each, so sending 16 million values never blocks for long. */
const CHUNK = 1 << 21;

/** A paint job waiting for its picture: sent again, with its data, to the next Worker if this one fails to load. */
interface PendingJob {
  readonly key: unknown;
  readonly data: ArrayLike<number>;
  readonly job: PaintJob;
  readonly resolve: (painted: Painted | null) => void;
}

/**
 * The main thread's side of the overview Worker. It starts the Worker from the sibling file
 * `token-heatmap.worker.js` (same origin, so a `script-src 'self'` policy allows it), else from a
 * blob: URL of the same program (blocked by such a policy), else reports that there is none and the
 * caller paints on the main thread. Data is sent once per identity, in chunks; paint jobs are answered
 * in order. Messages go to a Worker as soon as it is created, not once it has said it is ready: that
 * message reaches the page only after the page's current task, and the first update of a large
 * matrix is a long one, while the Worker could already be painting. A Worker that fails to load gets
 * its data and jobs sent to the next candidate.
 */
export class WorkerLink {
  origin: WorkerOrigin = 'none';
  /** Where messages go: the Worker being started or started; null when none can start; undefined before start(). */
  private _worker?: Worker | null;
  /** The candidates not tried yet. */
  private _candidates: { create: () => Worker; origin: WorkerOrigin; early?: EarlyWorker }[] = [];
  private _jobs = new Map<number, PendingJob>();
  private _nextId = 1;
  /** The values last sent, to which Worker, and whether they have all arrived. */
  private _data?: { key: unknown; data: ArrayLike<number>; worker: Worker; id: number; sent: Promise<boolean>; arrived: boolean };

  constructor(
    /** The sibling file's URL, or null where there is none (the unbuilt sources). */
    private readonly _fileUrl: URL | null,
  ) {}

  /** Starts the Worker (once): its script loads while the page works on. */
  start(): void {
    if (this._worker !== undefined) return;
    if (typeof Worker !== 'function') {
      this._worker = null;
      return;
    }
    const file = this._fileUrl;
    // The file's Worker, started ahead when the values were set (worker-start.ts), or now.
    const early = file ? takeEarlyWorker() : undefined;
    if (file) this._candidates.push({ create: () => early?.worker ?? new Worker(scriptUrl(file.href), { type: 'module', name: 'token-heatmap overview' }), origin: 'file', early });
    this._candidates.push({
      create: () => {
        const blob = URL.createObjectURL(new Blob([workerSource()], { type: 'text/javascript' }));
        try {
          return new Worker(scriptUrl(blob), { name: 'token-heatmap overview' });
        } finally {
          // The Worker has fetched nothing yet, but revoking now is allowed: the fetch resolves the URL as created.
          URL.revokeObjectURL(blob);
        }
      },
      origin: 'blob',
    });
    this._launch();
  }

  /**
   * Creates the next candidate and sends it the values last sent and the jobs still waiting; with
   * none left, the jobs are answered null.
   */
  private _launch(): void {
    const last = this._data;
    this._data = undefined;
    for (;;) {
      const candidate = this._candidates.shift();
      if (!candidate) {
        this._worker = null;
        this.origin = 'none';
        this._answerAll();
        return;
      }
      let worker: Worker;
      try {
        worker = candidate.create();
      } catch {
        continue;
      }
      if (candidate.early?.failed) {
        worker.terminate();
        continue;
      }
      this._worker = worker;
      const ready = () => {
        this.origin = candidate.origin;
        worker.onerror = () => this._worker === worker && this._lost();
      };
      // A failed load, a policy or a throw before the first message: the next candidate.
      worker.onerror = (event) => {
        event.preventDefault();
        worker.terminate();
        if (this._worker === worker) this._launch();
      };
      worker.onmessage = (event: MessageEvent<FromWorker>) => (event.data.type === 'ready' ? ready() : this._receive(event.data));
      if (candidate.early?.ready) ready();
      // Values sent ahead of any job (preload) may have arrived in full at a Worker that failed only then.
      if (last) this._send(worker, last.key, last.data);
      for (const [id, pending] of this._jobs) void this._post(worker, id, pending);
      return;
    }
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
    this._candidates = [];
    this._data = undefined;
    this.origin = 'none';
    this._answerAll();
  }

  private _answerAll(): void {
    for (const job of this._jobs.values()) job.resolve(null);
    this._jobs.clear();
  }

  /**
   * Makes `data` the Worker's values (once per `key` and Worker). A typed array on a SharedArrayBuffer
   * is shared; anything else is copied over in chunks, typed arrays by slicing, other arrays value by value.
   */
  private _send(worker: Worker, key: unknown, data: ArrayLike<number>): { id: number; sent: Promise<boolean> } {
    if (this._data && this._data.key === key && this._data.worker === worker) return this._data;
    const id = this._nextId++;
    const post = (m: ToWorker, transfer: Transferable[] = []) => worker.postMessage(m, transfer);
    const sent = (async () => {
      if (shared(data)) {
        post({ type: 'shared', id, values: data });
        return true;
      }
      const typed = data instanceof Float64Array || data instanceof Float32Array;
      const float64 = data instanceof Float64Array;
      post({ type: 'data', id, length: data.length, float64 });
      for (let start = 0; start < data.length; start += CHUNK) {
        // Each slice in a task of its own, the first too: it is not added to the update that asked
        // for the picture, which is a long task already for a matrix this large.
        await nextTask();
        if (this._data?.id !== id) return false;
        const end = Math.min(data.length, start + CHUNK);
        const values = typed ? data.slice(start, end) : float64Of(data, start, end);
        post({ type: 'chunk', id, start, values }, [values.buffer]);
      }
      return true;
    })();
    const sending: NonNullable<WorkerLink['_data']> = (this._data = { key, data, worker, id, sent, arrived: false });
    void sent.then((ok) => (sending.arrived = ok));
    return sending;
  }

  /**
   * Whether a job of `key`'s values would be painted in the Worker without waiting for their copy:
   * they were sent to it in full, or it is up and reads them in place from shared memory.
   */
  holds(key: unknown, data: ArrayLike<number> | undefined): boolean {
    const worker = this._worker;
    if (!worker) return false;
    if (data && shared(data)) return this.origin !== 'none';
    const sent = this._data;
    return !!sent && sent.key === key && sent.worker === worker && sent.arrived;
  }

  /**
   * Sends `key`'s values to the Worker ahead of any job (in slices, each in a task of its own).
   * Resolves true once they are there (in the next candidate, if the Worker fails to load), false
   * if they never get there: no Worker, or newer values took it over.
   */
  async preload(key: unknown, data: ArrayLike<number>): Promise<boolean> {
    this.start();
    for (;;) {
      const worker = this._worker;
      if (!worker) return false;
      const ok = await this._send(worker, key, data).sent;
      if (worker === this._worker) return ok && this._data?.key === key;
      // That Worker failed to load: its successor was sent the values (_launch); wait for them there.
    }
  }

  /** Sends one job (with its data, if this Worker lacks it) to `worker`. */
  private async _post(worker: Worker, id: number, pending: PendingJob): Promise<void> {
    const { id: dataId, sent } = this._send(worker, pending.key, pending.data);
    const ok = await sent;
    // Answered meanwhile, or sent again to the next Worker (this one failed to load).
    if (worker !== this._worker || this._jobs.get(id) !== pending) return;
    // Newer data took the Worker over before this job's had arrived: painted here instead.
    if (!ok) {
      this._jobs.delete(id);
      return pending.resolve(null);
    }
    // The job without its data (the Worker has it) and without functions (they cannot be cloned).
    const { data: _data, ...rest } = pending.job;
    worker.postMessage({ type: 'paint', id, data: dataId, job: rest } satisfies ToWorker);
  }

  /** Paints a job in the Worker; null when there is no Worker or it failed (paint it here instead). */
  paint(key: unknown, data: ArrayLike<number>, job: PaintJob): Promise<Painted | null> {
    this.start();
    const worker = this._worker;
    if (!worker) return Promise.resolve(null);
    const id = this._nextId++;
    return new Promise((resolve) => {
      const pending: PendingJob = { key, data, job, resolve };
      this._jobs.set(id, pending);
      void this._post(worker, id, pending);
    });
  }

  /** Stops the Worker (the element left the page); a later paint starts a new one. */
  terminate(): void {
    this._lost();
    this._worker = undefined;
  }
}

/** A typed array on a SharedArrayBuffer: the Worker reads it in place. */
function shared(data: ArrayLike<number>): data is Float32Array | Float64Array {
  return (data instanceof Float64Array || data instanceof Float32Array) && typeof SharedArrayBuffer === 'function' && data.buffer instanceof SharedArrayBuffer;
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
