// Months: their Swedish and English names, and the "YYYY-MM" text by which the package, the
// attributes and the links name a month. Every module of www/ that shows or reads a month takes
// them from here.
//
// Not here: calendars, workdays or tertials, which the Rust core computes (calendar.rs); a month
// is compared here only as text, which orders "YYYY-MM" correctly.

export const MONTHS = {
  sv: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti',
    'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
    'September', 'October', 'November', 'December'],
};

export const MONTHS_SHORT = {
  sv: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Whether `value` is a month, "YYYY-MM". */
export function isMonth(value) {
  return MONTH.test(value ?? '');
}

/** "YYYY-MM" → [year, monthIndex 0..11], or null. */
export function parseMonth(value) {
  const m = MONTH.exec(value ?? '');
  return m ? [Number(m[1]), Number(m[2]) - 1] : null;
}

/** The month `index` (0..11) of `year` as "YYYY-MM". */
export function monthOf(year, index) {
  return `${year}-${String(index + 1).padStart(2, '0')}`;
}

/** This month, by the reader's clock. */
export function currentMonth() {
  const now = new Date();
  return monthOf(now.getFullYear(), now.getMonth());
}

/** "2025-08" as "augusti 2025" (or "August 2025"). */
export function monthName(lang, month) {
  const [y, m] = month.split('-');
  return `${MONTHS[lang][Number(m) - 1]} ${y}`;
}

/** The latest month with booked outcome in a workspace document, or null. */
export function latestOutcomeMonth(doc) {
  if (!doc || typeof doc !== 'object' || !Array.isArray(doc.outcome)) return null;
  let latest = null;
  for (const row of doc.outcome) {
    if (parseMonth(row?.month) && (latest === null || row.month > latest)) latest = row.month;
  }
  return latest;
}
