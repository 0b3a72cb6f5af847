import { isServer } from 'lit';
import { paint, RASTER, rowsOuter, warmUp, type PaintJob } from './raster.js';
import { WorkerLink, type Painted, type WorkerOrigin } from './worker-link.js';
import { nextTask } from '../next-task.js';
import { WORKER_THRESHOLD, workerFileUrl } from './worker-start.js';

/** About how long (ms) each slice of a picture painted here in slices takes: a frame's work still fits beside it. */
const SLICE_MS = 8;

/**
 * The rows of the next slice, from the last one's (`rows` in `spent` ms): about SLICE_MS of them, at
 * most twice as many, so a slow stretch of the matrix, or code not optimised yet, keeps it short.
 */
function nextSliceRows(rows: number, spent: number): number {
  return Math.max(1, Math.min(2 * rows, Math.floor((rows * SLICE_MS) / Math.max(spent, 0.05))));
}

let warmed = false;

/** Compiles the kernel on the main thread, once a page (see warmUp). */
function warmKernel(): void {
  if (warmed) return;
  warmed = true;
  warmUp({ ...RASTER, paint });
}

/** The idle warm-up waiting to run, if any. */
let waiting: { readonly cancel: () => void; readonly also: () => void } | undefined;

/** Cancels the idle warm-up, if one is waiting. */
function cancelIdleWarmUp(): void {
  waiting?.cancel();
  waiting = undefined;
}

/** Warms the kernel (warmKernel) in the page's first idle time, and runs `also` then. */
export function warmUpKernel(also: () => void = () => {}): void {
  if (warmed || isServer || typeof document === 'undefined') return;
  cancelIdleWarmUp();
  const run = () => {
    waiting = undefined;
    also();
    warmKernel();
  };
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout: 2000 });
    waiting = { cancel: () => cancelIdleCallback(handle), also };
  } else {
    const handle = setTimeout(run, 200);
    waiting = { cancel: () => clearTimeout(handle), also };
  }
}

/**
 * Holds back the waiting idle warm-up, for work that needs a long idle period first (the minimap a
 * first zoom-in will show): queued before it, the warm-up would take that period (in Firefox most
 * of it). The returned function queues the warm-up again.
 */
export function holdIdleWarmUp(): () => void {
  const held = waiting;
  if (!held) return () => {};
  cancelIdleWarmUp();
  return () => warmUpKernel(held.also);
}

/**
 * What the overview reads of the displayed matrix: its shape and values, in place. Display cell
 * (r, c) is `data[offset + r * rowStride + c * columnStride]` when there is a `data` array (the
 * caller's typed array itself: a transposed view only swaps the strides), else `at(r, c)`. NaN is missing.
 */
export interface OverviewSource {
  readonly rows: number;
  readonly columns: number;
  readonly data?: ArrayLike<number>;
  readonly offset?: number;
  readonly rowStride?: number;
  readonly columnStride?: number;
  /** Nested rows read in place (the caller's `number[][]`): display (r, c) is `rowArrays[r][c]`, or `[c][r]` when `transposed`. */
  readonly rowArrays?: ArrayLike<ArrayLike<unknown> | null | undefined>;
  readonly transposed?: boolean;
  /**
   * The value at a display cell (NaN where missing), read once per key into a Float32Array when there
   * is neither `data` nor `rowArrays` (grouped or normalised values), or when `rowArrays` throw.
   */
  readonly at?: (row: number, column: number) => number;
  /** Changes exactly when the values do (the data array or the model): the Worker's copy is keyed by it. */
  readonly key: unknown;
}

/** A paint job for a canvas: everything but the source. */
export type CanvasJob = Omit<PaintJob, 'rows' | 'columns' | 'data' | 'offset' | 'rowStride' | 'columnStride' | 'rowArrays' | 'transposed'>;

