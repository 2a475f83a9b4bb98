import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

export type ToastTone = 'info' | 'error';

export interface Toast {
  readonly id: number;
  readonly tone: ToastTone;
  readonly message: string;
  /** The server's stable error code, shown small so a bug report can quote it. */
  readonly code?: string;
}

interface ToastApi {
  readonly toasts: readonly Toast[];
  notify(message: string, tone?: ToastTone, code?: string): void;
  dismiss(id: number): void;
}

const ToastContext = createContext<ToastApi | null>(null);

const INFO_MS = 5000;
const ERROR_MS = 12000;

export function ToastProvider({ children }: { readonly children: ReactNode }) {
  const [toasts, setToasts] = useState<readonly Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => {
    setToasts((list) => list.filter((t) => t.id !== id));
  }, []);

  const notify = useCallback(
    (message: string, tone: ToastTone = 'info', code?: string) => {
      const id = nextId.current++;
      const toast: Toast = code === undefined ? { id, tone, message } : { id, tone, message, code };
      // Keep the region short: the newest few are enough to read.
      setToasts((list) => [...list.slice(-3), toast]);
      window.setTimeout(() => dismiss(id), tone === 'error' ? ERROR_MS : INFO_MS);
    },
    [dismiss],
  );

  const value = useMemo(() => ({ toasts, notify, dismiss }), [toasts, notify, dismiss]);
  return <ToastContext.Provider value={value}>{children}</ToastContext.Provider>;
}

export function useToasts(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToasts needs a ToastProvider');
  return api;
}
