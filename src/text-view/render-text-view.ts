import { html, isServer, noChange, nothing, type TemplateResult } from 'lit';
import { Directive, directive, type ChildPart } from 'lit/directive.js';
import { cssText } from '../css-text.js';
import { formatValue } from '../format.js';
import type { CellColors } from '../grid/cell-colors.js';
import { renderLabel } from '../grid/render-label.js';
import { clampSide, type Domain } from '../scale.js';
import type { Interpolator } from '../schemes.js';
import { renderStepChips, stepValueAt, type StepView } from '../step-scores/render-step-scores.js';
import { spokenToken } from '../tokens.js';
import type { DisplayModel } from '../view/display-model.js';
import { outputName, splitShare, type TextPlan, type TokenText } from './text-plan.js';

/** Everything the text view's templates read. */
export interface TextView {
  readonly model: DisplayModel;
  readonly plan: TextPlan;
  /** The current output entry, or -1 when there are no outputs. */
  readonly output: number;
  /** The shown entry (index into plan.entries) holding the tab stop. */
  readonly active: number;
  /** The shown entry of the selected cell when it lies in the current output, else -1. */
  readonly selected: number;
  readonly colors: CellColors;
  readonly interpolate: Interpolator;
  readonly domain: Domain;
  readonly decimals: number;
  /** The colour bar's title, which names what the colours mean. */
  readonly label: string;
  readonly steps: StepView;
  readonly listeners: TextViewListeners;
}

export interface TextViewListeners {
  readonly keydown: (event: KeyboardEvent) => void;
  readonly pointerover: (event: PointerEvent) => void;
  readonly pointerleave: () => void;
  readonly click: (event: MouseEvent) => void;
  readonly focusin: (event: FocusEvent) => void;
  readonly focusout: (event: FocusEvent) => void;
  /** The output switcher's buttons and keys. */
  readonly headingClick: (event: MouseEvent) => void;
  readonly headingKeydown: (event: KeyboardEvent) => void;
}

/** The text view: the output switcher, then the row tokens as running text coloured for that output. */
export function renderTextView(v: TextView): TemplateResult {
  const { outputs } = v.model;
  const o = v.output;
  const name = o >= 0 ? outputName(outputs, o) : '';
  const hasTarget = v.plan.targetEnd > 0;
  const l = v.listeners;
  const { blocks } = v.plan;
  const lines: TemplateResult[] = [];
  // The text body has tabindex -1: Firefox would make the scrolling box a tab stop of its own, before its tokens.
  for (let b = 0; b + 1 < blocks.length; b++) lines.push(html`<div class="text-block" role="none">${textTokens(v, blocks[b], blocks[b + 1])}</div>`);
  return html`<div class="text-view" part="text-view">
    <div class="text-heading" part="text-heading" role="group" aria-label="Output" @click=${l.headingClick} @keydown=${l.headingKeydown}>
      <button type="button" class="step-output" part="text-step" data-step="-1" aria-label="Previous output" aria-disabled=${o <= 0 ? 'true' : 'false'}>‹</button>
      <span class="text-output" aria-live="polite">
        ${o >= 0
          ? html`for output <span class="output-name">“${renderLabel(name)}”</span> <span class="of">${o + 1} of ${outputs.count}</span>${hasTarget ? nothing : renderStepChips(v.steps, o)}`
          : 'No outputs'}
      </span>
      <button type="button" class="step-output" part="text-step" data-step="1" aria-label="Next output" aria-disabled=${o >= outputs.count - 1 ? 'true' : 'false'}>›</button>
    </div>
    <div
      class="text-body"
      part="text-body"
      role="listbox"
      tabindex="-1"
      aria-label=${o >= 0 ? `Text coloured by ${v.label || 'attribution'} for output '${name}'` : 'Text'}
      aria-orientation="horizontal"
      @keydown=${l.keydown}
      @pointerover=${l.pointerover}
      @pointerleave=${l.pointerleave}
      @click=${l.click}
      @focusin=${l.focusin}
      @focusout=${l.focusout}
    >${lines}</div>
  </div>`;
}

