import { HealthBanner } from "./health-banner";

/** Shown instead of the app when Triage cannot even check who is signed in. */
export function OutageNotice({ message }: { message: string }) {
  return (
    <div className="shell">
      <nav className="nav"><span className="brand">Triage</span></nav>
      <div className="banner banner-danger" role="alert" data-testid="outage-notice"><p>{message}</p></div>
      <HealthBanner />
    </div>
  );
}
