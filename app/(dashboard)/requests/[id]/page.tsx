import { decodePathSegment } from "@/lib/requests/request-link";
import { RequestView } from "./request-view";

export const metadata = { title: "Request · Triage" };

// The view reads the rest of its state (around, window, hints) from the URL itself.
export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <RequestView id={decodePathSegment(id)} />;
}
