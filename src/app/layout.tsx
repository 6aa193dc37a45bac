import type { Metadata, Viewport } from "next";
import { getI18n } from "@/i18n/server";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: { default: t.shell.appName, template: `%s · ${t.shell.appName}` }, icons: { icon: "/favicon.svg" } };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0369a1" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const { locale } = await getI18n();
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
