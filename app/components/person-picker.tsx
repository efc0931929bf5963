import { useFetcher } from "@remix-run/react";
import {
  forwardRef,
  useEffect,
  useId,
  useRef,
  useState,
  type ChangeEvent,
  type FocusEvent,
  type InputHTMLAttributes,
  type KeyboardEvent,
  type ReactNode,
} from "react";
import type { PersonMatch } from "~/models/people/search.server";

type Props = {
  label: string;
  name: string;
  error?: string;
  hint?: ReactNode;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "role">;

/**
 * One person picker for every form that names a person (ARIA combobox with a listbox popup). Type a name,
 * an employee number or a unit; choose with the mouse or ↑ ↓ Enter (Esc closes). The field itself submits the
 * employee number under the form's own field name, so server code keeps reading numbers. Without JavaScript
 * it is a plain text input: a number works, and the server also accepts an unambiguous name.
 */
export const PersonPicker = forwardRef<HTMLInputElement, Props>(function PersonPicker(
  { label, name, error, hint, id, onChange, onBlur, onKeyDown, ...input },
  forwardedRef,
) {
  const uid = useId();
  const inputId = id ?? name;
  const listId = `${uid}-list`;
  const errorId = `${inputId}-error`;
  const hintId = `${inputId}-hint`;
  const search = useFetcher<{ people: PersonMatch[] }>();
  const inner = useRef<HTMLInputElement | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [chosen, setChosen] = useState<PersonMatch | null>(null);
  const debounce = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(debounce.current), []);
  const people = search.data?.people ?? [];

  const lookUp = (q: string) => {
    clearTimeout(debounce.current);
    if (!q.trim()) {
      setOpen(false);
      return;
    }
    debounce.current = setTimeout(() => {
      search.load(`/people/search?q=${encodeURIComponent(q.trim())}`);
      setOpen(true);
      setActive(-1);
    }, 200);
  };

  const choose = (person: PersonMatch) => {
    const element = inner.current;
    if (!element) return;
    element.value = person.employeeNumber;
    setChosen(person);
    setOpen(false);
    setActive(-1);
    // Tell react-hook-form (or any listener) that the value changed.
    onChange?.({ target: element, currentTarget: element, type: "change" } as unknown as ChangeEvent<HTMLInputElement>);
  };

  const keyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    onKeyDown?.(event);
    if (event.key === "ArrowDown" && people.length) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % people.length);
    } else if (event.key === "ArrowUp" && people.length) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i <= 0 ? people.length - 1 : i - 1));
    } else if (event.key === "Enter" && open && active >= 0 && people[active]) {
      event.preventDefault();
      choose(people[active]!);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  const expanded = open && (people.length > 0 || search.state !== "idle" || Boolean(search.data));
  const describedBy = [hint || chosen ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field person-picker">
      <label htmlFor={inputId}>{label}</label>
      <div className="person-picker__box">
        <input
          {...input}
          ref={(element) => {
            inner.current = element;
            if (typeof forwardedRef === "function") forwardedRef(element);
            else if (forwardedRef) forwardedRef.current = element;
          }}
          id={inputId}
          name={name}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => {
            setChosen(null);
            lookUp(event.target.value);
            onChange?.(event);
          }}
          onKeyDown={keyDown}
          onBlur={(event: FocusEvent<HTMLInputElement>) => {
            setTimeout(() => setOpen(false), 150);
            onBlur?.(event);
          }}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label="รายชื่อบุคลากรที่ตรงกัน"
          className="person-picker__list"
          hidden={!expanded}
        >
          {people.map((p, i) => (
            <li
              key={p.employeeNumber}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? "is-active" : undefined}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(p)}
            >
              <strong>{p.name}</strong>{" "}
              <span className="muted">{`${p.employeeNumber} · ${p.position} · ${p.unit}`}</span>
            </li>
          ))}
          {expanded && search.state === "idle" && people.length === 0 ? (
            <li role="option" aria-selected={false} aria-disabled="true" className="muted">
              ไม่พบบุคลากรที่ตรงกับคำค้น
            </li>
          ) : null}
        </ul>
      </div>
      {chosen || hint ? (
        <span className="field-hint" id={hintId}>
          {chosen ? `เลือกแล้ว: ${chosen.name} (${chosen.employeeNumber}) · ${chosen.position}` : hint}
        </span>
      ) : null}
      {error ? (
        <span className="field-error" id={errorId} role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
});
