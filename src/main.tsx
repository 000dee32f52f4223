import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { prepareNumberFormat } from './app/format.ts';
import { registerServiceWorker } from './app/serviceWorker.ts';
import { parseUrlState } from './app/urlState.ts';
import './app/theme.css';

// Never in dev: a worker serving cached chunks would hide edits.
if (import.meta.env.PROD) registerServiceWorker();

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );

// While the page waits for its package files, not in the first Kompas's render.
const prepare = () => prepareNumberFormat(parseUrlState(window.location.search).lang);
if ('requestIdleCallback' in window) requestIdleCallback(prepare);
else setTimeout(prepare, 0);
