import { ApiError } from '../api';
import { serverField, type FieldErrors } from '../validation';
import { focusFirstInvalid } from './FormField';

export interface SubmitFormOptions {
  readonly form: HTMLFormElement | null;
  /** Errors the shared zod schema finds before anything is sent. */
  readonly clientErrors: FieldErrors;
  readonly setErrors: (errors: FieldErrors) => void;
  readonly setBusy: (busy: boolean) => void;
  /** Sends the form (and says what happened); throws the main process's ApiError. */
  readonly save: () => Promise<void>;
  readonly onSaved: () => void;
  /** Maps an error the main process answered for a field to the form's own fields. */
  readonly serverErrors?: (field: string, message: string) => FieldErrors;
}

/**
 * One submit flow for every dialog form: show the schema's errors and focus the first invalid
 * field without sending; otherwise send, and put an error the main process names a field for
 * next to that field. Errors without a field are shown by the client's notifications.
 */
export async function submitForm(options: SubmitFormOptions): Promise<void> {
  options.setErrors(options.clientErrors);
  if (Object.keys(options.clientErrors).length > 0) {
    focusFirstInvalid(options.form);
    return;
  }
  options.setBusy(true);
  try {
    await options.save();
    options.onSaved();
  } catch (cause) {
    const field = cause instanceof ApiError ? serverField(cause.field) : undefined;
    if (cause instanceof ApiError && field) {
      options.setErrors(options.serverErrors ? options.serverErrors(field, cause.message) : { [field]: cause.message });
      focusFirstInvalid(options.form);
    }
    options.setBusy(false);
  }
}
