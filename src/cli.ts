/**
 * `token-heatmap render data.json > heatmap.html`: the command line of `bin/token-heatmap.mjs`,
 * built into dist/cli.js with the server renderer bundled in.
 *
 * @module
 */
import { readFile, writeFile } from 'node:fs/promises';
import { deflateSync, gunzipSync } from 'node:zlib';
import { figureFromData } from './export/figure.js';
import { fromInseqObject, InseqFormatError, isInseqSave, parsePythonJson } from './export/inseq.js';
import { renderFigureSvg } from './export/svg.js';
import { checkInput, HeatmapInputError, inputWarnings, JSON_PROPERTIES, renderHeatmap, renderPage, type HeatmapInput } from './ssr.js';

/** The optional keys of the JSON, from the property schema, wrapped to the help's width. */
const optionKeys = JSON_PROPERTIES.filter((p) => !['rows', 'columns', 'values'].includes(p.name))
  .map((p) => p.name)
  .join(', ')
  .replace(/(.{1,72})(, |$)/g, '$1,\n')
  .replace(/,\n$/, '');

const USAGE = `Usage: token-heatmap render <data.json | -> [options] > heatmap.html

Writes the heatmap as one HTML page (drawn without JavaScript with declarative
shadow DOM, interactive once its inline script runs), or as a static figure
(SVG, or PNG when the optional package @resvg/resvg-js is installed).
"-" reads stdin.

The JSON has "rows", "columns" and "values" (values[row][column]), and
optionally any of these keys, as demo/seed-heatmap.json:
${optionKeys}.
A file written by inseq's FeatureAttributionOutput.save() (also compressed,
.json.gz) is read as well: rows are the source (and target) tokens, columns
the generated tokens.

Options:
  --format <f>     html (default), svg or png
  --out <file>     write to this file instead of stdout
  --index <n>      which sequence of an inseq file (default 0)
  --title <text>   page title (default: the caption, else the label)
  --no-script      a static page: no script, no tooltip or keyboard
  --fragment       only the <token-heatmap> element, to paste into a page
  -h, --help       show this help
`;

/** Where the command reads and writes; process streams by default, swappable in tests. */
export interface Io {
  stdout: { write(data: string | Uint8Array): unknown };
  stderr: { write(text: string): unknown };
  stdin: AsyncIterable<string | Uint8Array>;
}

class UsageError extends Error {}

type Format = 'html' | 'svg' | 'png';
const FORMATS: readonly Format[] = ['html', 'svg', 'png'];

function parseArgs(argv: string[]) {
  const args = {
    file: '',
    title: undefined as string | undefined,
    script: true,
    fragment: false,
    help: false,
    format: 'html' as Format,
    out: undefined as string | undefined,
    index: 0,
  };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    // --name value or --name=value
    const value = (name: string) => {
      const v = arg === name ? argv[++i] : arg.slice(name.length + 1);
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    const is = (name: string) => arg === name || arg.startsWith(`${name}=`);
    if (arg === '-h' || arg === '--help') args.help = true;
    else if (arg === '--no-script') args.script = false;
    else if (arg === '--fragment') args.fragment = true;
    else if (is('--title')) args.title = value('--title');
    else if (is('--out')) args.out = value('--out');
    else if (is('--format')) {
      const format = value('--format');
      if (!FORMATS.includes(format as Format)) throw new UsageError(`--format must be html, svg or png, not "${format}"`);
      args.format = format as Format;
    } else if (is('--index')) {
      const index = value('--index');
      if (!/^\d+$/.test(index)) throw new UsageError(`--index must be a whole number, not "${index}"`);
      args.index = Number(index);
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    else rest.push(arg);
  }
  if (args.help) return args;
  if (rest[0] !== 'render') throw new UsageError(rest.length ? `unknown command "${rest[0]}"; expected "render"` : 'missing command "render"');
  if (rest.length !== 2) throw new UsageError(rest.length < 2 ? 'missing the data file (a path, or - for stdin)' : `one data file at a time, got ${rest.length - 1}`);
  if (args.format !== 'html') {
    const htmlOnly = [args.fragment && '--fragment', !args.script && '--no-script', args.title !== undefined && '--title'].filter(Boolean);
    if (htmlOnly.length) throw new UsageError(`${htmlOnly.join(', ')} only apply to --format html`);
  }
  args.file = rest[1];
  return args;
}

const FILE_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  ENOTDIR: 'a parent is not a directory',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
};
const fileError = (error: unknown) => {
  const { code, message } = error as NodeJS.ErrnoException;
  return FILE_ERRORS[code ?? ''] ?? message;
};

