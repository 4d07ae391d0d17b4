import { decodePathSegment } from "@/lib/requests/request-link";
import { FingerprintView } from "./fingerprint-view";

export const metadata = { title: "Slow query · Triage" };

export default async function FingerprintPage({ params }: { params: Promise<{ fingerprint: string }> }) {
  const { fingerprint } = await params;
  return <FingerprintView fingerprint={decodePathSegment(fingerprint)} />;
}
