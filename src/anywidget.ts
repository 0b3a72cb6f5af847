// The front end of an anywidget (https://anywidget.dev) that shows <token-heatmap> in Jupyter,
// VS Code, Colab or marimo. Built to dist/anywidget.js as ONE self-contained ES module (lit and
// d3 inlined), because anywidget imports `_esm` from a blob URL where bare imports cannot resolve.
import './features/all.js';
import './token-heatmap.js';
import type { CellSelectEvent } from './events.js';
import { PROPERTIES, traitName, type PropertyName, type PropertySpec } from './properties.js';

/**
 * The part of anywidget's model (`AnyModel` in `@anywidget/types`, a Backbone model) this
 * widget uses. Change callbacks are called as `(model, value)`.
 */
export interface HeatmapModel {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  on(eventName: string, callback: (...args: unknown[]) => void): void;
  off(eventName?: string | null, callback?: ((...args: unknown[]) => void) | null): void;
  save_changes(): void;
}

/** What anywidget passes to `render`: the model and this view's own container element. */
export interface RenderProps {
  model: HeatmapModel;
  el: HTMLElement;
}

/**
 * Model traits (the Python widget's snake_case names, from the property schema) and the element
 * properties they set. A trait the model does not have, or holds as None, leaves the element's default.
 */
const TRAITS = new Map<string, Property>(
  PROPERTIES.filter((p: PropertySpec) => p.attribute !== false).map((p) => [traitName(p.name), p.name as Property]),
);

type Property = Exclude<PropertyName, 'interpolator'>;

/**
 * Values as the model holds them: nested lists from JSON, or a binary trait (a DataView over
 * float64 row-major bytes, e.g. numpy's `a.astype('<f8').tobytes()`) for large matrices,
 * which the element reads as a flat Float64Array shaped by `columns`.
 */
function readValues(value: unknown): unknown {
  if (value instanceof DataView || value instanceof ArrayBuffer) {
    const bytes = value instanceof DataView ? value : new DataView(value);
    // A copy: the view's offset need not be a multiple of 8, which Float64Array requires.
    const start = bytes.byteOffset;
    return new Float64Array(bytes.buffer.slice(start, start + bytes.byteLength - (bytes.byteLength % 8)));
  }
  return value;
}

/**
 * Draws one `<token-heatmap>` in `el` from the model, redraws on `change:<trait>`, and writes
 * a selection made by click or keyboard back as `selected` ({rowIndex, columnIndex} or null)
 * and `selected_cell` (the event's detail: indices, row and column labels, value), then
 * `save_changes()`. Returns the cleanup anywidget calls when the view is removed.
 */
function render({ model, el }: RenderProps): () => void {
  const heatmap = document.createElement('token-heatmap');
  const defaults = new Map<Property, unknown>([...TRAITS.values()].map((p) => [p, heatmap[p]]));

  const apply = (trait: string) => {
    const property = TRAITS.get(trait)!;
    const value = model.get(trait);
    // Python's None (null) and a missing trait both mean "the element's default".
    const next = value === null || value === undefined ? defaults.get(property) : trait === 'values' ? readValues(value) : value;
    (heatmap as unknown as Record<Property, unknown>)[property] = next;
  };

  const listeners = [...TRAITS.keys()].map((trait) => {
    const listener = () => apply(trait);
    apply(trait);
    model.on(`change:${trait}`, listener);
    return [`change:${trait}`, listener] as const;
  });

  const onSelect = (event: CellSelectEvent) => {
    const detail = event.detail;
    model.set('selected', detail && { rowIndex: detail.rowIndex, columnIndex: detail.columnIndex });
    model.set('selected_cell', detail && { ...detail });
    model.save_changes();
  };
  heatmap.addEventListener('cell-select', onSelect);
  el.append(heatmap);

  return () => {
    // Only our own callbacks: model.off(name) alone would also remove other views' listeners.
    for (const [eventName, listener] of listeners) model.off(eventName, listener);
    heatmap.removeEventListener('cell-select', onSelect);
    heatmap.remove();
  };
}

/** anywidget's front-end module contract: `export default { render }`. */
export default { render };