async function readInput(file: string, io: Io): Promise<Uint8Array> {
  if (file === '-') {
    const chunks: Uint8Array[] = [];
    for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
    return Buffer.concat(chunks);
  }
  try {
    return await readFile(file);
  } catch (error) {
    throw new HeatmapInputError(`cannot read ${file}: ${fileError(error)}`);
  }
}

/** The file's text: gunzipped first when it is gzip (inseq's `save(compress=True)`). */
function decodeText(bytes: Uint8Array): string {
  if (bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch (error) {
      throw new HeatmapInputError(`not valid gzip (${(error as Error).message})`);
    }
  }
  return new TextDecoder().decode(bytes);
}

/** The heatmap in the file: the element's JSON, or an inseq save file read into it. */
async function readHeatmap(text: string, index: number): Promise<HeatmapInput> {
  let parsed: unknown;
  try {
    parsed = parsePythonJson(text);
  } catch (error) {
    throw new HeatmapInputError((error as Error).message);
  }
  if (!isInseqSave(parsed)) return checkInput(parsed);
  const data = await fromInseqObject(parsed, { index });
  // The element's data: NaN is a missing cell, written as null; step scores and target rows as the element reads them.
  return checkInput(data);
}

// resvg-js 2.6 draws the generic `monospace` and `sans-serif` in its default font whatever it is told
// (measured: monospace text came out proportional), so the PNG names common families first.
const NAMED_FAMILIES: Record<string, string> = {
  monospace: "'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', 'Noto Sans Mono', monospace",
  'sans-serif': "'DejaVu Sans', Helvetica, Arial, 'Liberation Sans', 'Noto Sans', sans-serif",
};

/** The SVG rasterised at twice its size by @resvg/resvg-js, the optional dependency. */
async function rasterise(svg: string): Promise<Uint8Array> {
  let resvg: typeof import('@resvg/resvg-js');
  try {
    resvg = await import('@resvg/resvg-js');
  } catch {
    throw new HeatmapInputError(
      '--format png needs the optional package @resvg/resvg-js (npm install @resvg/resvg-js); or write --format svg and convert it, e.g. rsvg-convert -z 2 figure.svg -o figure.png',
    );
  }
  const named = svg.replace(/font-family="(monospace|sans-serif)"/g, (_m, generic: string) => `font-family="${NAMED_FAMILIES[generic]}"`);
  const renderer = new resvg.Resvg(named, { fitTo: { mode: 'zoom', value: 2 }, font: { loadSystemFonts: true } });
  return renderer.render().asPng();
}

/**
 * Runs the command with `argv` (without node and the script) and returns the exit code:
 * 0 written, 1 bad input or output (one line on stderr naming the problem), 2 bad usage.
 */
export async function main(argv: string[], io: Io = process): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`token-heatmap: ${error.message}\nRun "token-heatmap --help" for usage.\n`);
    return 2;
  }
  if (args.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const source = args.file === '-' ? 'stdin' : args.file;
  try {
    const bytes = await readInput(args.file, io);
    let input;
    try {
      input = await readHeatmap(decodeText(bytes), args.index);
    } catch (error) {
      // Name the file: the message itself names the key.
      if (error instanceof HeatmapInputError || error instanceof InseqFormatError) throw new HeatmapInputError(`${source}: ${error.message}`);
      throw error;
    }
    // Drawn as the element draws it (the data's range widened), and said once here.
    for (const warning of inputWarnings(input)) io.stderr.write(`token-heatmap: warning: ${source}: ${warning}\n`);
    let output: string | Uint8Array;
    if (args.format === 'html') {
      output = args.fragment ? `${await renderHeatmap(input)}\n` : await renderPage(input, { title: args.title, script: args.script });
    } else {
      const svg = renderFigureSvg(figureFromData(input, { deflate: (data) => deflateSync(data, { level: 9 }) }));
      output = args.format === 'svg' ? svg : await rasterise(svg);
    }
    if (args.out === undefined) io.stdout.write(output);
    else {
      try {
        await writeFile(args.out, output);
      } catch (error) {
        throw new HeatmapInputError(`cannot write ${args.out}: ${fileError(error)}`);
      }
    }
    return 0;
  } catch (error) {
    // Never a stack trace: an unexpected failure is one line too.
    const message = error instanceof HeatmapInputError ? error.message : `unexpected error: ${(error as Error)?.message ?? String(error)}`;
    io.stderr.write(`token-heatmap: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
    return 1;
  }
}
