//! Months, tertials and the Swedish working calendar: the periods budgets are followed up by.
//!
//! This is the fiscal calendar of a Swedish region (the fiscal year is the calendar year) and the
//! holidays that decide how many working days a month has. It is not a general date library: no
//! times, time zones or week numbers, and the holiday rules are those in force since 2005, applied
//! to every year.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, Result};

/// The years a month can be read or made for: wide enough for any budget, narrow enough that a
/// typo such as `0225-08` is caught.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2199;

/// A calendar month (period, `YYYY-MM`), the period of the fiscal year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    year: i32,
    month: u8,
}

impl Month {
    /// The month `month` (1-12) of `year`, for the years [`Month::parse`] reads (1900-2199), so
    /// that every month made here prints as text that reads back.
    pub fn new(year: i32, month: u32) -> Result<Month> {
        match u8::try_from(month) {
            Ok(m @ 1..=12) if YEARS.contains(&year) => Ok(Month { year, month: m }),
            _ => Err(Error::ParseMonth {
                text: format!("{year:04}-{month:02}"),
            }),
        }
    }

    /// Reads strictly `YYYY-MM` (year 1900-2199, month 01-12): a lenient reader would turn a
    /// mistyped period into a wrong one without anybody noticing.
    pub fn parse(text: &str) -> Result<Month> {
        let error = || Error::ParseMonth {
            text: text.to_string(),
        };
        let bytes = text.as_bytes();
        let digits = |range: std::ops::Range<usize>| {
            bytes[range].iter().try_fold(0u32, |n, &b| {
                b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
            })
        };
        if bytes.len() != 7 || bytes[4] != b'-' {
            return Err(error());
        }
        let (Some(year), Some(month)) = (digits(0..4), digits(5..7)) else {
            return Err(error());
        };
        // Four digits always fit in an i32.
        Month::new(year as i32, month).map_err(|_| error())
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month's number, 1 (January) to 12 (December).
    pub fn number(self) -> u32 {
        u32::from(self.month)
    }

    /// The month's position in its year, 0 (January) to 11, for indexing twelve-month arrays.
    pub fn index(self) -> usize {
        usize::from(self.month) - 1
    }

    /// The following month, across the turn of the year.
    pub fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    /// The preceding month, across the turn of the year.
    pub fn prev(self) -> Month {
        if self.month == 1 {
            Month {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Month {
                year: self.year,
                month: self.month - 1,
            }
        }
    }

    /// Calendar days in the month; February has 29 in leap years.
    pub fn days(self) -> u32 {
        days_in_month(self.year, self.month)
    }

    /// Working days (arbetsdagar): Monday to Friday that are neither a public holiday
    /// (helgdag) nor a de facto non-working eve, see [`holidays`].
    pub fn workdays(self) -> u32 {
        let table = holiday_table(self.year);
        let mut count = 0;
        for day in 1..=self.days() {
            // `day` is at most 31.
            let date = Date {
                year: self.year,
                month: self.month,
                day: day as u8,
            };
            if is_workday_given(date, &table) {
                count += 1;
            }
        }
        count
    }

    /// The tertial (four-month period) the month belongs to.
    pub fn tertial(self) -> Tertial {
        Tertial {
            year: self.year,
            number: (self.month - 1) / 4 + 1,
        }
    }

    /// January to December of `year`.
    pub fn months_of(year: i32) -> [Month; 12] {
        // `i` is below 12.
        std::array::from_fn(|i| Month {
            year,
            month: i as u8 + 1,
        })
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for Month {
    type Err = Error;

    fn from_str(text: &str) -> Result<Month> {
        Month::parse(text)
    }
}

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Read in a visitor, not as a `String` parsed after: serde_json then places a refused month at
/// its own field, which `json_path` names (and reads it without a `String`).
impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Month, D::Error> {
        struct MonthVisitor;
        impl serde::de::Visitor<'_> for MonthVisitor {
            type Value = Month;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> std::result::Result<Month, E> {
                Month::parse(text).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(MonthVisitor)
    }
}

/// A tertial: T1 January-April, T2 May-August, T3 September-December.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Tertial {
    year: i32,
    number: u8,
}

impl Tertial {
    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// 1, 2 or 3.
    pub fn number(self) -> u8 {
        self.number
    }

    /// The tertial's first month (January, May or September).
    pub fn first(self) -> Month {
        Month {
            year: self.year,
            month: (self.number - 1) * 4 + 1,
        }
    }

    /// The tertial's last month (April, August or December).
    pub fn last(self) -> Month {
        Month {
            year: self.year,
            month: self.number * 4,
        }
    }
}

impl fmt::Display for Tertial {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-T{}", self.year, self.number)
    }
}

/// A day of the week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

/// A day in the (proleptic Gregorian) calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// The day `day` of month `month` of `year`; an option error if there is no such day.
    pub fn new(year: i32, month: u32, day: u32) -> Result<Date> {
        match (u8::try_from(month), u8::try_from(day)) {
            (Ok(m @ 1..=12), Ok(d)) if d >= 1 && u32::from(d) <= days_in_month(year, m) => {
                Ok(Date {
                    year,
                    month: m,
                    day: d,
                })
            }
            _ => Err(Error::option(format!(
                "{year:04}-{month:02}-{day:02} is not a calendar date"
            ))),
        }
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1-12.
    pub fn month(self) -> u32 {
        u32::from(self.month)
    }

    /// The day of the month, 1-31.
    pub fn day(self) -> u32 {
        u32::from(self.day)
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        const DAYS: [Weekday; 7] = [
            Weekday::Monday,
            Weekday::Tuesday,
            Weekday::Wednesday,
            Weekday::Thursday,
            Weekday::Friday,
            Weekday::Saturday,
            Weekday::Sunday,
        ];
        // 1970-01-01 was a Thursday, index 3 from Monday.
        DAYS[(self.day_number() + 3).rem_euclid(7) as usize]
    }

    /// The date `n` days later (earlier when `n` is negative).
    ///
    /// # Panics
    /// If the result's year does not fit in an `i32`, millions of years away.
    pub fn add_days(self, n: i64) -> Date {
        self.day_number()
            .checked_add(n)
            .and_then(date_from_day_number)
            .expect("date out of range")
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`), so that weekdays and day
    /// arithmetic need no table.
    fn day_number(self) -> i64 {
        let month = i64::from(self.month);
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }
}

/// The inverse of [`Date::day_number`]; `None` when the year does not fit in an `i32`.
fn date_from_day_number(n: i64) -> Option<Date> {
    let n = n.checked_add(719_468)?;
    let era = n.div_euclid(146_097);
    let day_of_era = n - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    // Month and day are in 1..=12 and 1..=31 by construction.
    Some(Date {
        year: i32::try_from(year).ok()?,
        month: month as u8,
        day: day as u8,
    })
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Easter Sunday (påskdagen) of `year` by the Gregorian computus (the "anonymous" algorithm of
/// Meeus/Jones/Butcher); Swedish Easter and everything tied to it follow from this date.
pub fn easter_sunday(year: i32) -> Date {
    let y = i64::from(year);
    let a = y.rem_euclid(19);
    let (b, c) = (y.div_euclid(100), y.rem_euclid(100));
    let (d, e) = (b.div_euclid(4), b.rem_euclid(4));
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    // March or April, day 1-31.
    Date {
        year,
        month: (n / 31) as u8,
        day: (n % 31 + 1) as u8,
    }
}

/// A day that is not worked in the Swedish public sector: a public holiday (helgdag) or a
/// de facto non-working eve (midsommarafton, julafton, nyårsafton).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Holiday {
    pub date: Date,
    /// The Swedish name, e.g. "långfredagen".
    pub name: &'static str,
}

/// The non-working days of `year`, sorted by date (days that fall on a weekend included).
pub fn holidays(year: i32) -> Vec<Holiday> {
    holiday_table(year).to_vec()
}

/// Monday to Friday and not one of [`holidays`].
pub fn is_workday(date: Date) -> bool {
    is_workday_given(date, &holiday_table(date.year))
}

/// [`is_workday`] with the year's holidays already at hand, so that counting a month's working
/// days computes them once.
fn is_workday_given(date: Date, table: &[Holiday]) -> bool {
    date.weekday() < Weekday::Saturday && table.iter().all(|h| h.date != date)
}

/// [`holidays`] without allocating.
fn holiday_table(year: i32) -> [Holiday; 16] {
    let fixed = |month, day| Date { year, month, day };
    let easter = easter_sunday(year);
    let holiday = |date, name| Holiday { date, name };
    let mut table = [
        holiday(fixed(1, 1), "nyårsdagen"),
        holiday(fixed(1, 6), "trettondedag jul"),
        holiday(easter.add_days(-2), "långfredagen"),
        holiday(easter, "påskdagen"),
        holiday(easter.add_days(1), "annandag påsk"),
        holiday(fixed(5, 1), "första maj"),
        holiday(easter.add_days(39), "Kristi himmelsfärdsdag"),
        holiday(easter.add_days(49), "pingstdagen"),
        holiday(fixed(6, 6), "nationaldagen"),
        holiday(
            first_on_or_after(fixed(6, 19), Weekday::Friday),
            "midsommarafton",
        ),
        holiday(
            first_on_or_after(fixed(6, 20), Weekday::Saturday),
            "midsommardagen",
        ),
        holiday(
            first_on_or_after(fixed(10, 31), Weekday::Saturday),
            "alla helgons dag",
        ),
        holiday(fixed(12, 24), "julafton"),
        holiday(fixed(12, 25), "juldagen"),
        holiday(fixed(12, 26), "annandag jul"),
        holiday(fixed(12, 31), "nyårsafton"),
    ];
    // Kristi himmelsfärdsdag can fall on 30 April, pingstdagen after 6 June.
    table.sort_by_key(|h| h.date);
    table
}

/// The first `weekday` on or after `date`.
fn first_on_or_after(date: Date, weekday: Weekday) -> Date {
    let ahead = (weekday as i64 - date.weekday() as i64).rem_euclid(7);
    date.add_days(ahead)
}

fn days_in_month(year: i32, month: u8) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
#[path = "calendar_tests.rs"]
mod tests;
