/** What a panel shows instead of its content when its data cannot be had; the rest of the page stays up. */
export function ErrorPanel({ title, message }: { title: string; message: string }) {
  return (
    <div className="error-panel" role="alert">
      <strong>{title}</strong>
      <p>{message}</p>
    </div>
  );
}
