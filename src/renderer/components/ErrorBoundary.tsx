import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  readonly error: Error | null;
}

/**
 * The last line of defence: a rendering bug shows what happened and a way back, instead of a
 * blank window. The workspace file is not at risk; every edit was saved when it was made.
 */
export class ErrorBoundary extends Component<{ readonly children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Groundwork could not draw this screen', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <main className="splash">
        <h1>Something went wrong drawing this screen</h1>
        <p role="alert">{error.message}</p>
        <p>Your edits were saved as you made them. Reloading the window shows the workspace again.</p>
        <p>
          <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
            Reload
          </button>
        </p>
      </main>
    );
  }
}
