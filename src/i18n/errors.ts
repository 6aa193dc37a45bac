// Messages for the error codes that use cases return (src/server/use-case.ts). Add a code here
// when a rule introduces one; unknown codes fall back to "invalid".
const id = {
  required: "Wajib diisi.",
  invalid_type: "Format tidak valid.",
  invalid_format: "Format tidak valid.",
  invalid_choice: "Pilihan tidak valid.",
  invalid: "Isian tidak valid.",
  too_small: "Nilai terlalu kecil.",
  too_big: "Nilai terlalu besar.",
  too_short: "Terlalu pendek.",
  too_long: "Terlalu panjang.",
  not_negative: "Tidak boleh negatif.",
  positive: "Harus lebih dari nol.",
  split_mismatch: "Medis + industri harus sama dengan produksi.",
  forbidden: "Anda tidak berwenang melakukan ini.",
  conflict: "Data ini sudah ada atau baru saja diubah orang lain. Muat ulang halaman.",
  not_found: "Data tidak ditemukan.",
  date_order: "Tanggal akhir harus sesudah tanggal mulai.",
  over_approved: "Melebihi jumlah yang disetujui.",
  over_source: "Melebihi pasokan bebas sumber ini.",
  bad_transition: "Status permintaan tidak mengizinkan langkah ini.",
  earmark: "Komitmen ini diperuntukkan bagi rumah sakit lain.",
  server: "Terjadi gangguan di server. Coba lagi.",
};

const en: typeof id = {
  required: "Required.",
  invalid_type: "Invalid format.",
  invalid_format: "Invalid format.",
  invalid_choice: "Invalid choice.",
  invalid: "Invalid value.",
  too_small: "Too small.",
  too_big: "Too large.",
  too_short: "Too short.",
  too_long: "Too long.",
  not_negative: "Must not be negative.",
  positive: "Must be more than zero.",
  split_mismatch: "Medical + industrial must equal produced.",
  forbidden: "You are not allowed to do this.",
  conflict: "This already exists or was just changed by someone else. Reload the page.",
  not_found: "Not found.",
  date_order: "The end date must be after the start date.",
  over_approved: "More than was approved.",
  over_source: "More than this source has free.",
  bad_transition: "The request's status does not allow this step.",
  earmark: "This pledge is earmarked for other hospitals.",
  server: "Something went wrong on the server. Please try again.",
};

export const errors = { id, en };
export type ErrorMessages = typeof id;

export function errorText(messages: ErrorMessages, code: string | undefined): string | undefined {
  if (!code) return undefined;
  return (messages as Record<string, string>)[code] ?? messages.invalid;
}
