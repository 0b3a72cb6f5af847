/**
 * `fromInseqJson`: reads a file written by inseq's `FeatureAttributionOutput.save()` into the
 * element's data. Both formats inseq has written are read:
 *
 * - inseq ≤ 0.6: tensors as json_tricks-style ndarrays, `{"__ndarray__": "b64:…" | "b64.gz:…" | [...],
 *   "dtype": "float32", "shape": [...], "Corder": true}` (`b64.gz:` is a gzip of the bytes);
 * - inseq ≥ 0.7: each tensor as the base64 text of a safetensors file holding one tensor,
 *   `attribution`, in F32, F16 or F8_E4M3 (`scores_precision`).
 *
 * Objects are `{"__instance_type__": [module, class], "attributes": {...}}`, or plain objects when
 * saved with `use_primitives=True`; `compress=True` gzips the whole file. Gzip is undone with the
 * platform's `DecompressionStream` (browsers, Node ≥ 18): no dependency.
 *
 * The heatmap: rows are the source tokens, then the target tokens when `target_attributions` are
 * present (inseq shows these as two heatmaps, Source and Target, on one colour scale); columns are
 * the generated tokens, `target[attr_pos_start:attr_pos_end]`. Values are as saved, NaN (missing)
 * where inseq wrote NaN, e.g. target positions after the generated one. Extra dimensions are reduced
 * as inseq's default aggregator does: the mean for multi-dimensional outputs (attention: layers,
 * heads), the L2 norm otherwise (gradient methods' embedding dimension), and the label says which.
 *
 * @module
 */

/** The element's data: `values[row][column]`, NaN where missing. */
export interface HeatmapData {
  rows: string[];
  columns: string[];
  values: number[][];
  label: string;
  /** inseq's step scores (e.g. `probability`), one value per column. */
  stepScores?: Record<string, number[]>;
  /** With target attributions: the last rows are the generated tokens, output j the row `rows.length − targetRows + j`. */
  targetRows?: number;
  /** Unsigned scores (an L2 norm, attention weights): a sequential scheme from 0, as the Python helper draws them. */
  scheme?: string;
  min?: number;
  max?: number;
}

/** Options of {@link fromInseqJson}. */
export interface InseqOptions {
  /** Which of `sequence_attributions` (default 0). */
  index?: number;
  /**
   * Divide each column by the sum of its absolute values (NaN counted as 0), as inseq's `show()`
   * does by default. Off by default: the values stay those in the file.
   */
  normalize?: boolean;
}

/** The text is not an inseq save file, or one this reader cannot decode; the message is one line. */
export class InseqFormatError extends Error {
  override name = 'InseqFormatError';
}

interface Tensor {
  data: Float64Array;
  shape: number[];
}

