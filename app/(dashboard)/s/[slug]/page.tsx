import { notFound, redirect } from "next/navigation";
import { decodePathSegment } from "@/lib/requests/request-link";
import { ApiError } from "@/lib/server/errors";
import { openShareLink } from "@/lib/server/share/open-share-link";
import { SnapshotView } from "./snapshot-view";

export const metadata = { title: "Shared view · Triage" };

// A link opens its view with time frozen (the banner comes with `shared`); a snapshot link shows
// what was stored unless the reader asked to run it live.
export default async function SharedLinkPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ live?: string }> }) {
  const [{ slug }, { live }] = await Promise.all([params, searchParams]);
  const link = await openShareLink(decodePathSegment(slug)).catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  });
  if (!link.snapshot || live === "1") redirect(link.href);
  return <SnapshotView link={{ ...link, snapshot: link.snapshot }} />;
}
