import { useLayoutEffect, useRef, useState } from 'react';
import { sentence } from '../format';
import { useToasts, type Toast } from '../workspace/toasts';

/** Margin between the notifications and the window's edge, and their width (app.css). */
const EDGE = 20;

/**
 * Messages from the app and errors from the main process. Both live regions exist from the start,
 * so screen readers announce what is added to them. One message of each kind is shown at a time,
 * the newest, with a count of the earlier ones still there (dismissing it shows the one before);
 * and the notifications move to the top of the window while the field being edited sits where
 * they would cover it.
 */
export function Toasts() {
  const { toasts, dismiss } = useToasts();
  const region = useRef<HTMLElement>(null);
  const [atTop, setAtTop] = useState(false);

  useLayoutEffect(() => {
    const el = region.current;
    const active = document.activeElement;
    if (!el || !active || active === document.body || toasts.length === 0) {
      setAtTop(false);
      return;
    }
    const r = el.getBoundingClientRect();
    // Where the notifications sit at the bottom right (their usual place), whatever their place now.
    const bottom = { left: window.innerWidth - EDGE - r.width, top: window.innerHeight - EDGE - r.height, right: window.innerWidth - EDGE, bottom: window.innerHeight - EDGE };
    const a = active.getBoundingClientRect();
    const covers = a.left < bottom.right && a.right > bottom.left && a.top < bottom.bottom && a.bottom > bottom.top;
    setAtTop(covers);
  }, [toasts]);

  const render = (tone: 'info' | 'error') => {
    const list = toasts.filter((t) => t.tone === tone);
    const newest: Toast | undefined = list[list.length - 1];
    if (!newest) return null;
    const earlier = list.length - 1;
    return (
      <div key={newest.id} className={`toast toast-${newest.tone}`} data-testid={`toast-${newest.tone}`}>
        <span className="toast-message">{sentence(newest.message)}</span>
        {newest.code && <span className="toast-code">{newest.code}</span>}
        {earlier > 0 && (
          <span className="toast-more" title={`${earlier} earlier ${earlier === 1 ? 'message' : 'messages'}; dismiss this one to read them`}>
            +{earlier}
          </span>
        )}
        <button type="button" className="toast-dismiss" aria-label="Dismiss message" onClick={() => dismiss(newest.id)}>
          ×
        </button>
      </div>
    );
  };
  return (
    <section ref={region} className={`toasts${atTop ? ' is-top' : ''}`} aria-label="Notifications" data-testid="toasts">
      <div role="alert" className="toast-list">
        {render('error')}
      </div>
      <div role="status" className="toast-list">
        {render('info')}
      </div>
    </section>
  );
}
