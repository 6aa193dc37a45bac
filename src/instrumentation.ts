// Runs once when a Next server starts (not at build time), in the Node.js runtime only: the
// alert worker (decision 0033), the listener for other app servers' writes (decision 0034), and
// the live-session lookup the response cache keys pages by (loading src/server/session.ts
// registers it, decision 0045).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startAlertWorker } = await import("./server/alerts/worker");
  const { listenForWrites } = await import("./server/invalidation");
  await import("./server/session");
  startAlertWorker();
  listenForWrites();
}
