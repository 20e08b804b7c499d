import 'bootstrap-italia/dist/css/bootstrap-italia.min.css';
import './platform/styles/fonts.css';
import './platform/styles/app.css';
import './platform/i18n/i18n.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