const fail = (message: string): never => {
  throw new InseqFormatError(message);
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The attributes of a json_tricks class instance, or the object itself when saved as primitives. */
function attributesOf(value: unknown): Record<string, unknown> | null {
  if (!isObject(value)) return null;
  if ('__instance_type__' in value) return isObject(value.attributes) ? value.attributes : {};
  return value;
}

const className = (value: unknown): string => {
  const type = isObject(value) ? value.__instance_type__ : undefined;
  return Array.isArray(type) && typeof type[1] === 'string' ? type[1] : '';
};

/** Whether a parsed JSON value is a `FeatureAttributionOutput` as inseq saves it. */
export function isInseqSave(parsed: unknown): boolean {
  return Array.isArray(attributesOf(parsed)?.sequence_attributions);
}

// ---- bytes ----------------------------------------------------------------------------------------

const isGzip = (bytes: Uint8Array) => bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  if (typeof DecompressionStream !== 'function') fail('gzip-compressed data needs DecompressionStream (a browser, or Node 18 or later)');
  try {
    const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (error) {
    return fail(`gzip data is damaged (${(error as Error).message})`);
  }
}

function fromBase64(text: string, what: string): Uint8Array {
  let binary: string;
  try {
    binary = atob(text.replace(/\s+/g, ''));
  } catch {
    return fail(`${what}: not valid base64`);
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// ---- numbers --------------------------------------------------------------------------------------

/** IEEE 754 half precision. */
export function float16(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const mantissa = bits & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 31) return mantissa ? NaN : sign * Infinity;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

/** float8_e4m3fn (PyTorch's, safetensors' F8_E4M3): no infinities, S.1111.111 is NaN. */
function float8e4m3(bits: number): number {
  const sign = bits & 0x80 ? -1 : 1;
  const exponent = (bits >> 3) & 0xf;
  const mantissa = bits & 7;
  if (exponent === 15 && mantissa === 7) return NaN;
  if (exponent === 0) return sign * mantissa * 2 ** -9;
  return sign * (1 + mantissa / 8) * 2 ** (exponent - 7);
}

/** float8_e5m2: half precision without its low byte. */
const float8e5m2 = (bits: number) => float16(bits << 8);

type Reader = (view: DataView, offset: number, little: boolean) => number;
const READERS: Record<string, [size: number, read: Reader]> = {
  f8: [8, (v, o, l) => v.getFloat64(o, l)],
  f4: [4, (v, o, l) => v.getFloat32(o, l)],
  f2: [2, (v, o, l) => float16(v.getUint16(o, l))],
  bf16: [2, (v, o, l) => new Float32Array(new Uint32Array([v.getUint16(o, l) << 16]).buffer)[0]],
  e4m3: [1, (v, o) => float8e4m3(v.getUint8(o))],
  e5m2: [1, (v, o) => float8e5m2(v.getUint8(o))],
  i8: [8, (v, o, l) => Number(v.getBigInt64(o, l))],
  i4: [4, (v, o, l) => v.getInt32(o, l)],
  i2: [2, (v, o, l) => v.getInt16(o, l)],
  i1: [1, (v, o) => v.getInt8(o)],
  u8: [8, (v, o, l) => Number(v.getBigUint64(o, l))],
  u4: [4, (v, o, l) => v.getUint32(o, l)],
  u2: [2, (v, o, l) => v.getUint16(o, l)],
  u1: [1, (v, o) => v.getUint8(o)],
  b1: [1, (v, o) => (v.getUint8(o) ? 1 : 0)],
};

// numpy's names (json_tricks writes str(dtype)) and safetensors' names, to one reader each.
const DTYPES: Record<string, string> = {
  float64: 'f8', float32: 'f4', float16: 'f2', bfloat16: 'bf16', int64: 'i8', int32: 'i4', int16: 'i2', int8: 'i1',
  uint64: 'u8', uint32: 'u4', uint16: 'u2', uint8: 'u1', bool: 'b1',
  F64: 'f8', F32: 'f4', F16: 'f2', BF16: 'bf16', F8_E4M3: 'e4m3', F8_E5M2: 'e5m2', I64: 'i8', I32: 'i4', I16: 'i2', I8: 'i1',
  U64: 'u8', U32: 'u4', U16: 'u2', U8: 'u1', BOOL: 'b1',
};

/** A reader and byte order for a dtype name: numpy (`float16`, `<f4`, `>f8`) or safetensors (`F16`). */
function dtypeReader(dtype: unknown, what: string): [size: number, read: Reader, little: boolean] {
  const name = String(dtype);
  const typestr = /^([<>=|]?)([fiub])(\d)$/.exec(name);
  const key = DTYPES[name] ?? (typestr ? (typestr[2] === 'b' ? 'b1' : `${typestr[2]}${typestr[3]}`) : '');
  const reader = READERS[key];
  if (!reader) return fail(`${what}: unsupported dtype ${JSON.stringify(name).slice(0, 40)}`);
  return [...reader, !(typestr && typestr[1] === '>')];
}

function checkShape(shape: unknown, what: string): number[] {
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) return fail(`${what}: shape is not a list of sizes`);
  return shape as number[];
}

const product = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

function readBuffer(bytes: Uint8Array, dtype: unknown, shape: number[], what: string, fortran = false): Tensor {
  const [size, read, little] = dtypeReader(dtype, what);
  const count = product(shape);
  if (bytes.length !== count * size) fail(`${what}: ${bytes.length} bytes for shape [${shape.join(', ')}] of ${String(dtype)}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const data = new Float64Array(count);
  for (let i = 0; i < count; i++) data[i] = read(view, i * size, little);
  return { data: fortran ? toRowMajor(data, shape) : data, shape };
}

/** Column-major (Fortran order, json_tricks' `"Corder": false`) data reordered row-major. */
function toRowMajor(data: Float64Array, shape: number[]): Float64Array {
  const out = new Float64Array(data.length);
  const index = new Array(shape.length).fill(0);
  for (let i = 0; i < data.length; i++) {
    let f = 0;
    for (let d = shape.length - 1; d >= 0; d--) f = f * shape[d] + index[d];
    out[i] = data[f];
    for (let d = shape.length - 1; d >= 0; d--) {
      if (++index[d] < shape[d]) break;
      index[d] = 0;
    }
  }
  return out;
}

/** A safetensors file (8-byte little-endian header size, JSON header, data) with one tensor. */
function readSafetensors(bytes: Uint8Array, what: string): Tensor {
  if (bytes.length < 8) fail(`${what}: too short for a safetensors tensor`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerSize = view.getUint32(0, true) + view.getUint32(4, true) * 2 ** 32;
  if (headerSize > bytes.length - 8) fail(`${what}: safetensors header runs past the data`);
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerSize)));
  } catch {
    return fail(`${what}: safetensors header is not JSON`);
  }
  if (!isObject(header)) return fail(`${what}: safetensors header is not an object`);
  const name = 'attribution' in header ? 'attribution' : Object.keys(header).find((k) => k !== '__metadata__');
  const entry = name === undefined ? undefined : header[name];
  if (!isObject(entry)) return fail(`${what}: safetensors file holds no tensor`);
  const shape = checkShape(entry.shape, what);
  const offsets = entry.data_offsets;
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(Number.isInteger)) return fail(`${what}: safetensors data_offsets missing`);
  const start = 8 + headerSize + offsets[0];
  const end = 8 + headerSize + offsets[1];
  if (start > end || end > bytes.length) fail(`${what}: safetensors data_offsets outside the data`);
  return readBuffer(bytes.subarray(start, end), entry.dtype, shape, what);
}

/** Shape and row-major values of a nested list (NaN for null, as json.dumps wrote NaN). */
function readNested(list: unknown[], what: string): Tensor {
  const shape: number[] = [];
  for (let level: unknown = list; Array.isArray(level); level = level[0]) shape.push(level.length);
  const data = new Float64Array(product(shape));
  let i = 0;
  const walk = (node: unknown, depth: number) => {
    if (depth === shape.length) {
      if (!(typeof node === 'number' || node === null || typeof node === 'boolean')) fail(`${what}: ${JSON.stringify(node)?.slice(0, 30)} is not a number`);
      data[i++] = typeof node === 'number' ? node : node === null ? NaN : Number(node);
      return;
    }
    if (!Array.isArray(node) || node.length !== shape[depth]) fail(`${what}: ragged nested list`);
    for (const child of node as unknown[]) walk(child, depth + 1);
  };
  walk(list, 0);
  return { data, shape };
}

/** A tensor in any form inseq writes, or null when the field is absent. */
async function readTensor(value: unknown, what: string): Promise<Tensor | null> {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    // inseq ≥ 0.7: base64 of a safetensors file.
    return readSafetensors(fromBase64(value, what), what);
  }
  if (Array.isArray(value)) return readNested(value, what);
  if (isObject(value) && '__ndarray__' in value) {
    const data = value.__ndarray__;
    const shape = value.shape === undefined ? undefined : checkShape(value.shape, what);
    const fortran = value.Corder === false;
    if (typeof data === 'string') {
      if (!shape) return fail(`${what}: ndarray without a shape`);
      let bytes: Uint8Array;
      if (data.startsWith('b64.gz:')) bytes = await gunzip(fromBase64(data.slice(7), what));
      else if (data.startsWith('b64:')) bytes = fromBase64(data.slice(4), what);
      else return fail(`${what}: ndarray data is neither "b64:" nor "b64.gz:"`);
      return readBuffer(bytes, value.dtype, shape, what, fortran);
    }
    if (Array.isArray(data)) {
      const tensor = readNested(data, what);
      return shape && product(shape) === tensor.data.length ? { data: tensor.data, shape } : tensor;
    }
    if (typeof data === 'number' || data === null) return { data: new Float64Array([data ?? NaN]), shape: [] };
    return fail(`${what}: unreadable ndarray data`);
  }
  return fail(`${what}: not a tensor (expected base64 text, an ndarray object or a list)`);
}

// ---- JSON with NaN -----------------------------------------------------------------------------------

/**
 * JSON as Python's json.dumps writes it with allow_nan (inseq's default): bare NaN, Infinity and
 * -Infinity outside strings become null, 1e999 and -1e999 (which parse as ±Infinity).
 */
export function parsePythonJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    let out = '';
    let last = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch === '"') {
        // Skip the string, escapes included: a token may well contain "NaN".
        for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
        continue;
      }
      const word = ch === 'N' && text.startsWith('NaN', i) ? 'NaN' : ch === 'I' && text.startsWith('Infinity', i) ? 'Infinity' : '';
      if (!word) continue;
      out += text.slice(last, i) + (word === 'NaN' ? 'null' : '1e999');
      i += word.length - 1;
      last = i + 1;
    }
    try {
      return JSON.parse(out + text.slice(last));
    } catch {
      return fail(`not valid JSON (${(error as Error).message})`);
    }
  }
}

// ---- the heatmap ------------------------------------------------------------------------------------

const tokenText = (token: unknown): string => {
  const attributes = attributesOf(token);
  const text = attributes ? attributes.token : token;
  return typeof text === 'string' ? text : text === undefined || text === null ? '' : String(text);
};

/** Reduces dimensions past the first two: `mean`, or the L2 norm (NaN stays NaN, as in torch). */
function reduce(tensor: Tensor, how: 'mean' | 'L2 norm'): Tensor {
  if (tensor.shape.length === 2) return tensor;
  if (tensor.shape.length < 2) return { data: tensor.data, shape: [tensor.shape[0] ?? 1, 1] };
  const [rows, columns, ...rest] = tensor.shape;
  const inner = product(rest);
  const data = new Float64Array(rows * columns);
  for (let i = 0; i < rows * columns; i++) {
    let sum = 0;
    for (let k = i * inner, end = k + inner; k < end; k++) {
      const v = tensor.data[k];
      sum += how === 'mean' ? v : v * v;
    }
    data[i] = how === 'mean' ? sum / inner : Math.sqrt(sum);
  }
  return { data, shape: [rows, columns] };
}

/** The names inseq gives the extra dimensions of each output class, for the label. */
function extraDimensions(cls: string, shape: number[]): string {
  const sizes = shape.slice(2);
  const names = cls.startsWith('MultiDimensional') ? ['layers', 'heads'] : cls.startsWith('Granular') ? ['embedding dimensions'] : [];
  return sizes.map((size, i) => `${size} ${names[i] ?? 'values'}`).join(' × ');
}

/** Reads a file written by inseq's `FeatureAttributionOutput.save()` (text, or bytes, gzipped or not). */
export async function fromInseqJson(text: string | Uint8Array, options: InseqOptions = {}): Promise<HeatmapData> {
  let json: string;
  if (typeof text === 'string') json = text;
  else {
    const bytes = isGzip(text) ? await gunzip(text) : text;
    json = new TextDecoder().decode(bytes);
  }
  return fromInseqObject(parsePythonJson(json), options);
}

/** As {@link fromInseqJson}, from the file's parsed JSON. */
export async function fromInseqObject(parsed: unknown, options: InseqOptions = {}): Promise<HeatmapData> {
  const root = attributesOf(parsed);
  const sequences = root?.sequence_attributions;
  if (!Array.isArray(sequences)) return fail('not an inseq attribution file: no "sequence_attributions"');
  const index = options.index ?? 0;
  if (!Number.isInteger(index) || index < 0 || index >= sequences.length)
    fail(`index ${index}: the file holds ${sequences.length} sequence${sequences.length === 1 ? '' : 's'}${sequences.length ? ` (0–${sequences.length - 1})` : ''}`);
  const where = `sequence_attributions[${index}]`;
  const sequence = attributesOf(sequences[index]);
  if (!sequence) return fail(`${where}: not an object`);
  const cls = className(sequences[index]);
  const source = Array.isArray(sequence.source) ? sequence.source.map(tokenText) : [];
  const target = Array.isArray(sequence.target) ? sequence.target.map(tokenText) : [];

  const how = cls.startsWith('MultiDimensional') ? 'mean' : 'L2 norm';
  const raw = {
    source: await readTensor(sequence.source_attributions, `${where}.source_attributions`),
    target: await readTensor(sequence.target_attributions, `${where}.target_attributions`),
  };
  if (!raw.source && !raw.target) return fail(`${where}: no source_attributions or target_attributions`);
  const first = (raw.source ?? raw.target)!;
  const extra = first.shape.length > 2 ? extraDimensions(cls, first.shape) : '';
  const sourceScores = raw.source && reduce(raw.source, how);
  const targetScores = raw.target && reduce(raw.target, how);

  const columnCount = Math.max(sourceScores?.shape[1] ?? 0, targetScores?.shape[1] ?? 0);
  const start = Number.isInteger(sequence.attr_pos_start) ? Math.max(0, sequence.attr_pos_start as number) : 0;
  const columns = Array.from({ length: columnCount }, (_, k) => target[start + k] ?? `#${start + k}`);
  const rows: string[] = [];
  const values: number[][] = [];
  const addRows = (scores: Tensor | null, labels: string[]) => {
    if (!scores) return;
    const [count, width] = scores.shape;
    for (let r = 0; r < count; r++) {
      rows.push(labels[r] ?? `#${r}`);
      const row = new Array<number>(columnCount).fill(NaN);
      for (let c = 0; c < width; c++) row[c] = scores.data[r * width + c];
      values.push(row);
    }
  };
  addRows(sourceScores, source);
  addRows(targetScores, target);
  if (options.normalize) normalizeColumns(values, columnCount);

  const info = attributesOf(root!.info);
  const method = typeof info?.attribution_method === 'string' && info.attribution_method ? info.attribution_method : 'Attribution';
  const notes = [extra && `${how} over ${extra}`, options.normalize && 'normalised per column'].filter(Boolean);
  const data: HeatmapData = { rows, columns, values, label: notes.length ? `${method} (${notes.join('; ')})` : method };
  // Target attributions end with the generated tokens, output k being target[start + k].
  if (targetScores && target.length - start > 0 && target.length - start <= rows.length) data.targetRows = target.length - start;
  // Magnitudes have no sign to diverge about: draw them from 0 on a sequential scale.
  const finite = values.flat().filter((v) => Number.isFinite(v));
  const largest = finite.length && finite.every((v) => v >= 0) ? Math.max(...finite) : 0;
  if (largest > 0) Object.assign(data, { scheme: 'Blues', min: 0, max: largest });

  const stepScores = attributesOf(sequence.step_scores);
  if (stepScores && Object.keys(stepScores).length) {
    data.stepScores = {};
    for (const [name, value] of Object.entries(stepScores)) {
      const tensor = await readTensor(value, `${where}.step_scores.${name}`);
      if (tensor) data.stepScores[name] = Array.from(tensor.data);
    }
  }
  return data;
}

// inseq's normalize(): F.normalize(p=1, dim=0) over source and target rows together, NaN counted as 0.
function normalizeColumns(values: number[][], columnCount: number): void {
  for (let c = 0; c < columnCount; c++) {
    let sum = 0;
    for (const row of values) if (!Number.isNaN(row[c])) sum += Math.abs(row[c]);
    const divisor = Math.max(sum, 1e-12);
    for (const row of values) row[c] /= divisor;
  }
}
