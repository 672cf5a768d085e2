import { useEffect, useRef, useState, type FormEvent } from "react";
import { problemOf, type FormProblem } from "./formProblem";

/**
 * A form's submit: `busy` while the call runs (a second submit meanwhile is ignored), and what it failed with as a
 * FormProblem for the fields and the button. After a failure the focus goes to the first field the problem marks
 * invalid, so a keyboard or screen-reader user lands on what to fix; with none, back on the button if the focus was lost
 * (a disabled button drops it), where the message beside it is.
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const running = useRef(false);
  const form = useRef<HTMLFormElement | null>(null);
  const [failures, setFailures] = useState(0);

  useEffect(() => {
    if (failures > 0) {
      const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      const focusLost = !document.activeElement || document.activeElement === document.body;
      (invalid ?? (focusLost ? form.current?.querySelector<HTMLElement>('[type="submit"]') : null))?.focus();
    }
  }, [failures]);

  function fail(next: FormProblem) {
    setProblem(next);
    setFailures((n) => n + 1);
  }

  /** Use as onSubmit={(e) => submit(e, async () => …)}: the action's error becomes `problem`. */
  async function submit(event: FormEvent<HTMLFormElement>, action: () => Promise<void>) {
    event.preventDefault();
    form.current = event.currentTarget;
    if (running.current) {
      return;
    }
    running.current = true;
    setBusy(true);
    setProblem(null);
    try {
      await action();
    } catch (e) {
      fail(problemOf(e));
    } finally {
      running.current = false;
      setBusy(false);
    }
  }

  return { busy, problem, submit, fail };
}