interface Target {
  /** A job is being painted (in the Worker); `next` waits behind it, only the newest kept. */
  busy: boolean;
  /** Painted here while a Worker job was out: that job's picture is older, and dropped. */
  overtaken?: boolean;
  next?: { source: OverviewSource; job: CanvasJob };
  image?: ImageData;
  done?: Promise<void>;
  resolveDone?: () => void;
}

/**
 * Paints overview jobs into canvases: here, synchronously, up to WORKER_THRESHOLD cells, in the
 * Worker above it (falling back to here where there is none). Per canvas only the newest waiting
 * job is kept, and `settled()` resolves once every canvas shows its newest job.
 */
export class OverviewPainter {
  private readonly _targets = new Map<HTMLCanvasElement, Target>();
  private _link?: WorkerLink;
  private _flat?: { key: unknown; data: Float32Array };
  /** The flat copy being made a slice of rows per task (flatInSlices), if one is. */
  private _flattening?: { readonly key: unknown; data?: Promise<ArrayLike<number> | null> };
  /** The values of the last picture painted here in slices, on their way to the Worker. */
  private _handedOver?: Promise<boolean>;
  /** Sources whose rows threw when read in place: read through `at`. */
  private readonly _unsafe = new WeakSet<OverviewSource>();

  constructor(private readonly _useWorker: (cells: number) => boolean = (cells) => cells > WORKER_THRESHOLD) {}

  /** Where the last picture was painted: in the Worker, or here (small sources, or no Worker). */
  lastPaintedIn: 'worker' | 'here' | 'none' = 'none';

  /** Where the Worker was started from ('none' before one is needed, or where none could start). */
  get workerOrigin(): WorkerOrigin {
    return this._link?.origin ?? 'none';
  }

  /** Whether this source's pictures are painted here, on the page (not in the Worker). */
  paintsHere(source: OverviewSource): boolean {
    return !this._paintsInWorker(source.rows * source.columns);
  }

  /** Whether pictures of `cells` cells are painted in the Worker (where one can run). */
  private _paintsInWorker(cells: number): boolean {
    return this._useWorker(cells) && typeof Worker === 'function';
  }

  /**
   * Starts the Worker that pictures of `cells` cells will be painted in, ahead of the first job: it
   * loads and compiles its kernel while the element renders, instead of after it.
   */
  startWorker(cells: number): void {
    if (!this._paintsInWorker(cells)) return;
    this._link ??= new WorkerLink(workerFileUrl());
    this._link.start();
  }

  /** Paints `job` of `source` into `canvas` (resized to the job), now or as soon as the canvas is free. */
  paint(canvas: HTMLCanvasElement, source: OverviewSource, job: CanvasJob): void {
    let target = this._targets.get(canvas);
    if (!target) this._targets.set(canvas, (target = { busy: false }));
    if (this.paintsHere(source)) {
      target.next = undefined;
      target.overtaken = target.busy;
      this._paintHere(canvas, target, source, job);
      if (!target.busy) this._finish(target);
      return;
    }
    // The Worker paints this source's pictures, with a kernel warmed in the Worker: warming one here
    // in the next idle time (about 15–30 ms) would only hold up the values' slices on their way to it.
    cancelIdleWarmUp();
    target.next = { source, job };
    target.done ??= new Promise((resolve) => (target.resolveDone = resolve));
    if (!target.busy) void this._drain(canvas, target);
  }

  /** Resolves when every canvas shows the newest job it was given. */
  async settled(): Promise<void> {
    for (;;) {
      const waiting = [...this._targets.values()].map((t) => t.done).filter(Boolean);
      if (!waiting.length) return;
      await Promise.all(waiting);
    }
  }

  /** Forgets a canvas that left the page. */
  forget(canvas: HTMLCanvasElement): void {
    const target = this._targets.get(canvas);
    if (target) this._finish(target);
    this._targets.delete(canvas);
  }

