import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describedBy } from './field-ids.ts';
import { FieldLabel } from './FieldLabel.tsx';
import { FieldMessages } from './FieldMessages.tsx';

export type ComboOption = { value: string; label: string; detail?: string };

type Props = {
  id: string;
  label: string;
  /** The chosen option, or null. The text box shows its label. */
  selected: ComboOption | null;
  onSelect: (option: ComboOption | null) => void;
  /** Loads the options for what was typed; aborted when the user types again. */
  search: (query: string, signal: AbortSignal) => Promise<ComboOption[]>;
  minChars?: number;
  /** For "add to a list" pickers: empty the box after each choice. */
  clearOnSelect?: boolean;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  disabled?: boolean;
  className?: string;
  testId?: string;
};

const DEBOUNCE_MS = 250;

/**
 * An editable combobox with a popup listbox (WAI-ARIA 1.2 pattern): type to search, arrows to move,
 * Enter to choose, Escape to close. Typing over a chosen value clears the choice.
 */
export function Combobox(props: Props) {
  const { t } = useTranslation();
  const { id, label, selected, onSelect, search, minChars = 2, error, hint, required } = props;
  const listId = `${id}-listbox`;
  const statusId = useId();
  const [text, setText] = useState(selected?.label ?? '');
  const [options, setOptions] = useState<ComboOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');
  const [dirty, setDirty] = useState(false);
  const searchRef = useRef(search);

  useEffect(() => {
    searchRef.current = search;
  }, [search]);

  const dirtyRef = useRef(false);
  const selectedValue = selected?.value;
  const selectedLabel = selected?.label;
  useEffect(() => {
    dirtyRef.current = dirty;
  }, [dirty]);

  // An outside change of the selection (form reset, reload) shows up in the box; clearing it while
  // the user types must not wipe what they typed.
  useEffect(() => {
    if (selectedLabel !== undefined) {
      setText(selectedLabel);
      setDirty(false);
    } else if (!dirtyRef.current) {
      setText('');
    }
  }, [selectedValue, selectedLabel]);

  useEffect(() => {
    if (!dirty) return undefined;
    const query = text.trim();
    if (query.length < minChars) {
      setOptions([]);
      setOpen(false);
      setStatus(query.length ? t('picker.typeMore') : '');
      return undefined;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setStatus(t('picker.searching'));
      searchRef.current(query, controller.signal).then(
        (found) => {
          setOptions(found);
          setActive(found.length ? 0 : -1);
          setOpen(true);
          setStatus(found.length ? t('picker.results', { count: found.length }) : t('picker.noResults'));
        },
        (failure: unknown) => {
          if (failure instanceof DOMException && failure.name === 'AbortError') return;
          setOptions([]);
          setStatus(t('errors.unexpected'));
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [text, dirty, minChars, t]);

  const choose = (option: ComboOption) => {
    onSelect(option);
    setText(props.clearOnSelect ? '' : option.label);
    setDirty(false);
    setOpen(false);
    setStatus(t('picker.selected', { label: option.label }));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open && options.length) setOpen(true);
      setActive((i) => Math.min(options.length - 1, i + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (event.key === 'Enter') {
      const option = open ? options[active] : undefined;
      if (option) {
        event.preventDefault();
        choose(option);
      }
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();
        setOpen(false);
      }
    }
  };

  const expanded = open && options.length > 0;
  const activeId = expanded && active >= 0 ? `${id}-option-${active}` : undefined;

  return (
    <div className={`form-group combobox ${props.className ?? ''}`}>
      <FieldLabel htmlFor={id} required={required}>
        {label}
      </FieldLabel>
      <div className="combobox-control">
        <input
          id={id}
          type="text"
          role="combobox"
          className={`form-control ${error ? 'is-invalid' : ''}`}
          value={text}
          autoComplete="off"
          disabled={props.disabled}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={activeId}
          aria-invalid={error ? true : undefined}
          aria-required={required ? true : undefined}
          aria-describedby={[describedBy(id, hint, error), statusId].filter(Boolean).join(' ')}
          data-testid={props.testId ?? id}
          onChange={(event) => {
            setText(event.target.value);
            dirtyRef.current = true;
            setDirty(true);
            if (selected) onSelect(null);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => window.setTimeout(() => { setOpen(false); }, 150)}
          onFocus={() => {
            if (dirty && options.length) setOpen(true);
          }}
        />
        {selected && !props.disabled ? (
          <button
            type="button"
            className="btn btn-link btn-sm combobox-clear"
            onClick={() => {
              onSelect(null);
              setText('');
              setOptions([]);
            }}
            data-testid={`${props.testId ?? id}-clear`}
          >
            <span aria-hidden="true">×</span>
            <span className="visually-hidden">{t('picker.clear', { label: `${label}: ${selected.label}` })}</span>
          </button>
        ) : null}
      </div>
      <ul id={listId} role="listbox" aria-label={label} className="combobox-list" hidden={!expanded}>
        {options.map((option, index) => (
          <li
            key={option.value}
            id={`${id}-option-${index}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'active' : undefined}
            onMouseDown={(event) => { event.preventDefault(); }}
            onClick={() => { choose(option); }}
          >
            {option.label}
            {option.detail ? <span className="combobox-detail"> {option.detail}</span> : null}
          </li>
        ))}
      </ul>
      <span id={statusId} className="visually-hidden" role="status" aria-live="polite">
        {status}
      </span>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}
