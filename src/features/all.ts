// Every feature, present at once: for builds that cannot load chunks (a classic script from file://,
// a notebook's blob: module), must match server markup at hydration, or render on a server.
import { features } from './registry.js';
import * as zoom from './zoom.js';
import * as views from './views.js';
import * as figure from './figure.js';
import * as reading from './reading.js';
import * as colours from './colours.js';

Object.assign(features, { zoom, views, figure, reading, colours });
