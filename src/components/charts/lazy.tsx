"use client";
import dynamic from "next/dynamic";
import { useEffect, useRef, useState, type ComponentType, type Ref } from "react";

// The charts load after the page is shown (recharts is the heaviest client code we have), and
// each is drawn only when it comes near the screen (or the page is printed): drawing all five at
// once right after hydration was most of the dashboard's blocking time on a phone. The figures'
// numbers are server-rendered, so nothing waits on this script.

/** Where a chart will be: still (a pulsing one keeps repainting the page until every chart is drawn). */
const Placeholder = ({ ref }: { ref?: Ref<HTMLDivElement> }) => <div ref={ref} className="h-full w-full rounded bg-slate-100" />;

// One chart drawn per idle moment, in order: drawn together, the charts in view were one long
// task that blocked input (Lighthouse's total blocking time).
let queue: Promise<void> = Promise.resolve();
function nextIdleSlot(): Promise<void> {
  const idle = (fn: () => void) => ("requestIdleCallback" in window ? window.requestIdleCallback(fn, { timeout: 500 }) : setTimeout(fn, 1));
  queue = queue.then(() => new Promise<void>((resolve) => idle(() => resolve())));
  return queue;
}

function whenVisible<P extends object>(Chart: ComponentType<P>) {
  return function VisibleChart(props: P) {
    const ref = useRef<HTMLDivElement>(null);
    const [shown, setShown] = useState(false);
    useEffect(() => {
      const el = ref.current;
      if (!el || shown) return;
      let cancelled = false;
      const show = () => setShown(true);
      const io = new IntersectionObserver(
        (entries) => {
          if (!entries.some((e) => e.isIntersecting)) return;
          io.disconnect();
          void nextIdleSlot().then(() => !cancelled && show());
        },
        { rootMargin: "200px" },
      );
      io.observe(el);
      window.addEventListener("beforeprint", show);
      return () => {
        cancelled = true;
        io.disconnect();
        window.removeEventListener("beforeprint", show);
      };
    }, [shown]);
    return shown ? <Chart {...props} /> : <Placeholder ref={ref} />;
  };
}

export const SplitChart = whenVisible(dynamic(() => import("./split-chart"), { ssr: false, loading: () => <Placeholder /> }));
export const DailyLineChart = whenVisible(dynamic(() => import("./line-chart"), { ssr: false, loading: () => <Placeholder /> }));
export const GroupedBarChart = whenVisible(dynamic(() => import("./bar-chart"), { ssr: false, loading: () => <Placeholder /> }));
