//! Whole numbers written the language's way: 12.345 in Dutch, German and Romanian,
//! 12,345 in English, 12 345 in French, Polish and Bulgarian (a narrow no-break
//! space). Fluent still sees the number, so plural forms stay right. Polish and
//! Bulgarian group from five digits (CLDR's minimum grouping digits), the rest from four.

use fluent_bundle::FluentValue;

/// The separator and the smallest number that gets one.
fn rule(lang: &str) -> (&'static str, f64) {
    match lang {
        "en" => (",", 1_000.0),
        "fr" => ("\u{202f}", 1_000.0),
        "pl" | "bg" => ("\u{a0}", 10_000.0),
        _ => (".", 1_000.0),
    }
}

/// `None` leaves the number to Fluent (fractions, small numbers).
pub fn group(lang: &str, value: &FluentValue) -> Option<String> {
    let FluentValue::Number(n) = value else {
        return None;
    };
    let (separator, from) = rule(lang);
    if n.value.fract() != 0.0 || n.value.abs() < from || n.value.abs() >= 1e15 {
        return None;
    }
    let digits = format!("{}", n.value.abs() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(separator);
        }
        out.push(c);
    }
    Some(if n.value < 0.0 {
        format!("-{out}")
    } else {
        out
    })
}

macro_rules! formatter {
    ($name:ident, $lang:literal) => {
        pub(crate) fn $name<M>(value: &FluentValue, _: &M) -> Option<String> {
            group($lang, value)
        }
    };
}
formatter!(nl, "nl");
formatter!(en, "en");
formatter!(de, "de");
formatter!(fr, "fr");
formatter!(pl, "pl");
formatter!(ro, "ro");
formatter!(bg, "bg");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_groups_its_own_way() {
        let n = |v: f64| FluentValue::from(v);
        assert_eq!(group("nl", &n(12345.0)).as_deref(), Some("12.345"));
        assert_eq!(group("en", &n(1234567.0)).as_deref(), Some("1,234,567"));
        assert_eq!(group("fr", &n(1234.0)).as_deref(), Some("1\u{202f}234"));
        assert_eq!(
            group("pl", &n(1234.0)),
            None,
            "four digits stay together in Polish"
        );
        assert_eq!(group("pl", &n(12345.0)).as_deref(), Some("12\u{a0}345"));
        assert_eq!(group("de", &n(999.0)), None);
        assert_eq!(group("nl", &n(2.5)), None);
    }
}
