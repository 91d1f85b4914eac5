//! User-facing text from Fluent message files in `locales/{lang}/main.ftl`,
//! compiled into the binary: every message in Dutch (the default), English,
//! German and French; the public pages, the front door and the callback request
//! also in Polish, Romanian and Bulgarian, whose other messages come in English.

pub mod collation;
pub mod numbers;
pub use collation::Collation;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::HashMap;
use unic_langid::LanguageIdentifier;

/// The message files; `nl` first, it is the fallback.
const SOURCES: [(&str, &str); 7] = [
    ("nl", include_str!("../locales/nl/main.ftl")),
    ("en", include_str!("../locales/en/main.ftl")),
    ("de", include_str!("../locales/de/main.ftl")),
    ("fr", include_str!("../locales/fr/main.ftl")),
    ("pl", include_str!("../locales/pl/main.ftl")),
    ("ro", include_str!("../locales/ro/main.ftl")),
    ("bg", include_str!("../locales/bg/main.ftl")),
];

/// The languages with only the public messages; the rest comes in English.
pub const PARTIAL: [&str; 3] = ["pl", "ro", "bg"];

#[derive(Debug, thiserror::Error)]
pub enum I18nError {
    #[error("message file {lang}: {message}")]
    Parse { lang: String, message: String },
}

pub struct I18n {
    bundles: HashMap<String, FluentBundle<FluentResource>>,
}

impl I18n {
    pub fn load() -> Result<Self, I18nError> {
        let mut bundles = HashMap::new();
        for (lang, source) in SOURCES {
            let err = |message: String| I18nError::Parse {
                lang: lang.to_string(),
                message,
            };
            let resource = FluentResource::try_new(source.to_string())
                .map_err(|(_, e)| err(format!("{e:?}")))?;
            let id: LanguageIdentifier = lang.parse().map_err(|e| err(format!("{e:?}")))?;
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Unicode isolation marks around arguments confuse screen readers and tests; our arguments are plain.
            bundle.set_use_isolating(false);
            bundle.set_formatter(Some(match lang {
                "nl" => numbers::nl,
                "en" => numbers::en,
                "de" => numbers::de,
                "fr" => numbers::fr,
                "pl" => numbers::pl,
                "ro" => numbers::ro,
                _ => numbers::bg,
            }));
            bundle
                .add_resource(resource)
                .map_err(|e| err(format!("{e:?}")))?;
            bundles.insert(lang.to_string(), bundle);
        }
        Ok(I18n { bundles })
    }

    /// The message `key` in `lang`, falling back to English for the partial
    /// languages, then to Dutch, then to the key itself.
    pub fn t(&self, lang: &str, key: &str) -> String {
        self.format(lang, key, None)
    }

    /// The message with named arguments, e.g. `("count", 3)`.
    pub fn t_args(&self, lang: &str, key: &str, args: &[(&str, FluentArg)]) -> String {
        let mut fargs = FluentArgs::new();
        for (name, value) in args {
            match value {
                FluentArg::Str(s) => fargs.set(*name, FluentValue::from(s.clone())),
                FluentArg::Num(n) => fargs.set(*name, FluentValue::from(*n)),
            }
        }
        self.format(lang, key, Some(&fargs))
    }

    fn format(&self, lang: &str, key: &str, args: Option<&FluentArgs>) -> String {
        let fallback = if PARTIAL.contains(&lang) { "en" } else { "nl" };
        for candidate in [lang, fallback, "nl"] {
            let Some(bundle) = self.bundles.get(candidate) else {
                continue;
            };
            let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = vec![];
            return bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned();
        }
        key.to_string()
    }

    /// A calendar date as people write it in `lang`: `22-11-2026`, `22.11.2026`,
    /// `22/11/2026`, `22 November 2026` (the `date` message and month names).
    pub fn date(&self, lang: &str, year: i32, month: u32, day: u32) -> String {
        let month_name = self.t(lang, &format!("month-{month}"));
        self.t_args(
            lang,
            "date",
            &[
                ("day", FluentArg::Str(format!("{day:02}"))),
                ("dayn", FluentArg::Str(day.to_string())),
                ("month", FluentArg::Str(format!("{month:02}"))),
                ("monthname", FluentArg::Str(month_name)),
                ("year", FluentArg::Str(year.to_string())),
            ],
        )
    }

