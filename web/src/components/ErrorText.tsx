import { messageOf } from "../api/client";

/** An error shown next to the field or action it concerns; `id` lets the field point at it with aria-describedby. */
export function ErrorText({ id, message }: { id?: string; message?: string | null }) {
  if (!message) {
    return null;
  }
  return (
    <p id={id} className="error" role="alert">
      {message}
    </p>
  );
}

/** An error loading a page's data, in the page, with what failed ("Could not load the roles: …"). */
export function LoadError({ error, what }: { error: unknown; what: string }) {
  if (error === undefined || error === null) {
    return null;
  }
  return <ErrorText message={`Could not load ${what}: ${messageOf(error)}`} />;
}
