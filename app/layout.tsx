import { cookies } from "next/headers";
import { parseThemePreference, THEME_COOKIE, themeAttribute } from "@/lib/theme/theme-preference";
import "./globals.css";
import { Providers } from "./providers";

export const metadata = { title: "Triage", description: "From an alert to the broken request, the slow query and the fix." };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Rendered on the server from the cookie, so a chosen theme never flashes the other one first.
  const theme = themeAttribute(parseThemePreference((await cookies()).get(THEME_COOKIE)?.value));
  return (
    <html lang="en" data-theme={theme}>
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