/** What a token shows whatever the output: its text, kind and spoken name. */
interface TokenFrame extends TokenText {
  readonly kind: 'token' | 'run';
  readonly special: boolean;
  readonly target: boolean;
  /** The last target token, with the step scores under it. */
  readonly stacked: boolean;
  /** What a screen reader says for the token itself. */
  readonly spoken: string;
}

/** What a token shows for the current output. */
interface TokenLook {
  readonly classes: string;
  readonly part: string;
  /** The background colour, or '' (missing, a run); the text colour is a class (`on-dark`, `on-light`). */
  readonly background: string;
  readonly label: string;
  readonly tabindex: '0' | '-1';
  readonly selected: 'true' | 'false';
}

function frameOf(v: TextView, k: number): TokenFrame {
  const { tokens } = v.model;
  const { plan } = v;
  const entry = plan.entries[k];
  const target = k >= plan.targetStart && k < plan.targetEnd;
  if (tokens.kind(entry) === 'run')
    return { kind: 'run', special: false, target, stacked: false, before: ' ', text: tokens.label(entry), after: ' ', newline: false, spoken: tokens.spoken(entry) };
  const special = tokens.special(entry);
  const share = special ? { before: '', text: tokens.runningText(entry), after: '', newline: false } : splitShare(tokens.runningText(entry));
  const spoken = share.text.trim() ? spokenToken(share.text.trim()) : tokens.spoken(entry);
  // The first token's leading spaces would only indent the text.
  const before = k === 0 ? '' : share.before;
  const stacked = target && k === plan.targetEnd - 1 && v.steps.series.length > 0;
  return { ...share, before, kind: 'token', special, target, stacked, spoken };
}

function lookOf(v: TextView, k: number, frame: TokenFrame, outputLabel: string): TokenLook {
  const tabindex = k === v.active ? '0' : '-1';
  if (frame.kind === 'run') return { classes: 'token run', part: 'text-token text-token-run', background: '', label: frame.spoken, tabindex, selected: 'false' };
  const { model, output } = v;
  const position = output >= 0 ? model.at(v.plan.entries[k], output) : null;
  const value = position ? model.value(position.row, position.column) : null;
  let classes = 'token';
  let part = 'text-token';
  let background = '';
  let said: string;
  if (value === null) {
    classes += ' missing';
    part += ' text-token-missing';
    said = 'no value';
  } else {
    const [fill, color] = v.colors.colorFor(value);
    background = fill;
    // Two text colours only: a class, so a new output sets one custom property per token.
    classes += color === '#fff' ? ' on-dark' : ' on-light';
    said = formatValue(value, v.decimals);
    if (clampSide(value, v.domain)) said += ', clamped';
  }
  if (frame.special) {
    classes += ' special';
    part += ' text-token-special';
  }
  if (frame.newline) classes += ' newline';
  else if (!frame.text) classes += ' empty';
  if (frame.target) {
    classes += ' target';
    part += ' text-token-target';
  }
  const selected = k === v.selected;
  if (selected) classes += ' selected';
  const label = `'${frame.spoken}'${frame.special ? ', special token' : ''}, ${said} for output '${outputLabel}'${frame.target ? ', its own token' : ''}`;
  return { classes, part, background, label, tabindex, selected: selected ? 'true' : 'false' };
}

const shownText = (frame: TokenFrame) => (frame.newline ? '↵' : frame.text);

/**
 * The tokens [from, to) of the text. On the server, Lit templates (the page shows the coloured text
 * without JavaScript); in the browser, built and recoloured in place: a new output only rewrites
 * each token's colours and name, so thousands of tokens recolour within a frame.
 */
