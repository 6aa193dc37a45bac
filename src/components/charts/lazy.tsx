"use client";
import dynamic from "next/dynamic";

// The charts load after the page is shown (recharts is the heaviest client code we have):
// the figures and tables are server-rendered, so nothing waits on this script.
const placeholder = () => <div className="h-full w-full animate-pulse rounded bg-slate-100" />;

export const SplitChart = dynamic(() => import("./split-chart"), { ssr: false, loading: placeholder });
export const DailyLineChart = dynamic(() => import("./line-chart"), { ssr: false, loading: placeholder });
export const GroupedBarChart = dynamic(() => import("./bar-chart"), { ssr: false, loading: placeholder });
