// First: in `electron-vite dev` this sets up React Refresh from a module, since the strict CSP
// blocks the inline preamble script the React plugin would put in index.html (empty in builds).
import '@vitejs/plugin-react/preamble';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { applyLayerPalette } from './palette';
import { ToastProvider } from './workspace/toasts';
import { WorkspaceProvider } from './workspace/WorkspaceProvider';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
applyLayerPalette();

createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <ToastProvider>
        <WorkspaceProvider>
          <App />
        </WorkspaceProvider>
      </ToastProvider>
    </ErrorBoundary>
  </StrictMode>,
);
