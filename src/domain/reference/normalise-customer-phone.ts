const MOBILE = /^1\d{10}$/;
const SERVICE_NUMBER = /^[48]00\d{7}$/;

/**
 * The look-up key of a customer's phone (R-INT-6 hotline look-up, R-RES-6 archive): digits only, without the
 * China country code, so every way of writing one number finds the same customer.
 * - "+86 138-1234-5678", "0086 13812345678", "8613812345678" and "138 1234 5678" all give "13812345678".
 * - A landline written internationally regains its trunk 0: "+86 10 8888 6666" gives "01088886666", the same
 *   as "010-8888-6666". 400/800 service numbers have no trunk 0.
 * - Spaces, dashes, dots and brackets are ignored; other country codes are kept as digits ("+1 415…" → "1415…").
 * - Full-width digits count; of several numbers the first is kept; an extension (转801, 分机, ext, #) is dropped.
 * Returns null when the text holds no digit. Used for storage and look-ups (R-INT-6), duplicate detection
 * (R-INT-3) and frequency per phone (R-MAL-1), so all of them agree on what "the same phone" is.
 */
export const normaliseCustomerPhone = (raw: string): string | null => {
  // Full-width digits folded; of several numbers ("138… / 139…", "或") the first; an extension (转801, ext 12) dropped.
  const first =
    raw
      .normalize('NFKC')
      .toLowerCase()
      .split(/[/、,;或]/)[0] ?? '';
  const main = first.split(/转|分机|ext|x|#/)[0] ?? '';
  const plus = /^[\s(]*\+/.test(main);
  let digits = main.replace(/\D/g, '');
  let international = false;
  if (plus && digits.startsWith('86')) {
    digits = digits.slice(2);
    international = true;
  } else if (!plus && digits.startsWith('0086')) {
    digits = digits.slice(4);
    international = true;
  } else if (!plus && digits.length === 13 && digits.startsWith('861')) {
    digits = digits.slice(2);
  }
  if (
    international &&
    digits !== '' &&
    !digits.startsWith('0') &&
    !MOBILE.test(digits) &&
    !SERVICE_NUMBER.test(digits)
  ) {
    digits = `0${digits}`;
  }
  return digits === '' ? null : digits;
};