  /** Stops the Worker. */
  disconnect(): void {
    for (const target of this._targets.values()) this._finish(target);
    this._targets.clear();
    this._link?.terminate();
    this._flat = this._flattening = undefined;
  }

  private async _drain(canvas: HTMLCanvasElement, target: Target): Promise<void> {
    target.busy = true;
    while (target.next) {
      const { source, job } = target.next;
      target.next = undefined;
      target.overtaken = false;
      this._link ??= new WorkerLink(workerFileUrl());
      const here = this._slicesHere(source, job);
      let painted: Painted | null;
      if (here) {
        painted = await this._paintInSlices(canvas, source, job);
      } else {
        const data = await this._flatInSlices(source);
        // (A canvas that left the page meanwhile starts no Worker again.)
        painted = data && this._targets.has(canvas) ? await this._link.paint(source.key, data, { ...job, ...layout(source, data) }) : null;
      }
      const gone = !this._targets.has(canvas);
      // Dropped: painted here meanwhile, or a newer job of another size waits (this one would flash at the wrong size).
      // (Read again after the await: TypeScript still holds it to the undefined set above.)
      const waiting = target.next as Target['next'];
      const dropped = gone || target.overtaken || (waiting && (waiting.job.width !== job.width || waiting.job.height !== job.height));
      if (painted && dropped && 'bitmap' in painted) painted.bitmap.close();
      if (gone) break;
      if (dropped) continue;
      if (!painted) {
        // Given up for newer values (their job waits): painting this one here would only be replaced.
        if (!target.next) this._paintHere(canvas, target, source, job);
        continue;
      }
      size(canvas, job.width, job.height);
      this.lastPaintedIn = here ? 'here' : 'worker';
      const context = canvas.getContext('2d');
      if ('bitmap' in painted) {
        context?.clearRect(0, 0, job.width, job.height);
        context?.drawImage(painted.bitmap, 0, 0);
        painted.bitmap.close();
      } else if (context) {
        context.putImageData(new ImageData(new Uint8ClampedArray(painted.pixels.buffer), painted.width, painted.height), 0, 0);
      }
      // The values go to the Worker now, in slices, for the pictures after this one.
      if (here) this._handedOver = this._handOver(canvas, source);
    }
    target.busy = false;
    this._finish(target);
  }

  /**
   * Whether a Worker-sized job is painted here, in slices: while the Worker does not hold the values
   * yet. Copying sixteen million values over costs the page about as long as painting them here
   * (each is a few ms a slice), and the Worker would paint only after the copy; so the first picture
   * of new values is painted here, and the values are copied over after it for the pictures that
   * follow (zoom and pan). A job painted on its side (a transposed view) cannot be sliced: the Worker.
   */
  private _slicesHere(source: OverviewSource, job: CanvasJob): boolean {
    if (this._link?.holds(source.key, source.data)) return false;
    // Values read through `at` are painted from their flat copy, row-major (not made yet: asking would make it here at once).
    return this._readsFlat(source) || rowsOuter({ ...job, ...readFrom(source, source.data) });
  }

  /** Sends a source's values to the Worker (flattened in slices first, if they are nested or read through `at`), unless the canvas left the page meanwhile. */
  private async _handOver(canvas: HTMLCanvasElement, source: OverviewSource): Promise<boolean> {
    const data = await this._flatInSlices(source);
    return !!data && this._targets.has(canvas) && !!this._link && this._link.preload(source.key, data);
  }

  /** Resolves when the values of the last picture painted here in slices are in the Worker (false if they never got there); for tests. */
  valuesHandedOver(): Promise<boolean> {
    return this._handedOver ?? Promise.resolve(false);
  }

