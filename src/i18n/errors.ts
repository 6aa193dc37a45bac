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
  below_allocated: "Lebih kecil dari yang sudah dialokasikan dari produsen ini pada hari itu.",
  over_source: "Melebihi pasokan bebas sumber ini.",
  bad_transition: "Status permintaan tidak mengizinkan langkah ini.",
  earmark: "Komitmen ini diperuntukkan bagi rumah sakit lain.",
  server: "Terjadi gangguan di server. Coba lagi.",
  csv_invalid: "Berkas CSV berisi baris yang salah; tidak ada yang diimpor.",
  tranche_sum: "Jumlah tahap harus sama dengan total komitmen.",
  tranche_outside: "Tanggal tahap harus di dalam periode komitmen.",
  tranche_has_deliveries: "Tahap yang sudah punya pengiriman tidak dapat dihapus.",
  dispatch_source: "Pilih satu: alokasi atau tahap komitmen.",
  cylinder_size_required: "Ukuran tabung wajib untuk satuan tabung.",
  beds_exceeded: "Tidak boleh melebihi jumlah tempat tidur.",
  residual_exceeds_tank: "Sisa tak terpakai tidak boleh melebihi kapasitas tangki.",
  password_short: "Minimal 10 karakter.",
  email_taken: "Email ini sudah dipakai akun lain.",
  hospital_only_for_hospital_role: "Hanya akun admin rumah sakit yang terikat ke rumah sakit.",
  self_disable: "Anda tidak dapat menonaktifkan akun Anda sendiri.",
  stock_over_tank: "Melebihi kapasitas tangki rumah sakit.",
  future_day: "Tidak boleh tanggal yang akan datang.",
  past_day: "Tidak boleh tanggal yang sudah lewat.",
  over_requested: "Tidak boleh melebihi jumlah yang diminta.",
  no_lines: "Isi setidaknya satu sumber.",
  received_too_much: "Jauh melebihi yang dikirim; periksa kembali.",
  already_received: "Penerimaan ini sudah dikonfirmasi.",
  no_hospital: "Akun ini tidak terikat ke rumah sakit.",
  before_dispatch: "Tidak boleh sebelum waktu kirim.",
  ambiguous_number: "Dalam Bahasa Indonesia titik memisahkan ribuan dan koma menandai desimal. Maksud Anda {0}?",
  too_many_decimals: "Paling banyak {0} angka di belakang koma.",
  whole_number: "Harus bilangan bulat.",
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
  below_allocated: "Less than has already been allocated from this producer that day.",
  over_source: "More than this source has free.",
  bad_transition: "The request's status does not allow this step.",
  earmark: "This pledge is earmarked for other hospitals.",
  server: "Something went wrong on the server. Please try again.",
  csv_invalid: "The CSV file has invalid rows; nothing was imported.",
  tranche_sum: "The tranches must add up to the pledge's total.",
  tranche_outside: "A tranche's date must fall within the pledge's period.",
  tranche_has_deliveries: "A tranche that already has dispatches cannot be removed.",
  dispatch_source: "Choose one: an allocation or a pledge tranche.",
  cylinder_size_required: "The cylinder size is required for cylinders.",
  beds_exceeded: "Must not exceed the number of beds.",
  residual_exceeds_tank: "The unusable residual must not exceed the tank's capacity.",
  password_short: "At least 10 characters.",
  email_taken: "Another account already uses this email.",
  hospital_only_for_hospital_role: "Only hospital-admin accounts are bound to a hospital.",
  self_disable: "You cannot disable your own account.",
  stock_over_tank: "More than the hospital's tank holds.",
  future_day: "Must not be a future date.",
  past_day: "Must not be a past date.",
  over_requested: "Must not exceed the amount requested.",
  no_lines: "Fill in at least one source.",
  received_too_much: "Far more than was dispatched; please check.",
  already_received: "This receipt was already confirmed.",
  no_hospital: "This account is not bound to a hospital.",
  before_dispatch: "Must not be before the dispatch time.",
  ambiguous_number: "In English a comma groups thousands and a point marks the decimals. Did you mean {0}?",
  too_many_decimals: "At most {0} decimal places.",
  whole_number: "Must be a whole number.",
};

export const errors = { id, en };
export type ErrorMessages = typeof id;

/**
 * A code's message. A code may carry one value after ":" ("ambiguous_number:1,5") that fills
 * the message's {0}.
 */
export function errorText(messages: ErrorMessages, code: string | undefined): string | undefined {
  if (!code) return undefined;
  const colon = code.indexOf(":");
  const base = colon < 0 ? code : code.slice(0, colon);
  const text = (messages as Record<string, string>)[base] ?? messages.invalid;
  return colon < 0 ? text : text.replaceAll("{0}", code.slice(colon + 1));
}
