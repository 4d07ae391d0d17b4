import { LinksView } from "./links-view";

export const metadata = { title: "Share links · Triage" };

export default function LinksPage() {
  return <LinksView />;
}
