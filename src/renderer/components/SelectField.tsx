import { useId, useState, type ReactNode } from 'react';
import { ApiError } from '../api';

interface Props<T extends string> {
  readonly label: string;
  readonly hideLabel?: boolean;
  readonly value: T;
  readonly onCommit: (value: T) => Promise<void>;
  readonly children: ReactNode;
  readonly title?: string;
  readonly className?: string;
  readonly testId?: string;
}

/**
 * A select that saves as soon as it changes. It shows the chosen value while the answer is on its
 * way, so arrowing through the options on a closed select does not snap back.
 */
export function SelectField<T extends string>({ label, hideLabel = true, value, onCommit, children, title, className, testId }: Props<T>) {
  const id = useId();
  const errorId = `${id}-error`;
  const [pending, setPending] = useState<T | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);

  const onChange = async (next: T) => {
    setPending(next);
    try {
      await onCommit(next);
      setError(undefined);
    } catch (cause) {
      if (cause instanceof ApiError) setError(cause.message);
    } finally {
      setPending(null);
    }
  };

  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field-label'}>
        {label}
      </label>
      <select
        id={id}
        className={`field-input field-select${error ? ' is-invalid' : ''}`}
        value={pending ?? value}
        title={title}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        data-testid={testId}
        onChange={(e) => void onChange(e.target.value as T)}
      >
        {children}
      </select>
      {error && (
        <span id={errorId} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
