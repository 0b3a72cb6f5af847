// Rollup plugin for the self-contained bundle: lets tree-shaking drop what the
// d3-scale-chromatic interpolators never use, without changing what they return.
//
// Why it is kept (issue 9 item 33, measured on the bundle of src/index.ts, min+gzip -9, no banner):
// without the plugin 32,287 B, over the 30,720 B budget before any new feature; with only steps 1
// and 2 below 30,121 B; with 1–3 26,814 B; with everything 23,609 B. scripts/verify-trim.mjs (in `npm test`) and
// test/unit/schemes.test.ts check that every scheme still equals d3's at every sampled point.
//
// 1. ColorBrewer ramps are built as `ramp(scheme)`, where `scheme` holds all the k = 3..11
//    colour strings but ramp() only reads `scheme[scheme.length - 1]`. The call becomes
//    `ramp([colors("<largest string>")])`: ramp() gets the same colour array.
// 2. Top-level `var x = call(...)` / `export default call(...)` initialisers in d3-scale-chromatic,
//    d3-interpolate and d3-color get /*#__PURE__*/, so unused ones (the scheme* arrays,
//    categorical schemes, unused d3-interpolate factories) are dropped. Whatever is still
//    used is kept intact: schemeRdYlGn & co. stay correct if some code imports them.
// 3. packRamps: the 256-colour ramps (Viridis, Magma, Inferno, Plasma) are stored as per-channel
//    deltas, which gzip to a fifth of the hex, and expanded back to the identical hex string at
//    load time. Each encoding is decoded at build time and must give back the original.
// 4. keepNamedColors: false empties d3-color's CSS colour-name table (the schemes only hand it
//    "#rrggbb"); keepLabHcl: false drops the Lab/HCL prototypes that nothing in the bundle uses.
//    Guards fail the build if a module outside these packages imports d3-color or d3-interpolate
//    (only the schemes' own calls are known to be safe), or if lab/hcl/lch/gray end up in the output.
// 5. keepColorMethods: false drops the d3-color prototype methods no interpolator calls. What the
//    interpolators do with colour objects: interpolateRgbBasis parses each "#rrggbb" with rgb(s)
//    and returns `color + ""`; interpolateCubehelixLong, rainbow and sinebow build Cubehelix/Rgb
//    objects and return `c + ""`. `+ ""` ends in toString: Rgb#toString is formatRgb, and a
//    Cubehelix inherits Color#toString, which is `this.rgb().formatRgb()`. So only Color#toString,
//    Rgb#rgb/formatRgb/toString and Cubehelix#rgb stay (COLOR_METHODS); brighter, darker, clamp,
//    copy, displayable, hex, formatHex, formatHex8, formatHsl and Color#formatRgb go. Every
//    listed method must be found where expected, or the build fails.
// 6. keepCssParsing: false keeps only the "#rrggbb" branch of d3-color's color(): the schemes only
//    parse strings built by their own colors(), which are "#" + 6 hex digits. rgb()/rgba()/hsl()/
//    hsla() strings, "#rgb"/"#rgba"/"#rrggbbaa", colour names and "transparent" are no longer
//    parsed, so their regular expressions and the named table go.
// 7. keepHsl: false drops `define(Hsl, hsl, …)`; with 5 and 6 nothing creates an Hsl any more.
//    The build fails if d3-color's hsl export is still used.
// 8. keepCubehelixConvert: false keeps only the copy branch of cubehelixConvert(o), which
//    cubehelix(o) calls with one argument: the schemes create Cubehelix colours with
//    cubehelix(h, s, l) or cubehelix() and interpolateCubehelixLong only copies those, so the
//    RGB → cubehelix conversion goes; any other argument now throws.
// For 5–8, d3-scale-chromatic may import only SCHEME_IMPORTS from d3-interpolate / d3-color, may
// only call them (never pass them on), may call cubehelix only with 0 or ≥ 2 arguments,
// interpolateCubehelixLong only with such calls and rgb only with 0 or ≥ 2 arguments or a
// "#rrggbb" literal: a new version that does anything else fails the build instead of getting a
// trimmed d3-color. (What interpolateRgbBasis parses is the schemes' colors() output.)
// scripts/verify-trim.mjs proves all of this: every interpolator equals the original, and the
// colour objects of the trimmed build carry exactly the methods kept here.
//
// Handles the flattened dist/*.mjs files (d3-scale-chromatic 3.1.1) and the older per-module
// src/ layout (`export var scheme = ...; export default ramp(scheme);`).

