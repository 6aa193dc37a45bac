"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";

/** One entry of the list as the server wrote it, in the reader's language. */
export type NoticeView = {
  key: string;
  kind: string;
  /** The notices this entry stands for (several for a group of hospitals not reporting). */
  ids: string[];
  unread: boolean;
  text: string;
  time: string;
  href: string | null;
  todo: string | null;
  /** A group's hospitals, shown when it is opened. */
  members?: { key: string; text: string; href: string | null }[];
  membersLabel?: string;
};

/**
 * The notices, newest first. Once the list is on screen it tells the server which unread notices
 * were shown (`markSeen`), which marks them read and renders the header's badge again; the
 * entries that were new when the page opened stay marked "new" for this visit.
 */
export function NoticeList({
  items,
  markSeen,
  newLabel,
  empty,
}: {
  items: NoticeView[];
  markSeen: (form: FormData) => Promise<void>;
  newLabel: string;
  empty: string;
}) {
  const [fresh] = useState(() => new Set(items.filter((i) => i.unread).map((i) => i.key)));
  // The ids already told to the server: the first call always goes (it also brings the periodic
  // notices up to date); a notice that arrives with the answer is told in a second call, and
  // the list then settles (told only grows).
  const told = useRef<Set<string> | null>(null);
  useEffect(() => {
    const first = told.current === null;
    const seen = (told.current ??= new Set());
    const pending = items.filter((i) => i.unread).flatMap((i) => i.ids.filter((id) => !seen.has(id)));
    if (!first && pending.length === 0) return;
    const form = new FormData();
    for (const id of pending) {
      seen.add(id);
      form.append("ids", id);
    }
    void markSeen(form);
  }, [items, markSeen]);
  if (items.length === 0) return <p className="text-slate-600">{empty}</p>;
  return (
    <ul className="card divide-y divide-slate-100 p-0" data-testid="notifications">
      {items.map((x) => {
        const isNew = fresh.has(x.key) || x.unread;
        return (
          <li
            key={x.key}
            className={`space-y-1 p-3 text-sm ${isNew ? "bg-brand-50" : "text-slate-700"}`}
            data-testid="notification"
            data-kind={x.kind}
            data-new={isNew ? "1" : "0"}
          >
            <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
              <p className={isNew ? "font-medium" : ""}>
                {isNew && <span className="mr-2 rounded bg-brand-700 px-1.5 py-0.5 text-xs font-semibold text-white">{newLabel}</span>}
                {x.text}
              </p>
              <span className="whitespace-nowrap text-xs text-slate-600">{x.time}</span>
            </div>
            {x.members && x.members.length > 0 && (
              <details>
                <summary className="cursor-pointer text-brand-700">{x.membersLabel}</summary>
                <ul className="mt-1 list-disc space-y-0.5 pl-5">
                  {x.members.map((m) => (
                    <li key={m.key}>
                      {m.href ? (
                        <Link href={m.href} className="text-brand-700 hover:underline">
                          {m.text}
                        </Link>
                      ) : (
                        m.text
                      )}
                    </li>
                  ))}
                </ul>
              </details>
            )}
            {x.href && x.todo && (
              <Link href={x.href} className="inline-block font-medium text-brand-700 hover:underline">
                {x.todo} →
              </Link>
            )}
          </li>
        );
      })}
    </ul>
  );
}
