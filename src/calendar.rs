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

impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Month, D::Error> {
        let text = String::deserialize(deserializer)?;
        Month::parse(&text).map_err(serde::de::Error::custom)
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
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        let parts: Vec<u32> = text.split('-').map(|p| p.parse().unwrap()).collect();
        Date::new(parts[0] as i32, parts[1], parts[2]).unwrap()
    }

    fn holiday(year: i32, name: &str) -> Date {
        let found: Vec<Date> = holidays(year)
            .into_iter()
            .filter(|h| h.name == name)
            .map(|h| h.date)
            .collect();
        assert_eq!(found.len(), 1, "{name} in {year}");
        found[0]
    }

    fn month(text: &str) -> Month {
        Month::parse(text).unwrap()
    }

    #[test]
    fn easter_sundays() {
        for (year, expected) in [
            (1900, "1900-04-15"),
            (1943, "1943-04-25"), // the latest possible
            (1961, "1961-04-02"),
            (2000, "2000-04-23"),
            (2008, "2008-03-23"),
            (2011, "2011-04-24"),
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2027, "2027-03-28"),
            (2038, "2038-04-25"),
            (2285, "2285-03-22"), // the earliest possible
        ] {
            assert_eq!(easter_sunday(year), date(expected), "{year}");
            assert_eq!(easter_sunday(year).weekday(), Weekday::Sunday);
        }
    }

    #[test]
    fn movable_holidays_2024_to_2027() {
        let expected = [
            (
                "långfredagen",
                ["2024-03-29", "2025-04-18", "2026-04-03", "2027-03-26"],
            ),
            (
                "påskdagen",
                ["2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28"],
            ),
            (
                "annandag påsk",
                ["2024-04-01", "2025-04-21", "2026-04-06", "2027-03-29"],
            ),
            (
                "Kristi himmelsfärdsdag",
                ["2024-05-09", "2025-05-29", "2026-05-14", "2027-05-06"],
            ),
            (
                "pingstdagen",
                ["2024-05-19", "2025-06-08", "2026-05-24", "2027-05-16"],
            ),
            (
                "midsommarafton",
                ["2024-06-21", "2025-06-20", "2026-06-19", "2027-06-25"],
            ),
            (
                "midsommardagen",
                ["2024-06-22", "2025-06-21", "2026-06-20", "2027-06-26"],
            ),
            (
                "alla helgons dag",
                ["2024-11-02", "2025-11-01", "2026-10-31", "2027-11-06"],
            ),
        ];
        for (name, dates) in expected {
            for (year, text) in (2024..=2027).zip(dates) {
                assert_eq!(holiday(year, name), date(text), "{name} {year}");
            }
        }
    }

    #[test]
    fn all_holidays_of_2025_in_order() {
        let got: Vec<(String, &str)> = holidays(2025)
            .iter()
            .map(|h| (h.date.to_string(), h.name))
            .collect();
        let expected = [
            ("2025-01-01", "nyårsdagen"),
            ("2025-01-06", "trettondedag jul"),
            ("2025-04-18", "långfredagen"),
            ("2025-04-20", "påskdagen"),
            ("2025-04-21", "annandag påsk"),
            ("2025-05-01", "första maj"),
            ("2025-05-29", "Kristi himmelsfärdsdag"),
            ("2025-06-06", "nationaldagen"),
            ("2025-06-08", "pingstdagen"),
            ("2025-06-20", "midsommarafton"),
            ("2025-06-21", "midsommardagen"),
            ("2025-11-01", "alla helgons dag"),
            ("2025-12-24", "julafton"),
            ("2025-12-25", "juldagen"),
            ("2025-12-26", "annandag jul"),
            ("2025-12-31", "nyårsafton"),
        ];
        let expected: Vec<(String, &str)> =
            expected.iter().map(|&(d, n)| (d.to_string(), n)).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn holidays_are_sorted_even_when_movable_ones_pass_fixed_ones() {
        // 2008: Easter 23 March, so Kristi himmelsfärdsdag is 1 May. 2038: Easter 25 April,
        // so pingstdagen is 13 June, after nationaldagen.
        for year in 1900..=2199 {
            let list = holidays(year);
            assert_eq!(list.len(), 16);
            assert!(list.windows(2).all(|w| w[0].date <= w[1].date), "{year}");
            assert!(list.iter().all(|h| h.date.year() == year));
        }
        assert_eq!(holiday(2008, "Kristi himmelsfärdsdag"), date("2008-05-01"));
        assert_eq!(holiday(2038, "pingstdagen"), date("2038-06-13"));
    }

    #[test]
    fn weekday_bound_holidays_fall_on_their_weekday_in_their_window() {
        for year in 1900..=2199 {
            let eve = holiday(year, "midsommarafton");
            assert_eq!((eve.weekday(), eve.month()), (Weekday::Friday, 6));
            assert!((19..=25).contains(&eve.day()));
            let day = holiday(year, "midsommardagen");
            assert_eq!(day, eve.add_days(1));
            let saints = holiday(year, "alla helgons dag");
            assert_eq!(saints.weekday(), Weekday::Saturday);
            assert!(saints >= date(&format!("{year}-10-31")));
            assert!(saints <= date(&format!("{year}-11-06")));
        }
    }

    #[test]
    fn workdays_of_2025() {
        // By hand: weekdays of each month minus holidays on weekdays (1 and 6 Jan; 18 and 21
        // Apr; 1 and 29 May; 6 and 20 Jun; 24, 25, 26 and 31 Dec).
        let expected = [21, 20, 21, 20, 20, 19, 23, 21, 22, 23, 20, 19];
        let got: Vec<u32> = Month::months_of(2025)
            .iter()
            .map(|m| m.workdays())
            .collect();
        assert_eq!(got, expected);
        assert_eq!(got.iter().sum::<u32>(), 249);
    }

    #[test]
    fn workdays_of_2024_2026_and_2027() {
        // Cross-checked against an independent count over the same holiday dates.
        let per_month = |y| Month::months_of(y).map(|m| m.workdays());
        assert_eq!(
            per_month(2024),
            [22, 21, 20, 21, 21, 18, 23, 22, 21, 23, 21, 18]
        );
        assert_eq!(
            per_month(2026),
            [20, 20, 22, 20, 19, 21, 23, 21, 22, 22, 21, 20]
        );
        assert_eq!(
            per_month(2027),
            [19, 20, 21, 22, 20, 21, 22, 22, 22, 21, 22, 21]
        );
        let year = |y| per_month(y).iter().sum::<u32>();
        assert_eq!(
            (year(2024), year(2025), year(2026), year(2027)),
            (251, 249, 251, 253)
        );
    }

    #[test]
    fn is_workday_checks_weekends_and_holidays() {
        assert!(is_workday(date("2025-04-17"))); // skärtorsdagen is worked
        assert!(!is_workday(date("2025-04-18"))); // långfredagen
        assert!(!is_workday(date("2025-04-19"))); // Saturday
        assert!(!is_workday(date("2025-04-21"))); // annandag påsk
        assert!(is_workday(date("2025-04-22")));
        assert!(!is_workday(date("2025-12-31")));
        assert!(is_workday(date("2025-12-30")));
        assert!(!is_workday(date("2026-01-06")));
    }

    #[test]
    fn workdays_agree_with_is_workday() {
        for m in Month::months_of(2027) {
            let days = (1..=m.days())
                .filter(|&d| is_workday(Date::new(m.year(), m.number(), d).unwrap()))
                .count();
            assert_eq!(m.workdays() as usize, days, "{m}");
        }
    }

    #[test]
    fn days_per_month_with_leap_years() {
        assert_eq!(month("2024-02").days(), 29);
        assert_eq!(month("2025-02").days(), 28);
        assert_eq!(month("2000-02").days(), 29);
        assert_eq!(month("2100-02").days(), 28);
        let lengths: Vec<u32> = Month::months_of(2025).iter().map(|m| m.days()).collect();
        assert_eq!(lengths, [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
        assert!(Date::new(2024, 2, 29).is_ok());
        assert!(Date::new(2025, 2, 29).is_err());
    }

    #[test]
    fn month_parse_and_display() {
        let m = month("2025-08");
        assert_eq!((m.year(), m.number(), m.index()), (2025, 8, 7));
        assert_eq!(m.to_string(), "2025-08");
        assert_eq!(
            "1900-01".parse::<Month>().unwrap(),
            Month::new(1900, 1).unwrap()
        );
        assert_eq!(month("2199-12").to_string(), "2199-12");
    }

    #[test]
    fn month_parse_rejects_anything_but_yyyy_mm() {
        for text in [
            "2025-13",
            "2025-00",
            "2025-8",
            "25-08",
            "2025/08",
            "2025-08 ",
            " 2025-08",
            "2025-8-1",
            "",
            "1899-12",
            "2200-01",
            "+025-08",
            "2025-+8",
            "2025-０8",
            "2025-08-01",
            "２０２５-08",
        ] {
            assert_eq!(
                Month::parse(text),
                Err(Error::ParseMonth {
                    text: text.to_string()
                }),
                "{text:?}"
            );
        }
    }

    #[test]
    fn month_new_rejects_bad_months_with_the_input_as_text() {
        assert_eq!(
            Month::new(2025, 13),
            Err(Error::ParseMonth {
                text: "2025-13".into()
            })
        );
        assert_eq!(
            Month::new(2025, 0),
            Err(Error::ParseMonth {
                text: "2025-00".into()
            })
        );
        assert_eq!(
            Month::new(2025, 256),
            Err(Error::ParseMonth {
                text: "2025-256".into()
            })
        );
        assert_eq!(Month::new(2025, 0).unwrap_err().code(), "E_PARSE_MONTH");
        assert_eq!(
            Month::new(1899, 12),
            Err(Error::ParseMonth {
                text: "1899-12".into()
            })
        );
        assert_eq!(
            Month::new(2200, 1),
            Err(Error::ParseMonth {
                text: "2200-01".into()
            })
        );
        assert_eq!(
            Month::new(-1, 1),
            Err(Error::ParseMonth {
                text: "-001-01".into()
            })
        );
        assert_eq!(Month::new(1900, 1).unwrap().to_string(), "1900-01");
        assert_eq!(Month::new(2199, 12).unwrap().to_string(), "2199-12");
    }

    #[test]
    fn next_and_prev_cross_the_year() {
        assert_eq!(month("2025-12").next(), month("2026-01"));
        assert_eq!(month("2026-01").prev(), month("2025-12"));
        assert_eq!(month("2025-05").next(), month("2025-06"));
        assert_eq!(month("2025-05").prev(), month("2025-04"));
        let mut m = month("2024-01");
        for _ in 0..24 {
            assert_eq!(m.next().prev(), m);
            assert!(m.next() > m);
            m = m.next();
        }
        assert_eq!(m, month("2026-01"));
    }

    #[test]
    fn months_of_a_year() {
        let months = Month::months_of(2025);
        for (i, m) in months.iter().enumerate() {
            assert_eq!((m.year(), m.index(), m.number() as usize), (2025, i, i + 1));
        }
    }

    #[test]
    fn tertials() {
        let numbers: Vec<u8> = Month::months_of(2025)
            .iter()
            .map(|m| m.tertial().number())
            .collect();
        assert_eq!(numbers, [1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3]);
        let t2 = month("2025-06").tertial();
        assert_eq!((t2.year(), t2.to_string()), (2025, "2025-T2".to_string()));
        assert_eq!(
            (t2.first(), t2.last()),
            (month("2025-05"), month("2025-08"))
        );
        let t1 = month("2025-01").tertial();
        assert_eq!(
            (t1.first(), t1.last()),
            (month("2025-01"), month("2025-04"))
        );
        let t3 = month("2025-12").tertial();
        assert_eq!(
            (t3.first(), t3.last()),
            (month("2025-09"), month("2025-12"))
        );
        assert!(t1 < t2 && t2 < t3 && t3 < month("2026-01").tertial());
    }

    #[test]
    fn month_serde_is_the_text() {
        let m = month("2025-08");
        assert_eq!(serde_json::to_string(&m).unwrap(), "\"2025-08\"");
        assert_eq!(serde_json::from_str::<Month>("\"2025-08\"").unwrap(), m);
        let err = serde_json::from_str::<Month>("\"2025-8\"")
            .unwrap_err()
            .to_string();
        assert!(err.contains("cannot read the month \"2025-8\""), "{err}");
        assert!(serde_json::from_str::<Month>("202508").is_err());
    }

    #[test]
    fn dates() {
        let d = date("2025-04-18");
        assert_eq!((d.year(), d.month(), d.day()), (2025, 4, 18));
        assert_eq!(d.to_string(), "2025-04-18");
        assert_eq!(d.weekday(), Weekday::Friday);
        assert_eq!(date("1970-01-01").weekday(), Weekday::Thursday);
        assert_eq!(date("2000-02-29").weekday(), Weekday::Tuesday);
        assert_eq!(date("1900-01-01").weekday(), Weekday::Monday);
        assert_eq!(date("2024-12-31").add_days(1), date("2025-01-01"));
        assert_eq!(date("2024-03-01").add_days(-1), date("2024-02-29"));
        assert_eq!(date("2025-01-01").add_days(365), date("2026-01-01"));
        assert_eq!(date("2025-01-01").add_days(-146_097), date("1625-01-01"));
        let err = Date::new(2025, 4, 31).unwrap_err();
        assert_eq!(
            (err.code(), err.to_string()),
            ("E_OPTION", "2025-04-31 is not a calendar date".into())
        );
        assert!(Date::new(2025, 13, 1).is_err());
        assert!(Date::new(2025, 1, 0).is_err());
        assert!(Date::new(2025, 1, 256 + 1).is_err());
    }

    #[test]
    fn day_numbers_round_trip_and_step_by_one() {
        let mut d = date("1899-12-25");
        let mut weekday = d.weekday() as i64;
        while d < date("2201-01-10") {
            let next = d.add_days(1);
            assert_eq!(date_from_day_number(d.day_number()), Some(d));
            assert_eq!(next.day_number(), d.day_number() + 1);
            weekday = (weekday + 1) % 7;
            assert_eq!(next.weekday() as i64, weekday);
            let expected = if u32::from(d.day) == days_in_month(d.year, d.month) {
                if d.month == 12 {
                    (d.year + 1, 1, 1)
                } else {
                    (d.year, d.month + 1, 1)
                }
            } else {
                (d.year, d.month, d.day + 1)
            };
            assert_eq!((next.year, next.month, next.day), expected);
            d = next;
        }
    }
}
