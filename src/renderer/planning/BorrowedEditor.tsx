import { useId } from 'react';
import type { Role } from '../../core/domain/types';
import { TrashIcon } from '../components/icons';
import type { FieldErrors } from '../validation';
import type { BorrowedDraft } from './hiringAdvice';

interface Props {
  readonly rows: readonly BorrowedDraft[];
  readonly roles: readonly Role[];
  /** The scenario form's errors; a loan's are under `borrowed[i].field`. */
  readonly errors: FieldErrors;
  readonly onChange: (rows: BorrowedDraft[]) => void;
}

/**
 * People lent to the team by other teams (issue 9): a role, how much of a person, from when (empty:
 * the status date) and for how many weeks, and where they come from. The planner counts them as
 * capacity of the role; the Timeline's capacity charts show them.
 */
export function BorrowedEditor({ rows, roles, errors, onChange }: Props) {
  const id = useId();
  const set = (index: number, patch: Partial<BorrowedDraft>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const cell = (index: number, field: keyof BorrowedDraft) => {
    const error = errors[`borrowed[${index}].${field}`];
    const errorId = `${id}-${index}-${field}-error`;
    return { error, props: { 'aria-invalid': error ? (true as const) : undefined, 'aria-describedby': error ? errorId : undefined }, errorId };
  };
  const errorOf = (index: number, field: keyof BorrowedDraft) => {
    const c = cell(index, field);
    return c.error ? (
      <span id={c.errorId} className="field-error" role="alert">
        {c.error}
      </span>
    ) : null;
  };

  return (
    <fieldset className="borrowed-group" data-testid="borrowed-editor">
      <legend>Borrowed capacity</legend>
      <p className="field-hint">People other teams lend you for a while, e.g. half a software engineer from the checkout squad for six weeks. The planner counts them as capacity of their role.</p>
      {rows.length > 0 && (
        <table className="borrowed-table">
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">FTE</th>
              <th scope="col">From</th>
              <th scope="col">Weeks</th>
              <th scope="col">From whom</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                <td>
                  <select className="field-input field-select" aria-label={`Role of loan ${i + 1}`} value={row.roleId} onChange={(e) => set(i, { roleId: e.target.value })} {...cell(i, 'roleId').props}>
                    {!roles.some((r) => r.id === row.roleId) && <option value={row.roleId}>{row.roleId}</option>}
                    {roles.map((r) => (
                      <option key={r.id} value={r.id}>
                        {r.name}
                      </option>
                    ))}
                  </select>
                  {errorOf(i, 'roleId')}
                </td>
                <td>
                  <input className="field-input borrowed-num" type="text" inputMode="decimal" aria-label={`FTE of loan ${i + 1}`} value={row.fte} onChange={(e) => set(i, { fte: e.target.value })} {...cell(i, 'fte').props} />
                  {errorOf(i, 'fte')}
                </td>
                <td>
                  <input
                    className="field-input borrowed-date"
                    type="text"
                    inputMode="numeric"
                    placeholder="status date"
                    aria-label={`First day of loan ${i + 1} (YYYY-MM-DD; empty: the status date)`}
                    value={row.startDate}
                    onChange={(e) => set(i, { startDate: e.target.value })}
                    {...cell(i, 'startDate').props}
                  />
                  {errorOf(i, 'startDate')}
                </td>
                <td>
                  <input className="field-input borrowed-num" type="text" inputMode="numeric" aria-label={`Weeks of loan ${i + 1}`} value={row.weeks} onChange={(e) => set(i, { weeks: e.target.value })} {...cell(i, 'weeks').props} />
                  {errorOf(i, 'weeks')}
                </td>
                <td>
                  <input className="field-input" type="text" aria-label={`Note of loan ${i + 1}`} value={row.note} placeholder="e.g. Checkout squad" onChange={(e) => set(i, { note: e.target.value })} {...cell(i, 'note').props} />
                  {errorOf(i, 'note')}
                </td>
                <td>
                  <button type="button" className="icon-button" aria-label={`Remove loan ${i + 1}`} title="Remove" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                    <TrashIcon />
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {errors.borrowed && (
        <span className="field-error" role="alert">
          {errors.borrowed}
        </span>
      )}
      <button
        type="button"
        className="button button-small"
        onClick={() => onChange([...rows, { roleId: roles.find((r) => r.id === 'software-engineer')?.id ?? roles[0]?.id ?? '', fte: '0.5', startDate: '', weeks: '6', note: '' }])}
        disabled={roles.length === 0}
      >
        Add borrowed capacity
      </button>
    </fieldset>
  );
}
