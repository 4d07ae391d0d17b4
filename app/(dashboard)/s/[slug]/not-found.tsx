import Link from "next/link";

export default function ShareLinkNotFound() {
  return (
    <div className="view" data-testid="share-not-found">
      <h1>This share link does not exist</h1>
      <p>It never existed, was deleted by the person who made it, or has expired. Ask them for a new link.</p>
      <p><Link href="/">Go to the overview</Link></p>
    </div>
  );
}
