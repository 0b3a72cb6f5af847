// docs/frameworks.md, "Angular", with the reference data and the picked cell shown on the page.
import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import 'token-heatmap';
import type { CellDetail, CellSelectEvent } from 'token-heatmap';
import data from './attribution.json';

@Component({
  selector: 'app-attribution',
  standalone: true,
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <token-heatmap
      id="heatmap"
      [rows]="rows"
      [columns]="columns"
      [values]="values"
      [min]="-1.5"
      [max]="1.5"
      label="Token Attribution"
      (cell-select)="onSelect($event)"
    ></token-heatmap>
    <p>Picked: <output id="picked">{{ shown() }}</output></p>
  `,
})
export class AttributionComponent {
  rows = data.rows;
  columns = data.columns;
  values = data.values;
  picked = signal<CellDetail | null>(null);

  onSelect(event: Event) {
    this.picked.set((event as CellSelectEvent).detail);
  }

  shown() {
    const cell = this.picked();
    return cell ? `${cell.rowIndex},${cell.columnIndex} ${cell.value}` : '';
  }
}
