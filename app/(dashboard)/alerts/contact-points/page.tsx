import { ContactPointsView } from "./contact-points-view";

export const metadata = { title: "Contact points · Triage" };

export default function ContactPointsPage() {
  return <ContactPointsView />;
}
