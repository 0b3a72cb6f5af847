import { expect } from '@open-wc/testing';
import type { TokenHeatmap } from '../src/index.js';

export interface Seed {
  caption: string;
  label: string;
  min: number;
  max: number;
  rows: string[];
  columns: string[];
  values: number[][];
}

/** The reference figure's data, as the repository ships it. */
export async function loadSeed(): Promise<Seed> {
  return (await fetch('/demo/seed-heatmap.json')).json();
}

export const shadow = (el: TokenHeatmap) => el.shadowRoot!;

export const gridCells = (el: TokenHeatmap) => [...shadow(el).querySelectorAll<HTMLElement>('[role="gridcell"]')];

export const rowHeaders = (el: TokenHeatmap) => [...shadow(el).querySelectorAll<HTMLElement>('[role="rowheader"]')];

/** Column headers without the corner cell above the row labels. */
export const columnHeaders = (el: TokenHeatmap) =>
  [...shadow(el).querySelectorAll<HTMLElement>('[role="columnheader"]')].filter((h) => !h.classList.contains('corner'));

/** A header or cell's display position from its ARIA indices (-1 for the header row or column). */
export function positionOf(cell: Element): [number, number] {
  return [Number(cell.parentElement!.getAttribute('aria-rowindex')) - 2, Number(cell.getAttribute('aria-colindex')) - 2];
}

/** The cell at a display position, found by its ARIA row and column indices. */
export function cellAt(el: TokenHeatmap, row: number, column: number): HTMLElement {
  const cell = shadow(el).querySelector<HTMLElement>(`[aria-rowindex="${row + 2}"] > [role="gridcell"][aria-colindex="${column + 2}"]`);
  if (!cell) throw new Error(`no cell at ${row}, ${column}`);
  return cell;
}

export const text = (el: Element) => el.textContent!.trim();

/** Waits for two animation frames: the state a user sees painted. */
export const painted = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/** Centre of an element in viewport coordinates, for sendMouse. */
export function centre(el: Element): [number, number] {
  const r = el.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
}

/** The reference figure as a user sees it: 65 cells, with the three values the issue names. */
export function expectReferenceCells(el: TokenHeatmap): void {
  expect(gridCells(el)).to.have.length(65);
  expect(text(cellAt(el, 7, 2))).to.equal('1.9074');
  expect(text(cellAt(el, 0, 0))).to.equal('-0.0756');
  expect(text(cellAt(el, 2, 4))).to.equal('-0.0000');
}
