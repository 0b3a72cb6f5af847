// Test-runner commands that reach past the page, for the accessibility tests (issue 9 items 10–20):
// what the browser paints (a screenshot of a box of the viewport), what it gives assistive
// technology (Chromium's accessibility tree over CDP) and forced colours (emulated over CDP).
// Firefox runs over WebDriver BiDi, without CDP: the CDP commands answer false there, so a test
// skips that part in Firefox and keeps the rest.

/** The CDP session of a test page, or null where there is none (Firefox). */
async function cdp(page) {
  try {
    return await page.createCDPSession();
  } catch {
    return null;
  }
}

/** The fields of an accessibility node a test reads: role, name, description and properties. */
function simplify(node) {
  const properties = Object.fromEntries((node.properties ?? []).map((p) => [p.name, p.value?.value]));
  return {
    id: node.nodeId,
    parent: node.parentId ?? null,
    children: node.childIds ?? [],
    ignored: !!node.ignored,
    role: node.role?.value ?? '',
    name: node.name?.value ?? '',
    description: node.description?.value ?? '',
    properties,
  };
}

const emulators = new WeakMap();

/** The plugin: `executeServerCommand('ax-tree')`, `('screenshot', box)`, `('forced-colors', active)`. */
export function browserCommands() {
  return {
    name: 'token-heatmap-browser-commands',
    async executeCommand({ command, payload, session }) {
      if (!['ax-tree', 'screenshot', 'forced-colors'].includes(command)) return undefined;
      const page = session.browser.getPage(session.id);
      if (command === 'screenshot') {
        const { x, y, width, height } = payload;
        return page.screenshot({ encoding: 'base64', clip: { x, y, width, height } });
      }
      if (command === 'forced-colors') {
        // Emulation lasts as long as its CDP session: one session per page is kept for it.
        if (!emulators.has(page)) emulators.set(page, await cdp(page));
        const client = emulators.get(page);
        if (!client) return false;
        await client.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: payload ? 'active' : 'none' }] });
        return true;
      }
      const client = await cdp(page);
      if (!client) return false;
      try {
        const { nodes } = await client.send('Accessibility.getFullAXTree');
        return nodes.map(simplify);
      } finally {
        await client.detach();
      }
    },
  };
}
