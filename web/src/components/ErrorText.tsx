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
