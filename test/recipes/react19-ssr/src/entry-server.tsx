import { renderToString } from 'react-dom/server';
import { App } from './App';

/** The page's HTML as React renders it on the server. */
export const render = () => renderToString(<App />);
