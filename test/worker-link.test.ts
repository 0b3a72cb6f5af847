import { expect, waitUntil } from '@open-wc/testing';
import { WorkerLink } from '../src/overview/worker-link.js';
import type { PaintJob } from '../src/overview/raster.js';

/**
 * A stand-in Worker that says nothing until told: `ready()` sends its first message, `fail()` its
 * load error, `answer()` a picture for the last paint job it was sent.
 */
class HeldWorker extends EventTarget {
  static made: HeldWorker[] = [];
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  readonly sent: { type: string; id: number }[] = [];
  terminated = false;

  constructor(readonly url: string) {
    super();
    HeldWorker.made.push(this);
  }

  postMessage(message: { type: string; id: number }) {
    this.sent.push(message);
  }

  terminate() {
    this.terminated = true;
  }

  ready() {
    this.onmessage?.(new MessageEvent('message', { data: { type: 'ready' } }));
  }

  fail() {
    this.onerror?.(new Event('error', { cancelable: true }));
  }

  answer() {
    const job = this.sent.filter((m) => m.type === 'paint').at(-1)!;
    const pixels = new Uint32Array([7, 8]).buffer;
    this.onmessage?.(new MessageEvent('message', { data: { type: 'painted', id: job.id, pixels, width: 2, height: 1 } }));
  }
}

const job = { width: 2, height: 1 } as PaintJob;
/** Waits until `worker` has been sent `count` paint jobs (the values go in slices, a task each). */
const jobsSent = (worker: () => HeldWorker | undefined, count = 1) =>
  waitUntil(() => (worker()?.sent.filter((m) => m.type === 'paint').length ?? 0) >= count, 'the job was not sent');

describe('WorkerLink', () => {
  let original: typeof Worker;
  beforeEach(() => {
    original = globalThis.Worker;
    HeldWorker.made = [];
    globalThis.Worker = HeldWorker as unknown as typeof Worker;
  });
  afterEach(() => {
    globalThis.Worker = original;
  });

  it('sends the values and the job to a Worker that has not said it is ready yet', async () => {
    const link = new WorkerLink(new URL('./token-heatmap.worker.js', location.href));
    const data = new Float32Array([0.5, -0.5]);
    const painted = link.paint(data, data, job);
    await jobsSent(() => HeldWorker.made[0]);
    const [worker] = HeldWorker.made;
    expect(worker.url).to.match(/token-heatmap\.worker\.js$/);
    // Queued in the starting Worker, which reads them once its script runs: the page's long task
    // that follows does not hold the job back until the Worker's "ready" reaches the page.
    expect(worker.sent.map((m) => m.type)).to.deep.equal(['data', 'chunk', 'paint']);
    worker.ready();
    expect(link.origin).to.equal('file');
    worker.answer();
    const picture = await painted;
    expect(picture && 'pixels' in picture ? [...picture.pixels] : picture).to.deep.equal([7, 8]);
    link.terminate();
  });

  it('sends the values and the waiting job again to the next Worker when one fails to load', async () => {
    const link = new WorkerLink(new URL('./token-heatmap.worker.js', location.href));
    const data = new Float32Array([1, 2, 3]);
    const painted = link.paint(data, data, job);
    await jobsSent(() => HeldWorker.made[0]);
    const [file] = HeldWorker.made;
    file.fail();
    expect(file.terminated).to.equal(true);
    await jobsSent(() => HeldWorker.made[1]);
    const blob = HeldWorker.made[1];
    expect(blob.url).to.match(/^blob:/);
    expect(blob.sent.map((m) => m.type)).to.deep.equal(['data', 'chunk', 'paint']);
    blob.ready();
    expect(link.origin).to.equal('blob');
    blob.answer();
    expect(await painted).to.not.equal(null);
    // The values stay with that Worker: the next job is sent alone.
    const again = link.paint(data, data, job);
    await jobsSent(() => blob, 2);
    expect(blob.sent.map((m) => m.type)).to.deep.equal(['data', 'chunk', 'paint', 'paint']);
    blob.answer();
    expect(await again).to.not.equal(null);
    link.terminate();
  });

  it('sends values preloaded ahead of any job again to the next Worker when one fails after they arrived', async () => {
    const link = new WorkerLink(new URL('./token-heatmap.worker.js', location.href));
    const data = new Float32Array([1, 2, 3]);
    expect(link.holds(data, data)).to.equal(false);
    const preloaded = link.preload(data, data);
    await waitUntil(() => HeldWorker.made[0]?.sent.some((m) => m.type === 'chunk'), 'the values were not sent');
    const [file] = HeldWorker.made;
    // All there before the file Worker reports that it failed to load.
    await waitUntil(() => link.holds(data, data), 'the link does not know the values arrived');
    file.fail();
    expect(link.holds(data, data)).to.equal(false);
    const blob = HeldWorker.made[1];
    expect(blob.url).to.match(/^blob:/);
    await waitUntil(() => blob.sent.some((m) => m.type === 'chunk'), 'the values were not sent again');
    expect(await preloaded).to.equal(true);
    expect(link.holds(data, data)).to.equal(true);
    blob.ready();
    // The next job goes alone: the values are there.
    const painted = link.paint(data, data, job);
    await jobsSent(() => blob);
    expect(blob.sent.map((m) => m.type)).to.deep.equal(['data', 'chunk', 'paint']);
    blob.answer();
    expect(await painted).to.not.equal(null);
    link.terminate();
  });

  it('answers null, so the page paints, once no Worker can load', async () => {
    const link = new WorkerLink(new URL('./token-heatmap.worker.js', location.href));
    const data = new Float32Array([1]);
    const painted = link.paint(data, data, job);
    await jobsSent(() => HeldWorker.made[0]);
    HeldWorker.made[0].fail();
    await jobsSent(() => HeldWorker.made[1]);
    HeldWorker.made[1].fail();
    expect(await painted).to.equal(null);
    expect(link.origin).to.equal('none');
    expect(await link.paint(data, data, job)).to.equal(null);
  });
});
