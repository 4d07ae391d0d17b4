import Link from "next/link";
import { EngineBadge } from "@/components/health/engine-badge";
import { HealthBanner } from "@/components/health/health-banner";

export default function DashboardLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="shell">
      <nav className="nav" aria-label="Main">
        <Link href="/" className="brand">Triage</Link>
        <Link href="/">Overview</Link>
        <span className="spacer" />
        <EngineBadge />
      </nav>
      <HealthBanner />
      <main>{children}</main>
    </div>
  );
}
