#!/usr/bin/env node
// `token-heatmap render data.json > heatmap.html`; `token-heatmap --help`. The command lives in
// dist/cli.js, which bundles the server renderer: nothing here needs @lit-labs/* installed.
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
