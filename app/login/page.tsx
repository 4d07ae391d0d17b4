import { headers } from "next/headers";
import { HealthBanner } from "@/components/health/health-banner";
import { LoginForm } from "@/components/auth/login-form";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { appOrigin } from "@/lib/server/http/check-origin";

export const metadata = { title: "Sign in · Triage" };
export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const destination = safeNextPath(Array.isArray(next) ? next[0] : next, appOrigin(await headers()));
  return (
    <div className="login-page">
      <HealthBanner />
      <LoginForm next={destination} />
    </div>
  );
}
