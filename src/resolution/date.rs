//! Calendar dates as resolutions write them (`18 July 1997`) and as front
//! matter does (`1997-07-18`).

use regex::Regex;

use crate::text::built_in;
use std::fmt;
use std::sync::LazyLock;

pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

static LONG_DATE: LazyLock<Regex> = LazyLock::new(|| {
    built_in(
        r"\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})\b",
    )
});

impl Date {
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (day >= 1 && day <= days).then_some(Date { year, month, day })
    }

    /// `1997-07-18`.
    pub(crate) fn parse_iso(text: &str) -> Option<Date> {
        let mut it = text.trim().splitn(3, '-');
        let (y, m, d) = (it.next()?, it.next()?, it.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// The first `18 July 1997` in `text`, if any.
    pub(crate) fn find_long(text: &str) -> Option<Date> {
        let c = LONG_DATE.captures(text)?;
        let month = MONTHS.iter().position(|m| *m == &c[2])? as u8 + 1;
        Date::new(c[3].parse().ok()?, month, c[1].parse().ok()?)
    }

    /// Whether `text` is nothing but a date such as `18 July 1997`.
    pub(crate) fn is_long_date(text: &str) -> bool {
        LONG_DATE
            .find(text.trim())
            .is_some_and(|m| m.start() == 0 && m.end() == text.trim().len())
    }

    /// `18 July 1997`.
    pub fn long(&self) -> String {
        let month = MONTHS
            .get(usize::from(self.month).saturating_sub(1))
            .copied()
            .unwrap_or("");
        format!("{} {} {}", self.day, month, self.year)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_forms() {
        let d = Date::new(1997, 7, 18).unwrap();
        assert_eq!(Date::parse_iso("1997-07-18"), Some(d));
        assert_eq!(
            Date::find_long("34th plenary meeting\n18 July 1997"),
            Some(d)
        );
        assert_eq!(d.to_string(), "1997-07-18");
        assert_eq!(d.long(), "18 July 1997");
    }

    #[test]
    fn rejects_impossible_dates() {
        assert_eq!(Date::parse_iso("1997-02-30"), None);
        assert_eq!(Date::parse_iso("1997-7-1"), None);
        assert_eq!(Date::find_long("31 June 2001"), None);
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(1900, 2, 29).is_none());
    }
}
