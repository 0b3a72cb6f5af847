import { mount } from 'svelte';
import Attribution from './Attribution.svelte';
import data from './attribution.json';

mount(Attribution, { target: document.getElementById('app')!, props: { rows: data.rows, columns: data.columns, values: data.values } });