class TextTokensDirective extends Directive {
  private _frames: TokenFrame[] = [];
  private _spans: HTMLElement[] = [];
  private _chips: HTMLElement | null = null;
  private _looks: TokenLook[] = [];
  private _structure: readonly unknown[] = [];
  private _paint: readonly unknown[] = [];
  /** Hydrated: the server's tokens are in the part until the first client update replaces them. */
  private _server = false;
  /** The block is out of view (content-visibility skips it): a recolour waits for idle time or for it to come into view. */
  private _skipped = false;
  /** A recolour that waits: the view and the first token it is for. */
  private _waiting: { readonly v: TextView; readonly from: number } | null = null;
  private _block: Element | null = null;

  render(v: TextView, from: number, to: number): unknown {
    const name = v.output >= 0 ? outputName(v.model.outputs, v.output) : '';
    const out: TemplateResult[] = [];
    for (let k = from; k < to; k++) {
      const frame = frameOf(v, k);
      const look = lookOf(v, k, frame, name);
      const span = html`<span
        role="option"
        class=${look.classes}
        part=${look.part}
        data-k=${k}
        tabindex=${look.tabindex}
        aria-selected=${look.selected}
        aria-label=${look.label}
        style=${cssText(look.background ? `--_fill:${look.background}` : '')}
        >${shownText(frame)}</span
      >`;
      out.push(
        html`${frame.before}${frame.stacked ? html`<span class="target-stack">${span}<span class="target-scores" aria-hidden="true">${renderStepChips(v.steps, v.output)}</span></span>` : span}${frame.after}`,
      );
    }
    return out;
  }

  override update(part: ChildPart, [v, from, to]: [TextView, number, number]): unknown {
    if (isServer) return this.render(v, from, to);
    // Hydrating: the server's tokens already fill the part and say what render() would; the next update replaces them.
    if (!this._structure.length && !this._server && part.startNode?.nextSibling && part.startNode.nextSibling !== part.endNode) {
      this._server = true;
      return noChange;
    }
    const structure = [v.model.tokens, v.plan, from, to, v.steps.series.length > 0];
    if (this._server || structure.some((x, i) => !Object.is(x, this._structure[i]))) {
      this._server = false;
      this._structure = structure;
      this._build(part, v, from, to);
      this._paint = [];
    }
    const inside = (k: number) => (k >= from && k < to ? k : -1);
    const paint = [v.model, v.output, v.interpolate, v.domain.min, v.domain.max, v.domain.center, v.decimals, inside(v.active), inside(v.selected), v.steps.series];
    if (paint.some((x, i) => !Object.is(x, this._paint[i]))) {
      const urgent = !this._paint.length || paint[7] !== this._paint[7] || paint[8] !== this._paint[8];
      this._paint = paint;
      // Blocks in view recolour now; the others in idle time, or as they come into view, whichever is first.
      if (this._skipped && !urgent) this._defer({ v, from });
      else this.recolourNow(v, from);
    }
    return noChange;
  }

  /** Recolours at once, and forgets a recolour that waited. */
  recolourNow(v: TextView, from: number): void {
    this._waiting = null;
    waiting.delete(this);
    this._recolour(v, from);
  }

  /** Runs the recolour that waited, if any. */
  catchUp(): void {
    if (this._waiting) this.recolourNow(this._waiting.v, this._waiting.from);
  }

  private _defer(job: { readonly v: TextView; readonly from: number }): void {
    this._waiting = job;
    waiting.add(this);
    scheduleCatchUp();
  }

  /** Follows whether the block is skipped; one coming into view catches up before it is painted again. */
  private readonly _onVisibility = (event: Event) => {
    this._skipped = (event as Event & { skipped?: boolean }).skipped === true;
    if (!this._skipped) this.catchUp();
  };