  /**
   * Paints a job here a slice of pixel rows at a time, about SLICE_MS each, in tasks of their own:
   * input and frames run between them. Null for an empty picture or a canvas that left the page meanwhile.
   */
  private async _paintInSlices(canvas: HTMLCanvasElement, source: OverviewSource, job: CanvasJob): Promise<Painted | null> {
    const { width, height } = job;
    if (width <= 0 || height <= 0 || typeof ImageData === 'undefined') return null;
    // Values read through `at` are flattened first, also in slices: not all at once in the first slice.
    if (this._readsFlat(source)) {
      await this._flatInSlices(source);
      if (!this._targets.has(canvas)) return null;
    }
    // The first slice too in a task of its own: not added to the update that asked for the picture.
    await nextTask();
    if (!this._targets.has(canvas)) return null;
    const pixels = new Uint32Array(width * height);
    let rows = 4;
    for (let from = 0; from < height; ) {
      const start = performance.now();
      const to = Math.min(height, from + rows);
      this._paintPixels(pixels, source, job, from, to);
      rows = nextSliceRows(to - from, performance.now() - start);
      from = to;
      if (from < height) {
        await nextTask();
        if (!this._targets.has(canvas)) return null;
      }
    }
    return { pixels, width, height };
  }

  /** Whether a Worker job for this canvas is out (a picture shown meanwhile would be overwritten by it). */
  busy(canvas: HTMLCanvasElement): boolean {
    return !!this._targets.get(canvas)?.busy;
  }

  /** A job's picture painted here, for a canvas that is not on the page yet, or to keep (see `show`). */
  prepare(source: OverviewSource, job: CanvasJob): ImageData | null {
    if (job.width <= 0 || job.height <= 0 || typeof ImageData === 'undefined') return null;
    const image = new ImageData(job.width, job.height);
    this._paintPixels(new Uint32Array(image.data.buffer), source, job);
    return image;
  }

  /** Shows a prepared picture in a canvas (resized to it). */
  show(canvas: HTMLCanvasElement, image: ImageData): void {
    this.lastPaintedIn = 'here';
    size(canvas, image.width, image.height);
    canvas.getContext('2d')?.putImageData(image, 0, 0);
  }

  private _paintHere(canvas: HTMLCanvasElement, target: Target, source: OverviewSource, job: CanvasJob): void {
    const { width, height } = job;
    size(canvas, width, height);
    const context = canvas.getContext('2d');
    if (!context || width <= 0 || height <= 0) return;
    if (!target.image || target.image.width !== width || target.image.height !== height) target.image = context.createImageData(width, height);
    const image = target.image;
    this.lastPaintedIn = 'here';
    this._paintPixels(new Uint32Array(image.data.buffer), source, job);
    context.putImageData(image, 0, 0);
  }

  /** Paints pixel rows [from, to) of a job (all by default) into `pixels`. */
  private _paintPixels(pixels: Uint32Array, source: OverviewSource, job: CanvasJob, from = 0, to = job.height): void {
    try {
      paint({ ...job, ...this.painted(source) }, RASTER, pixels, from, to);
    } catch {
      // Rows read in place that throw now (a getter that worked while the data was checked): read
      // them through the source's guarded `at` from now on.
      this._unsafe.add(source);
      paint({ ...job, ...this.painted(source) }, RASTER, pixels, from, to);
    }
  }

  private _finish(target: Target): void {
    const resolve = target.resolveDone;
    target.done = target.resolveDone = undefined;
    resolve?.();
  }

  /** A source's values as the main thread paints them (and a pointer picks among them): read in place, or flattened once when read through `at`. */
  painted(source: OverviewSource): Pick<PaintJob, 'rows' | 'columns' | 'data' | 'offset' | 'rowStride' | 'columnStride' | 'rowArrays' | 'transposed'> {
    return readFrom(source, this._readsFlat(source) ? this._flatOf(source) : source.data);
  }

  /** Whether the main thread paints a source from its flat copy: read through `at` (no array, or rows that threw). */
  private _readsFlat(source: OverviewSource): boolean {
    return !source.data && !!source.at && (!source.rowArrays || this._unsafe.has(source));
  }

