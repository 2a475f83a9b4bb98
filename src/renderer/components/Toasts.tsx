import { sentence } from '../format';
import { useToasts } from '../workspace/toasts';

/**
 * Messages from the app and errors from the main process. Both live regions exist from the start,
 * so screen readers announce what is added to them.
 */
export function Toasts() {
  const { toasts, dismiss } = useToasts();
  const render = (tone: 'info' | 'error') =>
    toasts
      .filter((t) => t.tone === tone)
      .map((t) => (
        <div key={t.id} className={`toast toast-${t.tone}`} data-testid={`toast-${t.tone}`}>
          <span className="toast-message">{sentence(t.message)}</span>
          {t.code && <span className="toast-code">{t.code}</span>}
          <button type="button" className="toast-dismiss" aria-label="Dismiss message" onClick={() => dismiss(t.id)}>
            ×
          </button>
        </div>
      ));
  return (
    <section className="toasts" aria-label="Notifications">
      <div role="alert" className="toast-list">
        {render('error')}
      </div>
      <div role="status" className="toast-list">
        {render('info')}
      </div>
    </section>
  );
}