  /** Builds the tokens' elements between the part's markers (replacing what was there). */
  private _build(part: ChildPart, v: TextView, from: number, to: number): void {
    const parent = part.parentNode;
    const end = part.endNode;
    if (parent instanceof Element && parent !== this._block) {
      this._block?.removeEventListener('contentvisibilityautostatechange', this._onVisibility);
      this._block = parent;
      parent.addEventListener('contentvisibilityautostatechange', this._onVisibility);
    }
    for (let node = part.startNode!.nextSibling; node && node !== end; ) {
      const next = node.nextSibling;
      node.remove();
      node = next;
    }
    const fragment = document.createDocumentFragment();
    this._frames = [];
    this._spans = [];
    this._looks = [];
    this._chips = null;
    for (let k = from; k < to; k++) {
      const frame = frameOf(v, k);
      this._frames.push(frame);
      if (frame.before) fragment.append(frame.before);
      const span = document.createElement('span');
      span.setAttribute('role', 'option');
      span.dataset.k = String(k);
      span.textContent = shownText(frame);
      this._spans.push(span);
      if (frame.stacked) {
        const stack = document.createElement('span');
        stack.className = 'target-stack';
        this._chips = document.createElement('span');
        this._chips.className = 'target-scores';
        this._chips.setAttribute('aria-hidden', 'true');
        stack.append(span, this._chips);
        fragment.append(stack);
      } else fragment.append(span);
      if (frame.after) fragment.append(frame.after);
    }
    parent.insertBefore(fragment, end);
  }

  /** Writes each token's colours, classes, name, tab stop and selection where they changed. */
  private _recolour(v: TextView, from: number): void {
    const name = v.output >= 0 ? outputName(v.model.outputs, v.output) : '';
    for (let i = 0; i < this._spans.length; i++) {
      const look = lookOf(v, from + i, this._frames[i], name);
      const last = this._looks[i];
      const span = this._spans[i];
      if (!last || last.classes !== look.classes) span.className = look.classes;
      if (!last || last.part !== look.part) span.setAttribute('part', look.part);
      // Through the CSSOM, which a strict Content-Security-Policy allows (see css-text.ts).
      if (!last || last.background !== look.background) {
        if (look.background) span.style.setProperty('--_fill', look.background);
        else span.style.removeProperty('--_fill');
      }
      if (!last || last.label !== look.label) span.setAttribute('aria-label', look.label);
      if (!last || last.tabindex !== look.tabindex) span.setAttribute('tabindex', look.tabindex);
      if (!last || last.selected !== look.selected) span.setAttribute('aria-selected', look.selected);
      this._looks[i] = look;
    }
    if (this._chips) this._writeChips(v);
  }

  private _writeChips(v: TextView): void {
    const chips = document.createElement('span');
    chips.className = 'step-chips';
    chips.setAttribute('part', 'text-step-scores');
    this._chips!.replaceChildren(chips);
    chips.append(
      ...v.steps.series.map((s) => {
        const chip = document.createElement('span');
        const value = stepValueAt(s, v.model.outputs, v.output);
        chip.className = value === null ? 'step-chip missing' : 'step-chip';
        chip.textContent = `${s.name} ${value === null ? '–' : formatValue(value, v.decimals)}`;
        if (value !== null) {
          const [background, color] = v.steps.colors.colorFor(s, value);
          chip.style.cssText = `background-color:${background};color:${color}`;
        }
        return chip;
      }),
    );
  }
}

/** Blocks out of view with a recolour still to do. */
const waiting = new Set<TextTokensDirective>();
let catchUpScheduled = false;
/** Time a catch-up slice takes before it yields to the page, in ms. */
const CATCH_UP_SLICE = 8;

function scheduleCatchUp(next = false): void {
  if (catchUpScheduled) return;
  catchUpScheduled = true;
  const run = () => {
    catchUpScheduled = false;
    const start = performance.now();
    for (const block of waiting) {
      block.catchUp();
      if (performance.now() - start > CATCH_UP_SLICE) break;
    }
    if (waiting.size) scheduleCatchUp(true);
  };
  // First just after the next frame is painted (the blocks in view already show the new colours), then slice by slice.
  if (next || typeof requestAnimationFrame !== 'function') setTimeout(run, 0);
  else requestAnimationFrame(() => setTimeout(run, 0));
}

/** `${textTokens(view, from, to)}`: the text view's tokens [from, to). */
const textTokens = directive(TextTokensDirective);
