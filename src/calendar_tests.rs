//! Tests of `calendar`, kept beside it so the module itself reads in one sitting.

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
    let expected: Vec<(String, &str)> = expected.iter().map(|&(d, n)| (d.to_string(), n)).collect();
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
