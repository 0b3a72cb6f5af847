// The overview Worker's file and its start, in the core: values of more than a million cells start the
// Worker as soon as they are set, while the zoom feature that paints with it is still loading. A new
// Worker needs the page's thread free for a while before its script runs (about 40–60 ms here, in
// Chromium 156), and the first update of such a matrix is a long task: started by the zoom feature,
// the Worker often came up only after that update; started here, it comes up while the page scans
// the values in slices, and the zoom feature adopts it (WorkerLink).

/** Above this many cells the overview is painted in a Worker, so the page stays responsive. */
export const WORKER_THRESHOLD = 1_000_000;

// This script's URL, read as it loads (the classic builds turn it into document.currentScript's,
// which exists only then).
const HERE: string | undefined = import.meta.url;

/**
 * The Worker file beside the build (token-heatmap.worker.js). None for the unbuilt sources (their URL
 * ends in .ts) or a script with no hierarchical URL (a notebook's blob: or data: module).
 */
export function workerFileUrl(): URL | null {
  try {
    return !HERE || HERE.endsWith('.ts') ? null : new URL('./token-heatmap.worker.js', HERE);
  } catch {
    return null;
  }
}

type ScriptUrlPolicy = { createScriptURL(url: string): unknown };
let policy: ScriptUrlPolicy | null | undefined;

// Under Trusted Types a Worker's URL must be a TrustedScriptURL: a policy of our own passes only the
// URLs made for the Worker. Where the page does not allow the name, creating it fails and no Worker starts.
export function scriptUrl(url: string): string {
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

/** A Worker started ahead, until a painter adopts it: whether it has said it is ready, or failed to load. */
export interface EarlyWorker {
  readonly worker: Worker;
  ready: boolean;
  failed: boolean;
}

let early: EarlyWorker | undefined;

/** Not adopted within this time (the element left, the matrix was never painted), it is stopped. */
const UNADOPTED_MS = 10_000;

/** Starts the overview Worker from its file ahead of the zoom feature, unless one so started waits. */
export function startWorkerEarly(): void {
  const url = early || typeof Worker !== 'function' ? null : workerFileUrl();
  if (!url) return;
  let worker: Worker;
  try {
    worker = new Worker(scriptUrl(url.href), { type: 'module', name: 'token-heatmap overview' });
  } catch {
    // A policy, or a script from another origin: the zoom feature tries a blob: Worker instead.
    return;
  }
  const started: EarlyWorker = (early = { worker, ready: false, failed: false });
  worker.onmessage = (event: MessageEvent<{ type?: string }>) => void (event.data?.type === 'ready' && (started.ready = true));
  worker.onerror = (event) => {
    event.preventDefault();
    started.failed = true;
  };
  setTimeout(() => {
    if (early !== started) return;
    early = undefined;
    worker.terminate();
  }, UNADOPTED_MS);
}

/** The Worker started ahead, for the first painter that starts one; undefined when none waits. */
export function takeEarlyWorker(): EarlyWorker | undefined {
  const taken = early;
  early = undefined;
  return taken;
}
