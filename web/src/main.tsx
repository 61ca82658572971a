import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// i18n first: it sets the language (and dayjs locale) before anything renders.
import './i18n/init';
import './styles.css';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