    /// Every message key of a language, to check that all languages are complete.
    pub fn keys(&self, lang: &str) -> Vec<String> {
        let source = SOURCES
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, s)| *s)
            .unwrap_or("");
        source
            .lines()
            .filter(|l| !l.starts_with(['#', ' ', '\t', '.']) && l.contains(" ="))
            .filter_map(|l| l.split_once(" =").map(|(k, _)| k.trim().to_string()))
            .collect()
    }
}

#[derive(Debug, Clone)]
pub enum FluentArg {
    Str(String),
    Num(i64),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_message() {
        let i18n = I18n::load().expect("load");
        let mut nl = i18n.keys("nl");
        nl.sort();
        assert!(nl.len() > 50);
        for lang in ["en", "de", "fr"] {
            let mut keys = i18n.keys(lang);
            keys.sort();
            assert_eq!(keys, nl, "{lang} differs from nl");
        }
    }

    /// The labour migrants' languages have the same messages as each other,
    /// every message of the front door, the callback request and the service
    /// pages, and nothing the full languages lack.
    #[test]
    fn partial_languages_cover_the_public_pages() {
        let i18n = I18n::load().expect("load");
        let nl = i18n.keys("nl");
        let mut pl = i18n.keys("pl");
        pl.sort();
        for lang in ["ro", "bg"] {
            let mut keys = i18n.keys(lang);
            keys.sort();
            assert_eq!(keys, pl, "{lang} differs from pl");
        }
        for key in &pl {
            assert!(nl.contains(key), "{key} is not a message");
        }
        let public = [
            "fd-",
            "intake-",
            "reach-",
            "search-",
            "service-",
            "answer-error-",
            "reason-",
            "nav-",
            "filter-",
            "hours-",
            "error-",
            "region-",
            "xb-",
            "crossborder-domain-",
            "ev-",
            "event-mail-",
        ];
        for key in nl
            .iter()
            .filter(|k| public.iter().any(|p| k.starts_with(p)))
        {
            assert!(pl.contains(key), "pl lacks the public message {key}");
        }
        assert_eq!(i18n.t("pl", "manage-title"), i18n.t("en", "manage-title"));
    }

    #[test]
    fn falls_back_to_dutch_and_formats_numbers() {
        let i18n = I18n::load().expect("load");
        assert_eq!(i18n.t("xx", "nav-home"), i18n.t("nl", "nav-home"));
        let s = i18n.t_args("en", "search-count", &[("count", FluentArg::Num(3))]);
        assert!(s.contains('3'), "{s}");
    }
}

#[cfg(test)]
mod plural_tests {
    use super::*;

    #[test]
    fn each_count_in_a_message_takes_its_own_form() {
        let i18n = I18n::load().expect("load");
        let counts = |c: i64, v: i64| {
            i18n.t_args(
                "nl",
                "talent-counts",
                &[
                    ("candidates", FluentArg::Num(c)),
                    ("vacancies", FluentArg::Num(v)),
                ],
            )
        };
        assert!(counts(1, 2).starts_with("1 kandidaat en 2 gepubliceerde vacatures"));
        assert!(counts(3, 1).starts_with("3 kandidaten en 1 gepubliceerde vacature "));
        let day = i18n.t_args(
            "en",
            "privacy-retention-days",
            &[("days", FluentArg::Num(1))],
        );
        assert_eq!(day, "1 day");
    }

    #[test]
    fn one_and_other_are_told_apart() {
        let i18n = I18n::load().expect("load");
        for lang in ["nl", "en", "de", "fr", "pl", "ro", "bg"] {
            let one = i18n.t_args(lang, "search-count", &[("count", FluentArg::Num(1))]);
            let year = i18n.t_args(
                lang,
                "privacy-retention-years",
                &[("years", FluentArg::Num(1))],
            );
            assert!(
                !year.contains("2") && year.chars().count() < 10,
                "{lang}: {year}"
            );
            let many = i18n.t_args(lang, "search-count", &[("count", FluentArg::Num(3))]);
            assert!(one.contains('1') && !one.contains('3'), "{lang}: {one}");
            assert_ne!(
                one.replace('1', ""),
                many.replace('3', ""),
                "{lang}: '{one}' and '{many}' use the same form"
            );
        }
    }
}
