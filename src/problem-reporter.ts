import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { HeatmapErrorEvent } from './events.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Says what was wrong with the input, once per change: the element shows `problems` in its
 * `role="alert"` message; after the render that shows them, each is written to the console and an
 * `error` event carries them all. A problem found only while drawing (a colour the interpolator
 * got wrong for one cell) asks for one more render, which lists it.
 */
export class ProblemReporter implements ReactiveController {
  /** The problems of the render in progress, as willUpdate found them. */
  problems: readonly string[] = [];
  private _reported = '';

  constructor(
    private readonly _host: Host,
    /** A problem found while rendering, or undefined. */
    private readonly _foundWhileDrawing: () => string | undefined,
  ) {
    _host.addController(this);
  }

  hostUpdated(): void {
    const late = this._foundWhileDrawing();
    if (late && !this.problems.includes(late)) {
      // Reported with the render this asks for, which willUpdate gives the new problem.
      this._host.requestUpdate();
      return;
    }
    const report = this.problems.join('\n');
    if (report === this._reported) return;
    this._reported = report;
    if (!report) return;
    for (const p of this.problems) console.warn(`<token-heatmap>: ${p}`);
    this._host.dispatchEvent(new HeatmapErrorEvent(report, this.problems));
  }
}
