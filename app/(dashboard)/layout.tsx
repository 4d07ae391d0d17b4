import { cookies } from "next/headers";
import Link from "next/link";
import { ActorProvider } from "@/components/auth/actor-context";
import { UserMenu } from "@/components/auth/user-menu";
import { EngineBadge } from "@/components/health/engine-badge";
import { HealthBanner } from "@/components/health/health-banner";
import { OutageNotice } from "@/components/health/outage-notice";
import { ShortcutProvider } from "@/components/keyboard/shortcut-registry";
import { SharedViewBanner } from "@/components/share/shared-view-banner";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { can } from "@/lib/auth/roles";
import { getPageActor } from "@/lib/server/auth/get-page-actor";
import { parseThemePreference, THEME_COOKIE } from "@/lib/theme/theme-preference";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const result = await getPageActor();
  if (!result.ok) return <OutageNotice message={result.outage} />;
  const { actor } = result;
  const theme = parseThemePreference((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <ActorProvider actor={actor}>
      <div className="shell">
        <nav className="nav" aria-label="Main">
          <Link href="/" className="brand">Triage</Link>
          <Link href="/">Overview</Link>
          <Link href="/logs">Logs</Link>
          <Link href="/incidents">Incidents</Link>
          <Link href="/links">Links</Link>
          <Link href="/alerts">Alerts</Link>
          <Link href="/slow-queries">Slow queries</Link>
          <Link href="/settings">Settings</Link>
          {can(actor.role, "users:manage") ? <Link href="/admin/users">Users</Link> : null}
          {can(actor.role, "tokens:manage") ? <Link href="/admin/tokens">API tokens</Link> : null}
          {can(actor.role, "audit:read") ? <Link href="/admin/audit">Audit log</Link> : null}
          <span className="spacer" />
          <EngineBadge />
          <ThemeToggle initial={theme} />
          <UserMenu />
        </nav>
        <HealthBanner />
        <SharedViewBanner />
        <main>
          <ShortcutProvider>{children}</ShortcutProvider>
        </main>
      </div>
    </ActorProvider>
  );
}
