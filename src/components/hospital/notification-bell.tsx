import Link from "next/link";

/** The header's link to /notifications with the number of unread notices (`n`, read by the layout). */
export function NotificationBell({ n, label, unreadLabel }: { n: number; label: string; unreadLabel: string }) {
  return (
    <Link
      href="/notifications"
      className="relative rounded border border-white/50 px-2 py-1 hover:bg-white/10"
      data-testid="notification-bell"
      aria-label={n > 0 ? `${label}: ${unreadLabel}` : label}
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" className="inline h-4 w-4 fill-current">
        <path d="M10 2a5 5 0 0 0-5 5v3.6L3.3 13.4A1 1 0 0 0 4.1 15h11.8a1 1 0 0 0 .8-1.6L15 10.6V7a5 5 0 0 0-5-5Zm0 18a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 10 20Z" />
      </svg>
      {n > 0 && (
        <span className="absolute -right-2 -top-2 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-bold leading-5" data-testid="unread-count">
          {n > 99 ? "99+" : n}
        </span>
      )}
    </Link>
  );
}
