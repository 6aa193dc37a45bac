import Link from "next/link";

/**
 * What an empty list says: why it is empty and the first thing to do about it, with a link to
 * that action when the reader may take it (issue #16). In a table it fills one row (colSpan).
 */
export function EmptyState({ text, action, colSpan }: { text: string; action?: { href: string; label: string } | null; colSpan?: number }) {
  const body = (
    <div className="space-y-2 py-2 text-left" data-testid="empty-state">
      <p className="text-slate-600">{text}</p>
      {action && (
        <Link href={action.href} className="btn inline-block">
          {action.label}
        </Link>
      )}
    </div>
  );
  if (colSpan === undefined) return <div className="card">{body}</div>;
  return (
    <tr>
      <td colSpan={colSpan}>{body}</td>
    </tr>
  );
}
