import { useRef, type KeyboardEvent } from 'react';
import { MOD_LABEL } from './TitleBar';

export interface ScreenTab<Id extends string> {
  readonly id: Id;
  readonly label: string;
  readonly hint: string;
}

interface Props<Id extends string> {
  readonly tabs: readonly ScreenTab<Id>[];
  readonly current: Id;
  readonly onSelect: (id: Id) => void;
}

export const tabId = (id: string) => `tab-${id}`;
export const panelId = (id: string) => `panel-${id}`;

/**
 * The screens as a vertical tab list (WAI-ARIA tabs pattern, automatic activation): one tab
 * in the Tab order, arrow keys move between tabs, Home and End jump to the ends.
 */
export function ScreenTabs<Id extends string>({ tabs, current, onSelect }: Props<Id>) {
  const refs = useRef(new Map<Id, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    let target: number | null = null;
    if (event.key === 'ArrowDown' || event.key === 'ArrowRight') target = (index + 1) % tabs.length;
    else if (event.key === 'ArrowUp' || event.key === 'ArrowLeft') target = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') target = 0;
    else if (event.key === 'End') target = tabs.length - 1;
    if (target === null) return;
    event.preventDefault();
    const tab = tabs[target];
    if (!tab) return;
    onSelect(tab.id);
    refs.current.get(tab.id)?.focus();
  };

  return (
    <nav className="sidebar" aria-label="Screens">
      <div role="tablist" aria-orientation="vertical" aria-label="Screens" className="tablist">
        {tabs.map((tab, index) => {
          const selected = tab.id === current;
          return (
            <button
              key={tab.id}
              ref={(el) => {
                if (el) refs.current.set(tab.id, el);
                else refs.current.delete(tab.id);
              }}
              type="button"
              role="tab"
              id={tabId(tab.id)}
              aria-selected={selected}
              aria-controls={selected ? panelId(tab.id) : undefined}
              aria-keyshortcuts={`${MOD_LABEL === '⌘' ? 'Meta' : 'Control'}+${index + 1}`}
              tabIndex={selected ? 0 : -1}
              className="tab"
              onClick={() => onSelect(tab.id)}
              onKeyDown={(e) => onKeyDown(e, index)}
            >
              <span className="tab-label">{tab.label}</span>
              <span className="tab-hint">{tab.hint}</span>
              <kbd className="tab-key" aria-hidden="true">
                {MOD_LABEL}
                {index + 1}
              </kbd>
            </button>
          );
        })}
      </div>
    </nav>
  );
}
