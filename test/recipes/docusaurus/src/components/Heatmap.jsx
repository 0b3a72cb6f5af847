// docs/static-sites.md, "Docusaurus": the element and the data load in the browser only; the data
// goes in as properties and `cell-select` is listened to directly (React 18 sets neither; this works
// in 18 and 19). The JSON is fetched and parsed by the browser: webpack's JSON import drops the sign
// of -0, and the matrix stays out of the page's HTML and JavaScript.
import { useEffect, useRef } from 'react';
import BrowserOnly from '@docusaurus/BrowserOnly';
import useBaseUrl from '@docusaurus/useBaseUrl';

function Figure({ url, onSelect }) {
  const ref = useRef(null);
  useEffect(() => {
    const data = fetch(url).then((response) => response.json());
    Promise.all([data, import('token-heatmap')]).then(([value]) => ref.current && Object.assign(ref.current, value));
  }, [url]);
  useEffect(() => {
    const heatmap = ref.current;
    const listener = (event) => onSelect?.(event.detail);
    heatmap.addEventListener('cell-select', listener);
    return () => heatmap.removeEventListener('cell-select', listener);
  }, [onSelect]);
  return <token-heatmap ref={ref} />;
}

/** `src`: a JSON file in static/, e.g. "/data/attribution.json"; `onSelect(detail)` on cell-select. */
export default function Heatmap({ src, onSelect }) {
  const url = useBaseUrl(src);
  return <BrowserOnly>{() => <Figure url={url} onSelect={onSelect} />}</BrowserOnly>;
}
