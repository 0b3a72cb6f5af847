// Rollup plugin for the self-contained bundle: lets tree-shaking drop what the
// d3-scale-chromatic interpolators never use, without changing what they return.
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
//
// Handles the flattened dist/*.mjs files (d3-scale-chromatic 3.1.1) and the older per-module
// src/ layout (`export var scheme = ...; export default ramp(scheme);`).

const PACKAGE = /[\\/]node_modules[\\/](d3-scale-chromatic|d3-interpolate|d3-color)[\\/]/;
const PURE = /\/\*\s*[#@]__PURE__\s*\*\/\s*$/;
const LAB_HCL_EXPORTS = ['lab', 'hcl', 'lch', 'gray'];

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

export default function trimSchemes({ keepNamedColors = false, keepLabHcl = false, packRamps = true, packMinColors = 64 } = {}) {
  const stats = { schemes: 0, pure: 0, packed: 0, namedColors: 0, labHcl: 0 };
  const colorModules = new Set(); // d3-color and d3-interpolate modules
  const labHclModules = new Set();
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
      if (!keepNamedColors || !keepLabHcl) {
        for (const id of colorModules) {
          const info = this.getModuleInfo(id);
          const outside = [...info.importers, ...info.dynamicImporters].filter((i) => !PACKAGE.test(i));
          if (outside.length) {
            this.error(`trim-schemes: ${outside.join(', ')} imports ${PACKAGE.exec(id)[1]} directly, so the bundle may need colour names or Lab/HCL; pass keepNamedColors: true, keepLabHcl: true`);
          }
        }
      }
    },

    renderChunk(code, chunk) {
      for (const id of labHclModules) {
        const used = chunk.modules[id]?.renderedExports.filter((e) => LAB_HCL_EXPORTS.includes(e)) ?? [];
        if (used.length) this.error(`trim-schemes: the bundle uses d3-color's ${used.join(', ')}, whose prototypes were dropped; pass keepLabHcl: true`);
      }
      return null;
    },
  };
}
