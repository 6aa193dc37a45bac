import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: { default: t("shell.appName"), template: `%s · ${t("shell.appName")}` }, icons: { icon: "/favicon.svg" } };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0369a1" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans">
        <IntlProvider>{children}</IntlProvider>
      </body>
    </html>
  );
}
