import { useEffect, useRef, useState } from "react";
import type { Repository } from "../../../api/repositories";
import { ErrorText } from "../../../components/ErrorText";
import { typeLabel } from "../../../components/repositoryLabels";

type Action = "up" | "down" | "remove";

/**
 * A group's members in the order they are asked: "Move up" / "Move down" / "Remove" per member, and "Add member" to
 * choose one of the repositories of the same format. Keyboard users keep their place: after a move the focus stays on
 * the moved member's button (or its other move button at the ends), after a removal it goes to a neighbour.
 */
export function GroupMembers({ members, holds = "a module version", onChange, choices, error, loadError }: {
  members: string[];
  /** What a member answers for, in the help: "a module version" (Go), "a file at a path" (raw). */
  holds?: string;
  onChange(members: string[]): void;
  /** The repositories that may be members: the same format, not the group itself. */
  choices: Repository[];
  /** The server's words about the members ("group.members"). */
  error?: string;
  loadError?: string;
}) {
  const [announcement, setAnnouncement] = useState("");
  const [focus, setFocus] = useState<{ name: string; action: Action } | { add: true } | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const addRef = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    if (!focus) {
      return;
    }
    if ("add" in focus) {
      addRef.current?.focus();
    } else {
      const index = members.indexOf(focus.name);
      let action = focus.action;
      if (action === "up" && index === 0) action = "down";
      if (action === "down" && index === members.length - 1) action = "up";
      const button = buttons.current.get(`${focus.name}:${action}`);
      (button && !button.disabled ? button : buttons.current.get(`${focus.name}:remove`))?.focus();
    }
    setFocus(null);
  }, [focus, members]);

  function move(index: number, by: -1 | 1) {
    const target = index + by;
    if (target < 0 || target >= members.length) {
      return;
    }
    const next = [...members];
    [next[index], next[target]] = [next[target], next[index]];
    onChange(next);
    setAnnouncement(`${members[index]} moved to position ${target + 1} of ${members.length}.`);
    setFocus({ name: members[index], action: by < 0 ? "up" : "down" });
  }

  function remove(index: number) {
    const name = members[index];
    const next = members.filter((_, i) => i !== index);
    onChange(next);
    setAnnouncement(`${name} removed.`);
    const neighbour = next[index] ?? next[index - 1];
    setFocus(neighbour ? { name: neighbour, action: "remove" } : { add: true });
  }

  function add(name: string) {
    if (!name || members.includes(name)) {
      return;
    }
    onChange([...members, name]);
    setAnnouncement(`${name} added as member ${members.length + 1}.`);
  }

  const byName = new Map(choices.map((c) => [c.name, c]));
  const candidates = choices.filter((c) => !members.includes(c.name));
  const describedBy = ["members-help", error ? "members-error" : ""].filter(Boolean).join(" ");
  return (
    <fieldset className="members">
      <legend>Members</legend>
      <p id="members-help" className="help">
        The group answers from its members in this order: the first that holds {holds} serves it.
      </p>
      {members.length === 0 ? (
        <p className="muted">No members yet.</p>
      ) : (
        <ol aria-label="Members" aria-describedby={error ? "members-error" : undefined}>
          {members.map((name, i) => (
            <li key={name}>
              <span className="member-name" id={`member-${i}`}>
                <strong>{name}</strong>
                {byName.get(name) && <span className="muted"> ({typeLabel(byName.get(name)!.type)})</span>}
              </span>
              <span className="row">
                {memberActions(i, members.length).map(({ action, label, disabled }) => (
                  <button
                    key={action}
                    type="button"
                    className="secondary"
                    aria-describedby={`member-${i}`}
                    disabled={disabled}
                    onClick={() => (action === "remove" ? remove(i) : move(i, action === "up" ? -1 : 1))}
                    ref={(el) => void (el ? buttons.current.set(`${name}:${action}`, el) : buttons.current.delete(`${name}:${action}`))}
                  >
                    {label}
                  </button>
                ))}
              </span>
            </li>
          ))}
        </ol>
      )}
      <ErrorText id="members-error" message={error} />
      <div className="field">
        <label htmlFor="repo-add-member">Add member</label>
        <select
          id="repo-add-member"
          ref={addRef}
          value=""
          onChange={(e) => add(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        >
          <option value="">{candidates.length === 0 ? "No repository to add" : "Choose a repository…"}</option>
          {candidates.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name} ({typeLabel(c.type)})
            </option>
          ))}
        </select>
        <ErrorText message={loadError} />
      </div>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </fieldset>
  );
}

/** The buttons of the member at `index` of `count`: moving the first up or the last down is disabled. */
function memberActions(index: number, count: number): { action: Action; label: string; disabled: boolean }[] {
  return [
    { action: "up", label: "Move up", disabled: index === 0 },
    { action: "down", label: "Move down", disabled: index === count - 1 },
    { action: "remove", label: "Remove", disabled: false },
  ];
}
