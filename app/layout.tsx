import "./globals.css";
import { Providers } from "./providers";

export const metadata = { title: "Triage", description: "From an alert to the broken request, the slow query and the fix." };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