const PACKAGE = /[\\/]node_modules[\\/](d3-scale-chromatic|d3-interpolate|d3-color)[\\/]/;
const PURE = /\/\*\s*[#@]__PURE__\s*\*\/\s*$/;
const LAB_HCL_EXPORTS = ['lab', 'hcl', 'lch', 'gray'];
const HSL_EXPORTS = ['hsl', 'hslConvert'];

/** d3-color prototypes: the methods kept (used by the interpolators) and those dropped (step 5). */
export const COLOR_METHODS = {
  Color: { keep: ['toString'], drop: ['copy', 'displayable', 'hex', 'formatHex', 'formatHex8', 'formatHsl', 'formatRgb'] },
  Rgb: { keep: ['rgb', 'formatRgb', 'toString'], drop: ['brighter', 'darker', 'clamp', 'displayable', 'hex', 'formatHex', 'formatHex8'] },
  Cubehelix: { keep: ['rgb'], drop: ['brighter', 'darker'] },
};

/** What d3-scale-chromatic may import when steps 5–8 trim d3-color: the calls checked above. */
const SCHEME_IMPORTS = {
  'd3-interpolate': ['interpolateRgbBasis', 'interpolateCubehelixLong'],
  'd3-color': ['rgb', 'cubehelix'],
};

const isId = (node, name) => node?.type === 'Identifier' && (name === undefined || node.name === name);
const isString = (node) => node?.type === 'Literal' && typeof node.value === 'string';

/** `new Array(k).concat("…", …, "…").map(colors)` → { last, colorsName } */
function schemeArray(init) {
  if (init?.type !== 'CallExpression' || init.arguments.length !== 1 || !isId(init.arguments[0])) return null;
  const map = init.callee;
  if (map?.type !== 'MemberExpression' || map.computed || !isId(map.property, 'map')) return null;
  const concat = map.object;
  if (concat?.type !== 'CallExpression' || !concat.arguments.length || !concat.arguments.every(isString)) return null;
  const member = concat.callee;
  if (member?.type !== 'MemberExpression' || member.computed || !isId(member.property, 'concat')) return null;
  const array = member.object;
  if (array?.type !== 'NewExpression' || !isId(array.callee, 'Array')) return null;
  return { last: concat.arguments[concat.arguments.length - 1], colorsName: init.arguments[0].name };
}

/** `(scheme) => f(scheme[scheme.length - 1])` */
function isRampFunction(fn) {
  if (fn?.type !== 'ArrowFunctionExpression' && fn?.type !== 'FunctionExpression' && fn?.type !== 'FunctionDeclaration') return false;
  if (fn.params.length !== 1 || !isId(fn.params[0])) return false;
  const p = fn.params[0].name;
  let body = fn.body;
  if (body.type === 'BlockStatement') {
    if (body.body.length !== 1 || body.body[0].type !== 'ReturnStatement') return false;
    body = body.body[0].argument;
  }
  if (body?.type !== 'CallExpression' || body.arguments.length !== 1) return false;
  const arg = body.arguments[0];
  return (
    arg.type === 'MemberExpression' && arg.computed && isId(arg.object, p) &&
    arg.property.type === 'BinaryExpression' && arg.property.operator === '-' &&
    arg.property.right.type === 'Literal' && arg.property.right.value === 1 &&
    arg.property.left.type === 'MemberExpression' && isId(arg.property.left.object, p) &&
    isId(arg.property.left.property, 'length')
  );
}

/** Top-level `var`/`let`/`const` declarators, exported or not. */
function* declarators(program) {
  for (const node of program.body) {
    const decl = node.type === 'ExportNamedDeclaration' ? node.declaration : node;
    if (decl?.type === 'VariableDeclaration') yield* decl.declarations;
  }
}

/** Calls visit(node, parent) for every node under root. */
function walk(root, visit, parent = null) {
  if (!root || typeof root.type !== 'string') return;
  visit(root, parent);
  for (const [key, value] of Object.entries(root)) {
    if (key === 'parent') continue;
    if (Array.isArray(value)) for (const v of value) walk(v, visit, root);
    else if (value && typeof value === 'object') walk(value, visit, root);
  }
}

/** Top-level function declarations, exported or not. */
function* functions(program) {
  for (const node of program.body) {
    const decl = node.type === 'ExportNamedDeclaration' || node.type === 'ExportDefaultDeclaration' ? node.declaration : node;
    if (decl?.type === 'FunctionDeclaration') yield decl;
  }
}

/** `define(Name, factory, { … })` or `define(Name, factory, extend(Color, { … }))` → { name, object } */
function defineCall(node) {
  const e = node.type === 'ExpressionStatement' && node.expression;
  if (e?.type !== 'CallExpression' || !isId(e.callee, 'define') || e.arguments.length !== 3 || !isId(e.arguments[0])) return null;
  let object = e.arguments[2];
  if (object.type === 'CallExpression' && isId(object.callee, 'extend') && object.arguments.length === 2 && isId(object.arguments[0], 'Color')) {
    object = object.arguments[1];
  }
  return object.type === 'ObjectExpression' ? { name: e.arguments[0].name, object } : null;
}

const propertyName = (p) => (p.type === 'Property' && !p.computed && (isId(p.key) ? p.key.name : isString(p.key) ? p.key.value : null)) || null;

/**
 * d3-color's `function color(format) { …; return (m = reHex.exec(format)) ? (l = m[1].length,
 * m = parseInt(m[1], 16), l === 6 ? rgbn(m) : …) : …; }` → the two `…` to cut, or null.
 */
function colorParseBranches(fn) {
  if (fn.params.length !== 1 || !isId(fn.params[0])) return null;
  const ret = fn.body.body[fn.body.body.length - 1];
  const outer = ret?.type === 'ReturnStatement' && ret.argument;
  if (outer?.type !== 'ConditionalExpression') return null;
  const test = outer.test;
  if (test.type !== 'AssignmentExpression' || test.right.type !== 'CallExpression' || !isId(test.right.callee.property, 'exec') ||
      !isId(test.right.callee.object, 'reHex')) return null;
  const seq = outer.consequent;
  const inner = seq.type === 'SequenceExpression' && seq.expressions[seq.expressions.length - 1];
  if (inner?.type !== 'ConditionalExpression') return null;
  const six = inner.test;
  if (six.type !== 'BinaryExpression' || six.operator !== '===' || six.right.type !== 'Literal' || six.right.value !== 6) return null;
  if (inner.consequent.type !== 'CallExpression' || inner.consequent.arguments.length !== 1) return null;
  return [inner.alternate, outer.alternate];
}

/**
 * `function cubehelixConvert(o) { if (o instanceof Cubehelix) return new Cubehelix(…); …;
 * return new Cubehelix(…); }` → the statements after the `if`, or null.
 */
function cubehelixConversion(fn) {
  const body = fn.body.body;
  if (fn.params.length !== 1 || !isId(fn.params[0]) || body.length < 3) return null;
  const [first, last] = [body[0], body[body.length - 1]];
  const isNewCubehelix = (n) => n?.type === 'NewExpression' && isId(n.callee, 'Cubehelix');
  if (first.type !== 'IfStatement' || first.alternate || first.test.type !== 'BinaryExpression' || first.test.operator !== 'instanceof' ||
      !isId(first.test.left, fn.params[0].name) || !isId(first.test.right, 'Cubehelix')) return null;
  const copy = first.consequent.type === 'BlockStatement' && first.consequent.body.length === 1 ? first.consequent.body[0] : first.consequent;
  if (copy.type !== 'ReturnStatement' || !isNewCubehelix(copy.argument)) return null;
  if (last.type !== 'ReturnStatement' || !isNewCubehelix(last.argument)) return null;
  return { start: body[1].start, end: last.end };
}

// ---- packRamps -----------------------------------------------------------------------------
// "rrggbb…" (n colours) ⇄ first colour in hex, then n - 1 red deltas, n - 1 green, n - 1 blue,
// each as the character 80 + delta. unpackHex's source is inlined in the bundle.
const DELTA_BASE = 80;

function unpackHex(s) {
  var n = (s.length - 6) / 3, out = '', v = [], i, c;
  for (c = 0; c < 3; ++c) v[c] = parseInt(s.slice(2 * c, 2 * c + 2), 16);
  for (i = 0; i <= n; ++i) {
    for (c = 0; c < 3; ++c) {
      if (i) v[c] += s.charCodeAt(6 + c * n + i - 1) - 80;
      out += (v[c] | 256).toString(16).slice(1);
    }
  }
  return out;
}

/** The packed form of a lowercase hex colour string, or null if it would not round-trip. */
export function packHex(hex) {
  if (!/^(?:[0-9a-f]{6})+$/.test(hex)) return null;
  const n = hex.length / 6;
  let out = hex.slice(0, 6);
  for (let c = 0; c < 3; c++) {
    for (let i = 1; i < n; i++) {
      const code = DELTA_BASE + parseInt(hex.slice(i * 6 + 2 * c, i * 6 + 2 * c + 2), 16) - parseInt(hex.slice(i * 6 - 6 + 2 * c, i * 6 - 4 + 2 * c), 16);
      if (code < 32 || code > 126) return null;
      out += String.fromCharCode(code);
    }
  }
  return unpackHex(out) === hex ? out : null;
}
export { unpackHex };

// ---------------------------------------------------------------------------------------------

/** The plugin's options with their defaults filled in (each keep* defaults to trimming). */
export function resolveTrimOptions({
  keepNamedColors = false,
  keepLabHcl = false,
  keepCssParsing = keepNamedColors,
  keepColorMethods = false,
  keepHsl = keepCssParsing || keepColorMethods,
  keepCubehelixConvert = false,
  packRamps = true,
  packMinColors = 64,
} = {}) {
  return { keepNamedColors, keepLabHcl, keepCssParsing, keepColorMethods, keepHsl, keepCubehelixConvert, packRamps, packMinColors };
}

export default function trimSchemes(options) {
  const { keepNamedColors, keepLabHcl, keepCssParsing, keepColorMethods, keepHsl, keepCubehelixConvert, packRamps, packMinColors } = resolveTrimOptions(options);
  if (keepNamedColors && !keepCssParsing) throw new Error('trim-schemes: keepNamedColors needs keepCssParsing (names are parsed by the CSS branches)');
  if (!keepHsl && (keepCssParsing || keepColorMethods)) {
    throw new Error('trim-schemes: keepHsl: false needs keepCssParsing: false and keepColorMethods: false (hsl() strings and formatHsl() create Hsl objects)');
  }
  const trimsColor = !keepColorMethods || !keepCssParsing || !keepHsl || !keepCubehelixConvert;
  const stats = { schemes: 0, pure: 0, packed: 0, namedColors: 0, labHcl: 0, colorMethods: 0, cssParsing: 0, hsl: 0, cubehelixConvert: 0 };
  const colorModules = new Set(); // d3-color and d3-interpolate modules
  const labHclModules = new Set();
  const hslModules = new Set();
  // d3-color module → what steps 5–8 found in it; kept per module so that watch-mode rebuilds,
  // which reuse cached transforms, still see everything
  const colorTrims = new Map();
  let sawChromatic = false;

  return {
    name: 'trim-schemes',
    stats,

    transform(code, id) {
      const pkg = PACKAGE.exec(id)?.[1];
      if (!pkg || !/\.m?js$/.test(id)) return null;
      const program = this.parse(code);
      const edits = []; // [start, end, text]
      let append = '';

      // 2. pure annotations on top-level initialisers
      const inits = [];
      for (const d of declarators(program)) if (d.init) inits.push(d.init);
      for (const node of program.body) if (node.type === 'ExportDefaultDeclaration') inits.push(node.declaration);
      for (const init of inits) {
        if (init.type !== 'CallExpression' && init.type !== 'NewExpression') continue;
        if (PURE.test(code.slice(Math.max(0, init.start - 40), init.start))) continue;
        edits.push([init.start, init.start, '/*#__PURE__*/ ']);
        stats.pure++;
      }

      if (pkg === 'd3-scale-chromatic') {
        sawChromatic = true;
        // 5–8 are only safe for the calls the schemes are known to make
        if (trimsColor) {
          const unchecked = (what) => this.error(`trim-schemes: ${id} ${what}, which the d3-color trims were not checked against; update scripts/trim-schemes.mjs or pass keepColorMethods, keepCssParsing, keepHsl, keepCubehelixConvert: true`);
          const locals = new Map(); // local name → imported name
          for (const node of program.body) {
            if (node.type !== 'ImportDeclaration' && !(node.type === 'ExportNamedDeclaration' || node.type === 'ExportAllDeclaration') || !node.source) continue;
            const allowed = SCHEME_IMPORTS[node.source.value];
            if (!allowed) continue;
            const names = node.type === 'ExportAllDeclaration' ? ['*'] : node.specifiers.map((sp) =>
              sp.type === 'ImportSpecifier' ? (sp.imported.name ?? sp.imported.value) : sp.type === 'ExportSpecifier' ? (sp.local.name ?? sp.local.value) : '*');
            const other = names.filter((n) => !allowed.includes(n));
            if (other.length) unchecked(`uses ${other.join(', ')} from ${node.source.value}`);
            if (node.type === 'ImportDeclaration') for (const sp of node.specifiers) locals.set(sp.local.name, sp.imported.name ?? sp.imported.value);
          }
          const isCubehelixColor = (n) => n?.type === 'CallExpression' && isId(n.callee) && locals.get(n.callee.name) === 'cubehelix' && n.arguments.length !== 1;
          walk(program, (node, parent) => {
            if (node.type === 'CallExpression' && isId(node.callee) && locals.has(node.callee.name)) {
              const name = locals.get(node.callee.name);
              if (name === 'cubehelix' && node.arguments.length === 1) unchecked('converts a colour with cubehelix(x)');
              if (name === 'rgb' && node.arguments.length === 1 && !(isString(node.arguments[0]) && /^#[0-9a-f]{6}$/.test(node.arguments[0].value))) {
                unchecked('parses something other than a "#rrggbb" literal with rgb(x)');
              }
              if (name === 'interpolateCubehelixLong' && !node.arguments.every(isCubehelixColor)) unchecked('passes interpolateCubehelixLong something other than cubehelix(h, s, l)');
            }
            if (isId(node) && locals.has(node.name) && !(parent?.type === 'CallExpression' && parent.callee === node) &&
                parent?.type !== 'ImportSpecifier' && !(parent?.type === 'MemberExpression' && parent.property === node && !parent.computed) &&
                !(parent?.type === 'Property' && parent.key === node && !parent.computed && !parent.shorthand)) {
              unchecked(`uses ${locals.get(node.name)} other than by calling it`);
            }
          });
        }
        // 1. ramp(scheme) → ramp([colors("largest")])
        const schemes = new Map();
        const ramps = new Set();
        for (const d of declarators(program)) {
          if (!isId(d.id)) continue;
          const s = schemeArray(d.init);
          if (s) schemes.set(d.id.name, s);
          else if (isRampFunction(d.init)) ramps.add(d.id.name);
        }
        for (const node of program.body) {
          // per-module layout: `import ramp from "../ramp.js"`, checked when ramp.js itself goes through here
          if (node.type === 'ImportDeclaration' && /(^|\/)ramp\.js$/.test(node.source.value)) {
            for (const s of node.specifiers) if (s.type === 'ImportDefaultSpecifier') ramps.add(s.local.name);
          }
          if (node.type === 'ExportDefaultDeclaration' && /[\\/]ramp\.js$/.test(id) && !isRampFunction(node.declaration)) {
            this.error(`trim-schemes: ${id} no longer reads scheme[scheme.length - 1]; update scripts/trim-schemes.mjs`);
          }
        }
        for (const init of inits) {
          if (init.type !== 'CallExpression' || !isId(init.callee) || !ramps.has(init.callee.name)) continue;
          if (init.arguments.length !== 1 || !isId(init.arguments[0])) continue;
          const s = schemes.get(init.arguments[0].name);
          if (!s) continue;
          const arg = init.arguments[0];
          edits.push([arg.start, arg.end, `[${s.colorsName}(${code.slice(s.last.start, s.last.end)})]`]);
          stats.schemes++;
        }

        // 3. long hex ramps → packed deltas: `f("hex…")` as a top-level initialiser or its argument
        if (packRamps) {
          let name = 'unpackHex';
          while (code.includes(name)) name += '$';
          let packed = 0;
          const candidates = [];
          for (const init of inits) {
            if (init.type !== 'CallExpression') continue;
            candidates.push(init, ...init.arguments.filter((a) => a.type === 'CallExpression'));
          }
          for (const call of candidates) {
            const lit = call.arguments.length === 1 && call.arguments[0];
            if (!isString(lit) || lit.value.length < packMinColors * 6) continue;
            const text = packHex(lit.value);
            if (!text) continue;
            edits.push([lit.start, lit.end, `/*#__PURE__*/ ${name}(${JSON.stringify(text)})`]);
            packed++;
          }
          stats.packed += packed;
          if (packed) append += `\n${unpackHex.toString().replace(/^function unpackHex/, `function ${name}`)}\n`;
        }
      }

      if (pkg !== 'd3-scale-chromatic') colorModules.add(id);
      if (pkg === 'd3-color') {
        // 4. empty the CSS named-colour table
        if (!keepNamedColors) {
          for (const d of declarators(program)) {
            const o = d.init;
            if (isId(d.id, 'named') && o?.type === 'ObjectExpression' && o.properties.length > 100 &&
                o.properties.every((p) => p.type === 'Property' && p.value.type === 'Literal' && typeof p.value.value === 'number')) {
              edits.push([o.start, o.end, '{}']);
              stats.namedColors++;
            }
          }
        }
        const found = []; // 'define(Rgb, …)', 'function color(format)', …
        colorTrims.set(id, found);
        // 5 + 7. drop unused prototype methods and the Hsl prototype
        for (const node of program.body) {
          const def = defineCall(node);
          if (!def) continue;
          if (def.name === 'Hsl' && !keepHsl) {
            edits.push([node.start, node.end, '']);
            stats.hsl++;
            hslModules.add(id);
            found.push('define(Hsl, …)');
            continue;
          }
          const spec = COLOR_METHODS[def.name];
          if (!spec || keepColorMethods) continue;
          const names = def.object.properties.map(propertyName);
          const missing = [...spec.keep, ...spec.drop].filter((n) => !names.includes(n));
          if (missing.length) this.error(`trim-schemes: d3-color's ${def.name} prototype has no ${missing.join(', ')} (${id}); update COLOR_METHODS in scripts/trim-schemes.mjs`);
          found.push(`define(${def.name}, …)`);
          const kept = def.object.properties.filter((p, i) => !spec.drop.includes(names[i]));
          edits.push([def.object.start, def.object.end, `{\n${kept.map((p) => `  ${code.slice(p.start, p.end)}`).join(',\n')}\n}`]);
          stats.colorMethods += def.object.properties.length - kept.length;
        }
        // 8. cubehelixConvert(o): only the Cubehelix copy
        if (!keepCubehelixConvert) {
          for (const fn of functions(program)) {
            if (!isId(fn.id, 'cubehelixConvert')) continue;
            const range = cubehelixConversion(fn);
            if (!range) this.error(`trim-schemes: d3-color's cubehelixConvert() in ${id} no longer starts with the Cubehelix copy; update scripts/trim-schemes.mjs`);
            edits.push([range.start, range.end, 'throw Error("trimmed d3-color: cubehelix(x)");']);
            stats.cubehelixConvert++;
            found.push('function cubehelixConvert(o)');
          }
        }
        // 6. color(): only "#rrggbb"
        if (!keepCssParsing) {
          for (const fn of functions(program)) {
            if (!isId(fn.id, 'color')) continue;
            const branches = colorParseBranches(fn);
            if (!branches) this.error(`trim-schemes: d3-color's color() in ${id} no longer has the expected "#rrggbb" branch; update scripts/trim-schemes.mjs`);
            for (const b of branches) edits.push([b.start, b.end, 'null']);
            stats.cssParsing++;
            found.push('function color(format)');
          }
        }
        // 4. drop `define(Lab, lab, …)` / `define(Hcl, hcl, …)` (only where the same module exports lab/hcl)
        if (!keepLabHcl) {
          const exported = new Set();
          for (const node of program.body) {
            if (node.type === 'ExportNamedDeclaration') for (const s of node.specifiers) exported.add(s.exported.name);
          }
          if (exported.has('lab') && exported.has('hcl')) {
            for (const node of program.body) {
              const e = node.type === 'ExpressionStatement' && node.expression;
              if (e?.type === 'CallExpression' && isId(e.callee, 'define') && e.arguments.length === 3 &&
                  ['Lab', 'Hcl'].some((n) => isId(e.arguments[0], n)) && ['lab', 'hcl'].some((n) => isId(e.arguments[1], n))) {
                edits.push([node.start, node.end, '']);
                stats.labHcl++;
                labHclModules.add(id);
              }
            }
          }
        }
      }

      if (!edits.length && !append) return null;
      edits.sort((a, b) => b[0] - a[0] || b[1] - a[1]);
      let out = code;
      for (const [start, end, text] of edits) out = out.slice(0, start) + text + out.slice(end);
      return { code: out + append, map: null };
    },

    buildEnd(error) {
      if (error) return;
      if (sawChromatic && stats.schemes === 0) {
        this.warn('trim-schemes: no ramp(scheme) calls found in d3-scale-chromatic; its layout changed, nothing was trimmed');
      }
      if (!keepNamedColors && sawChromatic && stats.namedColors === 0) this.warn('trim-schemes: d3-color named-colour table not found');
      const ids = new Set(this.getModuleIds());
      const inGraph = [...colorTrims].filter(([id]) => ids.has(id));
      if (inGraph.length) {
        // each trimmed shape exactly once in this build's d3-color
        const expected = [
          ...(keepColorMethods ? [] : Object.keys(COLOR_METHODS).map((n) => `define(${n}, …)`)),
          ...(keepHsl ? [] : ['define(Hsl, …)']),
          ...(keepCssParsing ? [] : ['function color(format)']),
          ...(keepCubehelixConvert ? [] : ['function cubehelixConvert(o)']),
        ];
        const found = inGraph.flatMap(([, f]) => f);
        const wrong = expected.filter((e) => found.filter((f) => f === e).length !== 1);
        if (wrong.length) this.error(`trim-schemes: d3-color does not have exactly one ${wrong.join(', ')} of the expected shape; update scripts/trim-schemes.mjs`);
      }
      if (!keepNamedColors || !keepLabHcl || trimsColor) {
        for (const id of colorModules) {
          const info = this.getModuleInfo(id);
          const outside = [...info.importers, ...info.dynamicImporters].filter((i) => !PACKAGE.test(i));
          if (outside.length) {
            this.error(`trim-schemes: ${outside.join(', ')} imports ${PACKAGE.exec(id)[1]} directly, so the bundle may need colour names, Lab/HCL, HSL, CSS parsing, colour methods or cubehelix conversion; pass keepNamedColors, keepLabHcl, keepHsl, keepCssParsing, keepColorMethods, keepCubehelixConvert: true`);
          }
        }
      }
    },

    renderChunk(code, chunk) {
      for (const id of labHclModules) {
        const used = chunk.modules[id]?.renderedExports.filter((e) => LAB_HCL_EXPORTS.includes(e)) ?? [];
        if (used.length) this.error(`trim-schemes: the bundle uses d3-color's ${used.join(', ')}, whose prototypes were dropped; pass keepLabHcl: true`);
      }
      for (const id of hslModules) {
        const used = chunk.modules[id]?.renderedExports.filter((e) => HSL_EXPORTS.includes(e)) ?? [];
        if (used.length) this.error(`trim-schemes: the bundle uses d3-color's ${used.join(', ')}, whose prototype was dropped; pass keepHsl: true`);
      }
      return null;
    },
  };
}
