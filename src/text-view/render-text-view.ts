import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { cssText } from '../css-text.js';
import { formatValue } from '../format.js';
import type { CellColors } from '../grid/cell-colors.js';
import { renderLabel } from '../grid/render-label.js';
import { clampSide, type Domain } from '../scale.js';
import { renderStepChips, type StepView } from '../step-scores/render-step-scores.js';
import { spokenToken } from '../tokens.js';
import type { DisplayModel } from '../view/display-model.js';
import { outputName, splitShare, type TextPlan } from './text-plan.js';

/** Entries per guarded chunk: a change in one place (the tab stop, the selection) re-renders one chunk. */
const CHUNK = 256;

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
  const chunks: unknown[] = [];
  const { entries } = v.plan;
  // Chunks re-render only when what they draw changed: the model, the output, the scale, or the tab stop or selection inside them.
  const scale = `${v.domain.min}|${v.domain.max}|${v.domain.center}|${v.decimals}`;
  for (let start = 0; start < entries.length; start += CHUNK) {
    const end = Math.min(entries.length, start + CHUNK);
    const inside = (k: number) => (k >= start && k < end ? k : -1);
    chunks.push(
      guard([v.model, v.plan, o, v.colors, scale, inside(v.active), inside(v.selected), v.steps.series, v.steps.decimals], () => renderChunk(v, start, end, name)),
    );
  }
  return html`<div class="text-view" part="text-view">
    <div class="text-heading" part="text-heading" role="group" aria-label="Output" @click=${l.headingClick} @keydown=${l.headingKeydown}>
      <button type="button" class="step-output" part="text-step" data-step="-1" aria-label="Previous output" aria-disabled=${o <= 0 ? 'true' : 'false'}>‹</button>
      <span class="text-output" aria-live="polite">
        ${o >= 0
          ? html`for output <q class="label-font">${renderLabel(name)}</q> <span class="of">${o + 1} of ${outputs.count}</span>${hasTarget ? nothing : renderStepChips(v.steps, o)}`
          : 'No outputs'}
      </span>
      <button type="button" class="step-output" part="text-step" data-step="1" aria-label="Next output" aria-disabled=${o >= outputs.count - 1 ? 'true' : 'false'}>›</button>
    </div>
    <div
      class="text-body"
      part="text-body"
      role="listbox"
      aria-label=${o >= 0 ? `Text coloured by ${v.label || 'attribution'} for output '${name}'` : 'Text'}
      aria-orientation="horizontal"
      @keydown=${l.keydown}
      @pointerover=${l.pointerover}
      @pointerleave=${l.pointerleave}
      @click=${l.click}
      @focusin=${l.focusin}
      @focusout=${l.focusout}
    >${chunks}</div>
  </div>`;
}

function renderChunk(v: TextView, start: number, end: number, outputLabel: string): TemplateResult[] {
  const out: TemplateResult[] = [];
  for (let k = start; k < end; k++) out.push(renderToken(v, k, outputLabel));
  return out;
}

function renderToken(v: TextView, k: number, outputLabel: string): TemplateResult {
  const { model, plan, output } = v;
  const { tokens } = model;
  const entry = plan.entries[k];
  const tabindex = k === v.active ? '0' : '-1';
  const about = `for output '${outputLabel}'`;
  if (tokens.kind(entry) === 'run') {
    return html` <span role="option" class="token run" part="text-token text-token-run" data-k=${k} tabindex=${tabindex} aria-selected="false" aria-label=${tokens.spoken(entry)}
      >${tokens.label(entry)}</span
    > `;
  }
  const special = tokens.special(entry);
  const share = special ? { before: '', text: tokens.runningText(entry), after: '', newline: false } : splitShare(tokens.runningText(entry));
  const target = k >= plan.targetStart && k < plan.targetEnd;
  const value = output >= 0 ? model.value(...position(model, entry, output)) : null;
  let classes = 'token';
  let part = 'text-token';
  let style = '';
  let said: string;
  if (value === null) {
    classes += ' missing';
    part += ' text-token-missing';
    said = 'no value';
  } else {
    const [background, color] = v.colors.colorFor(value);
    style = `background-color:${background};color:${color}`;
    said = formatValue(value, v.decimals);
    if (clampSide(value, v.domain)) said += ', clamped';
  }
  if (special) {
    classes += ' special';
    part += ' text-token-special';
  }
  if (share.newline) classes += ' newline';
  if (!share.text && !share.newline) classes += ' empty';
  if (target) {
    classes += ' target';
    part += ' text-token-target';
  }
  const selected = k === v.selected;
  if (selected) classes += ' selected';
  const spoken = share.text.trim() ? spokenToken(share.text.trim()) : tokens.spoken(entry);
  const name = `'${spoken}'${special ? ', special token' : ''}, ${said} ${about}${target ? ', its own token' : ''}`;
  // The first token's leading spaces would only indent the text.
  const before = k === 0 ? '' : share.before;
  const token = html`<span
    role="option"
    class=${classes}
    part=${part}
    data-k=${k}
    tabindex=${tabindex}
    aria-selected=${selected ? 'true' : 'false'}
    aria-label=${name}
    style=${cssText(style)}
    >${share.newline ? '↵' : share.text}</span
  >`;
  const stacked = target && k === plan.targetEnd - 1 && v.steps.series.length > 0;
  return html`${before}${stacked ? html`<span class="target-stack">${token}<span class="target-scores" aria-hidden="true">${renderStepChips(v.steps, output)}</span></span>` : token}${share.after}`;
}

/** The display position of a token entry and an output entry, as the grid reads its values. */
function position(model: DisplayModel, token: number, output: number): [number, number] {
  const { row, column } = model.at(token, output);
  return [row, column];
}