  /** The values as one array for the Worker: the source's own, or (nested or read through `at`) a Float32Array in display order, made once per key. */
  private _flatOf(source: OverviewSource): ArrayLike<number> {
    if (source.data) return source.data;
    const flat = this._flat;
    if (flat && flat.key === source.key) return flat.data;
    const data = new Float32Array(source.rows * source.columns).fill(NaN);
    flattenRows(source, data, 0, source.rows);
    this._flat = { key: source.key, data };
    return data;
  }

  /**
   * `_flatOf`, made a slice of rows per task of about SLICE_MS when it is not made yet: sixteen
   * million values read through nested rows or `at` take over 100 ms, too long for one task. Null
   * when it was given up: newer values are being flattened, or the painter was disconnected.
   */
  private _flatInSlices(source: OverviewSource): Promise<ArrayLike<number> | null> | ArrayLike<number> {
    if (source.data) return source.data;
    const { key, rows, columns } = source;
    const made = this._flat;
    if (made && made.key === key) return made.data;
    const pending = this._flattening;
    if (pending && pending.key === key && pending.data) return pending.data;
    const flattening: NonNullable<OverviewPainter['_flattening']> = (this._flattening = { key });
    flattening.data = (async () => {
      const data = new Float32Array(rows * columns).fill(NaN);
      let step = Math.max(1, Math.floor(65536 / Math.max(1, columns)));
      for (let r = 0; r < rows; ) {
        const start = performance.now();
        const end = Math.min(rows, r + step);
        flattenRows(source, data, r, end);
        step = nextSliceRows(end - r, performance.now() - start);
        r = end;
        if (r < rows) await nextTask();
        // Made at once meanwhile (_flatOf): that copy. Newer values took over, or the painter was disconnected: none.
        const now = this._flat;
        if (now && now.key === key) {
          if (this._flattening === flattening) this._flattening = undefined;
          return now.data;
        }
        if (this._flattening !== flattening) return null;
      }
      this._flat = { key, data };
      this._flattening = undefined;
      return data;
    })();
    return flattening.data;
  }
}

/** Display rows [from, to) of a source read through `at` (or its nested rows) into `data`, row-major. */
function flattenRows(source: OverviewSource, data: Float32Array, from: number, to: number): void {
  const at = source.at ?? (source.rowArrays && nestedReader(source.rowArrays, !!source.transposed));
  if (!at) return;
  const columns = source.columns;
  for (let r = from; r < to; r++) for (let c = 0; c < columns; c++) data[r * columns + c] = at(r, c);
}

function nestedReader(rows: ArrayLike<ArrayLike<unknown> | null | undefined>, transposed: boolean): (r: number, c: number) => number {
  return (r, c) => {
    const row = rows[transposed ? c : r];
    const v = row ? row[transposed ? r : c] : undefined;
    return typeof v === 'number' ? v : NaN;
  };
}

/** The value fields of a job for a source painted from `data` (its own, or its flat copy), else from its nested rows. */
function readFrom(source: OverviewSource, data: ArrayLike<number> | undefined): Pick<PaintJob, 'rows' | 'columns' | 'data' | 'offset' | 'rowStride' | 'columnStride' | 'rowArrays' | 'transposed'> {
  return { ...layout(source, data), rowArrays: data ? undefined : source.rowArrays, transposed: source.transposed };
}

/** The layout fields of a job for a source (row-major over `data` when the source reads through `at`). */
function layout(source: OverviewSource, data: ArrayLike<number> | undefined) {
  const own = data === source.data;
  return {
    rows: source.rows,
    columns: source.columns,
    data,
    offset: own ? source.offset : 0,
    rowStride: own ? source.rowStride : source.columns,
    columnStride: own ? source.columnStride : 1,
  };
}

function size(canvas: HTMLCanvasElement, width: number, height: number): void {
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
}
