import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ToastProvider } from './workspace/toasts';
import { WorkspaceProvider } from './workspace/WorkspaceProvider';
import './styles/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <ToastProvider>
      <WorkspaceProvider>
        <App />
      </WorkspaceProvider>
    </ToastProvider>
  </StrictMode>,
);
