// One CSS colour, checked by grammar before it reaches a style: an interpolator (or any other
// function or option) can return any string, and `red;background-image:url(…)` in a style adds a
// declaration that fetches a URL. Nothing accepted here contains `;`, `:`, `{`, `}`, `\`, quotes,
// comments or an unknown function, so an accepted colour can never end its declaration.

/** The longest colour accepted: `color(display-p3 …)` with full-precision doubles fits with room to spare. */
export const MAX_COLOR_LENGTH = 128;

/** The CSS named colours (CSS Color 4), lowercase. */
const NAMED = new Set(
  (
    'aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood ' +
    'cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray ' +
    'darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen ' +
    'darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue ' +
    'firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew ' +
    'hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan ' +
    'lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray ' +
    'lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue ' +
    'mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred ' +
    'midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid ' +
    'palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple ' +
    'rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue ' +
    'slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white ' +
    'whitesmoke yellow yellowgreen'
  ).split(' '),
);

/** Every named colour `cssColor` accepts (plus `transparent`), lowercase. */
export const NAMED_COLORS: readonly string[] = [...NAMED];

/** The colour spaces of `color()` (CSS Color 4). */
const COLOR_SPACES = new Set(['srgb', 'srgb-linear', 'display-p3', 'a98-rgb', 'prophoto-rgb', 'rec2020', 'xyz', 'xyz-d50', 'xyz-d65']);

// A CSS <number>: digits with an optional fraction (never a bare trailing dot) and exponent.
const NUMBER = String.raw`[+-]?(?:\d*\.\d+|\d+)(?:e[+-]?\d+)?`;
const IS_NUMBER = new RegExp(`^${NUMBER}$`);
const IS_PERCENT = new RegExp(`^${NUMBER}%$`);
const IS_HUE = new RegExp(`^${NUMBER}(?:deg|grad|rad|turn)?$`);
const IS_HEX = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/;
const FUNCTION = /^([a-z]+)\(([^()]*)\)$/;

/** What one component may be: n = <number>, p = <percentage>, h = <hue> (a number or an angle). */
type Kind = 'n' | 'p' | 'np' | 'h';

const isKind = (token: string, kind: Kind) =>
  kind === 'h' ? IS_HUE.test(token) : (kind.includes('n') && IS_NUMBER.test(token)) || (kind.includes('p') && IS_PERCENT.test(token));

/** The three channels of each function in the modern (space-separated) syntax. */
// A Map, not an object: `constructor(…)` must not find Object.prototype's members.
const MODERN = new Map<string, readonly [Kind, Kind, Kind]>([
  ['rgb', ['np', 'np', 'np']],
  ['rgba', ['np', 'np', 'np']],
  ['hsl', ['h', 'np', 'np']],
  ['hsla', ['h', 'np', 'np']],
  ['hwb', ['h', 'np', 'np']],
  ['lab', ['np', 'np', 'np']],
  ['oklab', ['np', 'np', 'np']],
  ['lch', ['np', 'np', 'h']],
  ['oklch', ['np', 'np', 'h']],
  ['color', ['np', 'np', 'np']],
]);

/** The legacy (comma-separated) syntax: rgb()'s channels are all numbers or all percentages; no `none`. */
function legacy(name: string, args: string): boolean {
  const parts = args.split(',').map((p) => p.trim());
  if (parts.length !== 3 && parts.length !== 4) return false;
  const channels: readonly Kind[][] = name.startsWith('rgb') ? [['n', 'n', 'n'], ['p', 'p', 'p']] : name.startsWith('hsl') ? [['h', 'p', 'p']] : [];
  const alphaOk = parts.length === 3 || isKind(parts[3], 'np');
  return alphaOk && channels.some((kinds) => kinds.every((kind, i) => isKind(parts[i], kind)));
}

/** The modern syntax: three space-separated channels (each may be `none`), then `/ alpha` if any. */
function modern(name: string, args: string): boolean {
  const halves = args.split('/');
  if (halves.length > 2) return false;
  const channels = halves[0].trim().split(/\s+/);
  if (name === 'color') {
    const space = channels.shift();
    if (space === undefined || !COLOR_SPACES.has(space)) return false;
  }
  const kinds = MODERN.get(name);
  if (!kinds || channels.length !== 3 || !channels.every((c, i) => c === 'none' || isKind(c, kinds[i]))) return false;
  if (halves.length === 1) return true;
  const alpha = halves[1].trim();
  return alpha === 'none' || isKind(alpha, 'np');
}

/**
 * `value` as a single CSS colour safe to put in a style, trimmed, or null: hex (#rgb, #rgba,
 * #rrggbb, #rrggbbaa), rgb()/rgba()/hsl()/hsla() in the legacy and the modern syntax, hwb(),
 * lab(), lch(), oklab(), oklch(), color(), the named colours and `transparent`. Anything else
 * (other types, other functions, var(), calc(), `;`, comments, escapes, over-long text) is null.
 */
export function cssColor(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > MAX_COLOR_LENGTH) return null;
  const text = value.trim();
  // CSS keywords and function names are ASCII case-insensitive; nothing else is lowered.
  const lower = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
  if (IS_HEX.test(lower) || lower === 'transparent' || NAMED.has(lower)) return text;
  const match = FUNCTION.exec(lower);
  if (!match || !MODERN.has(match[1])) return null;
  const [, name, args] = match;
  return (args.includes(',') ? legacy(name, args) : modern(name, args)) ? text : null;
}
