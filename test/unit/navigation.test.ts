import { expect } from '@open-wc/testing';
import { moveFocus, type GridPosition, type GridShape, type KeyPress } from '../../src/navigation.js';

// 13 rows × 5 columns like the reference data, 4 rows to a page.
const shape: GridShape = { rows: 13, columns: 5, pageRows: 4 };
const at = (row: number, column: number): GridPosition => ({ row, column });
const key = (name: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({ key: name, ...modifiers });

describe('moveFocus', () => {
  describe('arrow keys', () => {
    it('move by one cell', () => {
      expect(moveFocus(at(3, 2), key('ArrowUp'), shape)).to.deep.equal(at(2, 2));
      expect(moveFocus(at(3, 2), key('ArrowDown'), shape)).to.deep.equal(at(4, 2));
      expect(moveFocus(at(3, 2), key('ArrowLeft'), shape)).to.deep.equal(at(3, 1));
      expect(moveFocus(at(3, 2), key('ArrowRight'), shape)).to.deep.equal(at(3, 3));
    });

    it('reach the header row and the row-header column (-1)', () => {
      expect(moveFocus(at(0, 2), key('ArrowUp'), shape)).to.deep.equal(at(-1, 2));
      expect(moveFocus(at(3, 0), key('ArrowLeft'), shape)).to.deep.equal(at(3, -1));
    });

    it('stop at the headers', () => {
      expect(moveFocus(at(-1, 2), key('ArrowUp'), shape)).to.deep.equal(at(-1, 2));
      expect(moveFocus(at(3, -1), key('ArrowLeft'), shape)).to.deep.equal(at(3, -1));
      expect(moveFocus(at(-1, -1), key('ArrowUp'), shape)).to.deep.equal(at(-1, -1));
    });

    it('stop at the last row and column', () => {
      expect(moveFocus(at(12, 2), key('ArrowDown'), shape)).to.deep.equal(at(12, 2));
      expect(moveFocus(at(3, 4), key('ArrowRight'), shape)).to.deep.equal(at(3, 4));
    });

    it('move out of the headers into the data', () => {
      expect(moveFocus(at(-1, 2), key('ArrowDown'), shape)).to.deep.equal(at(0, 2));
      expect(moveFocus(at(3, -1), key('ArrowRight'), shape)).to.deep.equal(at(3, 0));
    });
  });

  describe('Home and End', () => {
    it('go to the first and last column of the row', () => {
      expect(moveFocus(at(5, 3), key('Home'), shape)).to.deep.equal(at(5, 0));
      expect(moveFocus(at(5, 1), key('End'), shape)).to.deep.equal(at(5, 4));
      expect(moveFocus(at(-1, 3), key('Home'), shape)).to.deep.equal(at(-1, 0));
    });

    it('go to the first and last cell with Ctrl', () => {
      expect(moveFocus(at(5, 3), key('Home', { ctrlKey: true }), shape)).to.deep.equal(at(0, 0));
      expect(moveFocus(at(5, 1), key('End', { ctrlKey: true }), shape)).to.deep.equal(at(12, 4));
      expect(moveFocus(at(-1, -1), key('End', { ctrlKey: true }), shape)).to.deep.equal(at(12, 4));
    });

    it('go to the corners with Cmd (metaKey) too', () => {
      expect(moveFocus(at(5, 3), key('Home', { metaKey: true }), shape)).to.deep.equal(at(0, 0));
      expect(moveFocus(at(5, 1), key('End', { metaKey: true }), shape)).to.deep.equal(at(12, 4));
    });
  });

  describe('PageUp and PageDown', () => {
    it('move by pageRows', () => {
      expect(moveFocus(at(6, 2), key('PageUp'), shape)).to.deep.equal(at(2, 2));
      expect(moveFocus(at(6, 2), key('PageDown'), shape)).to.deep.equal(at(10, 2));
    });

    it('clamp to the first and last row', () => {
      expect(moveFocus(at(2, 2), key('PageUp'), shape)).to.deep.equal(at(0, 2));
      expect(moveFocus(at(0, 2), key('PageUp'), shape)).to.deep.equal(at(0, 2));
      expect(moveFocus(at(10, 2), key('PageDown'), shape)).to.deep.equal(at(12, 2));
      expect(moveFocus(at(12, 2), key('PageDown'), shape)).to.deep.equal(at(12, 2));
    });

    it('move by at least one row when a page holds none', () => {
      const tiny: GridShape = { rows: 13, columns: 5, pageRows: 0 };
      expect(moveFocus(at(6, 2), key('PageUp'), tiny)).to.deep.equal(at(5, 2));
      expect(moveFocus(at(6, 2), key('PageDown'), tiny)).to.deep.equal(at(7, 2));
    });

    it('leave the header row up and enter the data down', () => {
      expect(moveFocus(at(-1, 2), key('PageUp'), shape)).to.deep.equal(at(-1, 2));
      expect(moveFocus(at(-1, 2), key('PageDown'), shape)).to.deep.equal(at(0, 2));
    });
  });

  it('gives null for keys that do not move focus', () => {
    for (const name of ['Enter', ' ', 'a', 'Tab', 'Escape', 'arrowup', 'Shift']) {
      expect(moveFocus(at(3, 2), key(name), shape), name).to.equal(null);
    }
  });

  it('always lands inside the grid, headers included', () => {
    const keys = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown'];
    for (let row = -1; row < shape.rows; row++) {
      for (let column = -1; column < shape.columns; column++) {
        for (const name of keys) {
          for (const ctrlKey of [false, true]) {
            const next = moveFocus(at(row, column), key(name, { ctrlKey }), shape)!;
            expect(next.row).to.be.within(-1, shape.rows - 1);
            expect(next.column).to.be.within(-1, shape.columns - 1);
          }
        }
      }
    }
  });
});
