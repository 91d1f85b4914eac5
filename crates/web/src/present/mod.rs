//! What pages and the API both show: the translator for the visitor's
//! language, names from the catalogue in that language (`names`), the front
//! door's reasons in words (`reasons`), and query strings for links.

pub(crate) mod chart;
pub(crate) mod names;
pub(crate) mod qr;
pub(crate) mod reach;
pub(crate) mod reasons;

use loket_domain::Lang;
use loket_i18n::{FluentArg, I18n};
use std::sync::Arc;

/// Translates message keys for one language; templates call `tr.t("key")`.
#[derive(Clone)]
pub struct Tr {
    pub lang: Lang,
    i18n: Arc<I18n>,
}

impl Tr {
    pub fn new(i18n: Arc<I18n>, lang: Lang) -> Self {
        Tr { lang, i18n }
    }
    pub fn t(&self, key: &str) -> String {
        self.i18n.t(self.lang.code(), key)
    }
    pub fn n(&self, key: &str, name: &str, count: usize) -> String {
        self.i18n.t_args(
            self.lang.code(),
            key,
            &[(name, FluentArg::Num(count as i64))],
        )
    }
    /// A message with several counts, each choosing its own plural form.
    pub fn counts(&self, key: &str, args: &[(&str, usize)]) -> String {
        let args: Vec<_> = args
            .iter()
            .map(|(k, n)| (*k, FluentArg::Num(*n as i64)))
            .collect();
        self.i18n.t_args(self.lang.code(), key, &args)
    }
    /// A message with a count and words.
    pub fn count_and(&self, key: &str, count: (&str, usize), words: &[(&str, String)]) -> String {
        let mut args: Vec<_> = vec![(count.0, FluentArg::Num(count.1 as i64))];
        args.extend(words.iter().map(|(k, v)| (*k, FluentArg::Str(v.clone()))));
        self.i18n.t_args(self.lang.code(), key, &args)
    }
    /// A date as the language writes it (22-11-2026, 22.11.2026, 22/11/2026, 22 November 2026).
    pub fn date(&self, d: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        self.i18n
            .date(self.lang.code(), d.year(), d.month(), d.day())
    }
    /// Sorts by the visitor's language's rules ("Übach-Palenberg" before "Würselen").
    pub fn sort_by_key<T>(&self, items: &mut [T], key: impl Fn(&T) -> &str) {
        loket_i18n::Collation::new(self.lang.code()).sort_by_key(items, key);
    }
    pub fn s(&self, key: &str, args: &[(&str, String)]) -> String {
        let args: Vec<_> = args
            .iter()
            .map(|(k, v)| (*k, FluentArg::Str(v.clone())))
            .collect();
        self.i18n.t_args(self.lang.code(), key, &args)
    }
}

/// Date and time in the region (Europe/Amsterdam), for people; pages say so
/// in the column header ("Time (Dutch time)").
pub(crate) fn local_time(at: i64) -> String {
    chrono::DateTime::from_timestamp(at, 0)
        .map(|t| {
            t.with_timezone(&chrono_tz::Europe::Amsterdam)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

/// A date as people write it in the visitor's language (`22-11-2026`, `22 November 2026`).
pub(crate) fn date(tr: &Tr, d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    tr.i18n.date(tr.lang.code(), d.year(), d.month(), d.day())
}

/// Builds a URL query string, percent-encoding the values.
pub fn query_string(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Like [`query_string`], but keeps empty values as `key=` (a skipped question).
pub fn query_string_keep_empty(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| {
            if v.is_empty() {
                format!("{k}=")
            } else {
                format!("{k}={}", encode(v))
            }
        })
        .collect::<Vec<_>>()
        .join("&")
}

fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The translator for a visitor's language.
pub(crate) fn tr(state: &crate::AppState, lang: loket_domain::Lang) -> Tr {
    Tr::new(state.i18n.clone(), lang)
}
