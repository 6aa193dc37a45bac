"use client";

// Shown instead of a stack trace when a page fails (e.g. the database is down). Plain
// bilingual text: the dictionary may be what failed to load.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="mx-auto max-w-md p-8 text-center" data-testid="error-page">
      <h1>Terjadi gangguan · Something went wrong</h1>
      <p className="mt-2 text-slate-600">
        Halaman tidak dapat dimuat saat ini. Coba lagi sebentar lagi.
        <br />
        The page cannot be loaded right now. Please try again shortly.
      </p>
      <button type="button" onClick={reset} className="btn mt-6">
        Coba lagi · Try again
      </button>
    </main>
  );
}
