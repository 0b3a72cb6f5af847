/**
 * `token-heatmap render data.json > heatmap.html`: the command line of `bin/token-heatmap.mjs`,
 * built into dist/cli.js with the server renderer bundled in.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
// Everything from ./ssr.js: the build keeps dist/cli.js one file beside dist/ssr.js.
import { HeatmapInputError, JSON_PROPERTIES, parseHeatmapJson, renderHeatmap, renderPage } from './ssr.js';

/** The optional keys of the JSON, from the property schema, wrapped to the help's width. */
const optionKeys = JSON_PROPERTIES.filter((p) => !['rows', 'columns', 'values'].includes(p.name))
  .map((p) => p.name)
  .join(', ')
  .replace(/(.{1,72})(, |$)/g, '$1,\n')
  .replace(/,\n$/, '');

const USAGE = `Usage: token-heatmap render <data.json | -> [options] > heatmap.html

Writes one HTML page showing the heatmap: drawn without JavaScript (declarative
shadow DOM) and interactive once its inline script runs. "-" reads stdin.

The JSON has "rows", "columns" and "values" (values[row][column]), and
optionally any of these keys, as demo/seed-heatmap.json:
${optionKeys}.

Options:
  --title <text>   page title (default: the caption, else the label)
  --no-script      a static page: no script, no tooltip or keyboard
  --fragment       only the <token-heatmap> element, to paste into a page
  -h, --help       show this help
`;

/** Where the command reads and writes; process streams by default, swappable in tests. */
export interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  stdin: AsyncIterable<string | Uint8Array>;
}

class UsageError extends Error {}

function parseArgs(argv: string[]) {
  const args = { file: '', title: undefined as string | undefined, script: true, fragment: false, help: false };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') args.help = true;
    else if (arg === '--no-script') args.script = false;
    else if (arg === '--fragment') args.fragment = true;
    else if (arg === '--title' || arg.startsWith('--title=')) {
      const value = arg === '--title' ? argv[++i] : arg.slice('--title='.length);
      if (value === undefined) throw new UsageError('--title needs a value');
      args.title = value;
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    else rest.push(arg);
  }
  if (args.help) return args;
  if (rest[0] !== 'render') throw new UsageError(rest.length ? `unknown command "${rest[0]}"; expected "render"` : 'missing command "render"');
  if (rest.length !== 2) throw new UsageError(rest.length < 2 ? 'missing the data file (a path, or - for stdin)' : `one data file at a time, got ${rest.length - 1}`);
  args.file = rest[1];
  return args;
}

const READ_ERRORS: Record<string, string> = { ENOENT: 'no such file', EISDIR: 'is a directory', EACCES: 'permission denied' };

async function readInput(file: string, io: Io): Promise<string> {
  if (file === '-') {
    let text = '';
    const decoder = new TextDecoder();
    for await (const chunk of io.stdin) text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    return text + decoder.decode();
  }
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new HeatmapInputError(`cannot read ${file}: ${READ_ERRORS[code ?? ''] ?? message}`);
  }
}

/**
 * Runs the command with `argv` (without node and the script) and returns the exit code:
 * 0 written, 1 bad input (one line on stderr naming the problem), 2 bad usage.
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
    const text = await readInput(args.file, io);
    let input;
    try {
      input = parseHeatmapJson(text);
    } catch (error) {
      // Name the file: the message itself names the key.
      if (error instanceof HeatmapInputError) error.message = `${source}: ${error.message}`;
      throw error;
    }
    io.stdout.write(args.fragment ? `${await renderHeatmap(input)}\n` : await renderPage(input, { title: args.title, script: args.script }));
    return 0;
  } catch (error) {
    if (!(error instanceof HeatmapInputError)) throw error;
    io.stderr.write(`token-heatmap: ${error.message}\n`);
    return 1;
  }
}
