// `npx cem analyze --litelement` → ./custom-elements.json, from src/ and the JSDoc on the element class.
// The plugin below tidies what the analyzer infers on its own:
//  - events: `@fires name - text` in the JSDoc is what counts. Events the analyzer guesses from
//    `this.dispatchEvent(new X(arg))` (it takes `arg` as the name, or has none) are matched to their
//    name through X's `static type = '…'`; their class becomes the documented event's `type`.
//  - a field whose default is an exported constant (`scheme = DEFAULT_SCHEME`) gets that constant's
//    type and value, so `scheme` shows as `string`, default `'RdYlGn'`.
//  - private and `_`-prefixed members are left out: they are not API.
//  - attributes come from the property schema (src/properties.ts, read from the built dist/ssr.js):
//    the element declares its Lit properties from it, which the analyzer cannot follow.
const { PROPERTIES } = await import(new URL('./dist/ssr.js', import.meta.url).href);

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  plugins: [tidyManifest()],
};

function tidyManifest() {
  return {
    name: 'tidy-manifest',
    packageLinkPhase({ customElementsManifest: manifest }) {
      const declarations = (manifest.modules ?? []).flatMap((m) => m.declarations ?? []);
      const constants = new Map(
        declarations.filter((d) => d.kind === 'variable' && d.default !== undefined).map((d) => [d.name, d]),
      );
      const eventNameOf = new Map(); // event class → its static type string
      for (const d of declarations) {
        const type = d.kind === 'class' && d.members?.find((m) => m.static && m.name === 'type' && /^(['"`]).*\1$/.test(m.default ?? ''));
        if (type) eventNameOf.set(d.name, type.default.slice(1, -1));
      }
      const warn = (message) => console.warn(`custom-elements-manifest.config.mjs: ${message}`);

      for (const d of declarations) {
        if (!d.customElement) continue;

        if (d.members) d.members = d.members.filter((m) => m.privacy !== 'private' && !m.name.startsWith('_'));
        if (d.name === 'TokenHeatmap') d.attributes = schemaAttributes(d.members ?? [], warn);
        // Internal reactive state (`_name: { state: true }`) is not an attribute.
        if (d.attributes) d.attributes = d.attributes.filter((a) => !a.name.startsWith('_') && !a.fieldName?.startsWith('_'));

        for (const item of [...(d.members ?? []), ...(d.attributes ?? [])]) {
          const constant = !item.type && constants.get(item.default);
          if (constant) {
            item.type = constant.type;
            item.default = constant.default;
          }
        }

        if (d.events) {
          const documented = d.events.filter((e) => e.name && e.description);
          const events = [...documented];
          for (const e of d.events.filter((x) => !documented.includes(x))) {
            const name = eventNameOf.get(e.type?.text) ?? e.name;
            const doc = events.find((x) => x.name === name);
            if (doc) doc.type ??= e.type;
            else if (name && eventNameOf.has(e.type?.text)) events.push({ ...e, name });
            else warn(`${d.tagName}: dropped event ${JSON.stringify(e)} (document it with @fires)`);
          }
          for (const e of events) {
            if (e.type) continue;
            const cls = [...eventNameOf].find(([, n]) => n === e.name)?.[0];
            if (cls) e.type = { text: cls };
          }
          d.events = events;
        }

        for (const key of ['attributes', 'events', 'slots', 'cssParts', 'cssProperties']) {
          if (!d[key]?.length) warn(`${d.tagName}: no ${key} in the manifest`);
        }
        for (const a of d.attributes ?? []) if (!a.type) warn(`${d.tagName}: attribute ${a.name} has no type`);
      }
    },
  };
}

/** The element's attributes from the property schema, typed and described by their class fields. */
function schemaAttributes(members, warn) {
  const attributes = [];
  for (const spec of PROPERTIES) {
    const field = members.find((m) => m.kind === 'field' && m.name === spec.name);
    if (!field) {
      warn(`property ${spec.name} of the schema has no field in the class`);
      continue;
    }
    if (spec.attribute === false) continue;
    field.attribute = spec.attribute;
    if (!spec.data) field.reflects = true;
    attributes.push({ name: spec.attribute, fieldName: spec.name, type: field.type, default: field.default, description: field.description });
  }
  return attributes;
}
