import './app/zod-config.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { startApp } from './app/start.ts';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
void startApp().then(() =>
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
