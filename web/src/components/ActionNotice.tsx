import { useEffect, useRef } from "react";

/**
 * What an action just did ("Deleted go-private."), as a status message that takes the focus: the button that did it
 * is usually gone with its row, and the focus must not fall back to the top of the page.
 */
export function ActionNotice({ message }: { message: string | null }) {
  const notice = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (message) {
      notice.current?.focus();
    }
  }, [message]);
  if (!message) {
    return null;
  }
  return (
    <p className="notice" role="status" tabIndex={-1} ref={notice}>
      {message}
    </p>
  );
}
