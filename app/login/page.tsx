import { HealthBanner } from "@/components/health/health-banner";
import { LoginForm } from "@/components/auth/login-form";

export const metadata = { title: "Sign in · Triage" };
export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  return (
    <div className="login-page">
      <HealthBanner />
      <LoginForm next={Array.isArray(next) ? next[0] : next} />
    </div>
  );
}
