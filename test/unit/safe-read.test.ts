import { expect } from '@open-wc/testing';
import { errorText, isArray, isInstance, isList, isNonEmpty, readKey, readList, unreadable } from '../../src/safe-read.js';
import { revokedArray, revokedObject, throwingEntry, throwingLength, throwingObject } from '../hostile-values.js';

describe('safe reading of what a caller hands over', () => {
  it('says what a thrown value is, on one short line', () => {
    expect(errorText(new TypeError('bad\n  thing'))).to.equal('TypeError: bad thing');
    expect(errorText('plain text')).to.equal('plain text');
    expect(errorText(undefined)).to.equal('a thrown undefined');
    expect(errorText(null)).to.equal('a thrown null');
    expect(errorText(new Error('x'.repeat(500)))).to.have.length(81);
    // An error whose message getter throws is still described.
    const odd = Object.create(Error.prototype, { message: { get: () => { throw new Error('no'); } } });
    expect(errorText(odd)).to.equal('an error that cannot be read');
    expect(unreadable(new Error('boom'))).to.equal('cannot be read (Error: boom)');
  });

  it('asks Array.isArray and instanceof without throwing, also of a revoked Proxy', () => {
    expect(() => Array.isArray(revokedArray())).to.throw(TypeError);
    expect(isArray(revokedArray())).to.equal(false);
    expect(isArray([1])).to.equal(true);
    expect(isList(new Float32Array(2))).to.equal(true);
    expect(isList(new DataView(new ArrayBuffer(2)))).to.equal(false);
    expect(isList(revokedObject())).to.equal(false);
    expect(isInstance(revokedObject(), Date)).to.equal(false);
    expect(isInstance(new Date(), Date)).to.equal(true);
  });

  it('copies a list entry by entry, naming the entries that throw', () => {
    const read = readList(throwingEntry([1, 2, 3, 4], 2));
    expect('problem' in read).to.equal(false);
    if ('problem' in read) return;
    expect(read.items).to.deep.equal([1, 2, undefined, 4]);
    expect(read.failed).to.deep.equal([2]);
    expect(read.error).to.equal('Error: entry 2 throws');
    expect(readList(new Int8Array([5, 6]))).to.deep.equal({ items: [5, 6], failed: [] });
  });

  it('gives a sentence for what is not a list or cannot be read at all', () => {
    expect(readList({ length: 2 })).to.deep.equal({ problem: 'not a list' });
    expect(readList('ab')).to.deep.equal({ problem: 'not a list' });
    const revoked = readList(revokedArray());
    expect('problem' in revoked && revoked.problem).to.match(/^cannot be read \(TypeError: .*revoked/);
    const length = readList(throwingLength([1]));
    expect('problem' in length && length.problem).to.equal('cannot be read (Error: length throws)');
  });

  it('asks whether a value has entries, true when asking throws', () => {
    expect(isNonEmpty([])).to.equal(false);
    expect(isNonEmpty(undefined)).to.equal(false);
    expect(isNonEmpty(new Float32Array(3))).to.equal(true);
    expect(isNonEmpty(revokedArray())).to.equal(true);
    expect(isNonEmpty(throwingLength([]))).to.equal(true);
  });

  it('reads a key, or says why it could not', () => {
    expect(readKey({ a: 1 }, 'a')).to.deep.equal({ value: 1 });
    expect(readKey(throwingObject(), 'a')).to.deep.equal({ problem: 'cannot be read (Error: getter throws)' });
  });
});
