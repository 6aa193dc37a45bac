// Runs once when a Next server starts (not at build time): the alert worker starts with the app
// server, in the Node.js runtime only (decision 0033).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startAlertWorker } = await import("./server/alerts/worker");
  startAlertWorker();
}
