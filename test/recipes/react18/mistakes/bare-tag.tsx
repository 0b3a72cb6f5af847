// A mistake the types must catch under @types/react 18: the bare tag with arrays and a listener,
// which React 18 writes as attributes ("_$,1") and drops. Every prop here is an error naming the wrapper.
import 'token-heatmap';
import type {} from 'token-heatmap/react';

export const bare = (
  <token-heatmap
    rows={['_$', '1']}
    columns={['Mistral']}
    values={[[0.5], [-0.25]]}
    transpose={false}
    oncell-select={(event) => console.log(event.detail)}
    label="Token Attribution"
    min={-1.5}
  />
);

// Any listener at all is a mistake in React 18, typed or not, with a parameter or without.
export const listeners = (
  <>
    <token-heatmap oncell-hover={() => undefined} />
    <token-heatmap oncell-select={(event: Event) => event.type} />
  </>
);
