// The overview Worker's program. It runs from the sibling file token-heatmap.worker.js (see
// overview-worker.ts) or from a blob: built from its source text (worker-source.ts), so, like the
// kernel, it references nothing but its parameters and globals.
import type { PaintJob, RasterLib } from './raster.js';

/** Messages to the Worker. */
export type ToWorker =
  | { readonly type: 'data'; readonly id: number; readonly length: number; readonly float64: boolean }
  | { readonly type: 'chunk'; readonly id: number; readonly start: number; readonly values: Float32Array | Float64Array }
  | { readonly type: 'shared'; readonly id: number; readonly values: Float32Array | Float64Array }
  | { readonly type: 'paint'; readonly id: number; readonly data: number; readonly job: PaintJob };

/** Messages from the Worker. */
export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'painted'; readonly id: number; readonly bitmap?: ImageBitmap; readonly pixels?: ArrayBuffer; readonly width: number; readonly height: number }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

/** What the program needs of its global scope. */
export interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
}

/** The kernel functions plus `paint`, reached by property so the program's source stands alone. */
export type WorkerLib = RasterLib & { readonly paint: (job: PaintJob, lib: RasterLib, pixels: Uint32Array) => void; readonly warmUp: (lib: WorkerLib) => void };

/** Installs the message handler: data arrives in chunks (or shared), paint jobs come back as bitmaps or pixels. */
export function workerMain(scope: WorkerScope, lib: WorkerLib): void {
  let dataId = -1;
  let values: Float32Array | Float64Array = new Float32Array(0);
  scope.onmessage = (event) => {
    const m = event.data;
    if (m.type === 'data') {
      dataId = m.id;
      values = m.float64 ? new Float64Array(m.length) : new Float32Array(m.length);
    } else if (m.type === 'chunk') {
      if (m.id === dataId) values.set(m.values, m.start);
    } else if (m.type === 'shared') {
      dataId = m.id;
      values = m.values;
    } else if (m.type === 'paint') {
      try {
        if (m.data !== dataId) throw new Error('stale data');
        const { width, height } = m.job;
        const pixels = new Uint32Array(width * height);
        lib.paint({ ...m.job, data: values }, lib, pixels);
        if (typeof OffscreenCanvas === 'function' && width > 0 && height > 0) {
          const canvas = new OffscreenCanvas(width, height);
          const context = canvas.getContext('2d');
          if (context) {
            context.putImageData(new ImageData(new Uint8ClampedArray(pixels.buffer), width, height), 0, 0);
            const bitmap = canvas.transferToImageBitmap();
            scope.postMessage({ type: 'painted', id: m.id, bitmap, width, height }, [bitmap]);
            return;
          }
        }
        scope.postMessage({ type: 'painted', id: m.id, pixels: pixels.buffer, width, height }, [pixels.buffer]);
      } catch (error) {
        scope.postMessage({ type: 'failed', id: m.id, message: String(error) });
      }
    }
  };
  scope.postMessage({ type: 'ready' });
  // Compile the kernel while the data is on its way (its chunks wait in the queue).
  lib.warmUp(lib);
}
