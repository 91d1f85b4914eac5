//! Languages of the user interface and multilingual text.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A language of the user interface. Dutch is the default and the fallback;
/// Polish, Romanian and Bulgarian (the labour migrants' languages) fall back
/// to English first, which more of their speakers read than Dutch.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Nl,
    En,
    De,
    Fr,
    Pl,
    Ro,
    Bg,
}

impl Lang {
    pub const ALL: [Lang; 7] = [
        Lang::Nl,
        Lang::En,
        Lang::De,
        Lang::Fr,
        Lang::Pl,
        Lang::Ro,
        Lang::Bg,
    ];
    /// The languages every catalogue text and every message is written in; the
    /// others have the public pages and the texts written for their speakers.
    pub const FULL: [Lang; 4] = [Lang::Nl, Lang::En, Lang::De, Lang::Fr];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Pl => "pl",
            Lang::Ro => "ro",
            Lang::Bg => "bg",
        }
    }

    /// The language's name in itself, for the language menu.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::Nl => "Nederlands",
            Lang::En => "English",
            Lang::De => "Deutsch",
            Lang::Fr => "Français",
            Lang::Pl => "Polski",
            Lang::Ro => "Română",
            Lang::Bg => "Български",
        }
    }

    /// Where a text missing in this language is looked for first.
    pub fn fallback(self) -> Lang {
        match self {
            Lang::Pl | Lang::Ro | Lang::Bg => Lang::En,
            _ => Lang::Nl,
        }
    }

    /// Picks the best supported language from an `Accept-Language` header value,
    /// honouring q-values; `None` when nothing supported is asked for.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut best: Option<(f32, Lang)> = None;
        for part in header.split(',') {
            let mut pieces = part.trim().split(';');
            let tag = pieces.next().unwrap_or("").trim();
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            let primary = tag.split('-').next().unwrap_or("");
            if let Ok(lang) = primary.parse::<Lang>()
                && q > 0.0
                && best.is_none_or(|(bq, _)| q > bq)
            {
                best = Some((q, lang));
            }
        }
        best.map(|(_, l)| l)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = UnknownLang;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "nl" => Ok(Lang::Nl),
            "en" => Ok(Lang::En),
            "de" => Ok(Lang::De),
            "fr" => Ok(Lang::Fr),
            "pl" => Ok(Lang::Pl),
            "ro" => Ok(Lang::Ro),
            "bg" => Ok(Lang::Bg),
            _ => Err(UnknownLang(s.to_string())),
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("unknown language {0:?}; use nl, en, de, fr, pl, ro or bg")]
pub struct UnknownLang(pub String);

/// Text in the interface languages. Dutch is required wherever text is
/// required; the other languages fall back to Dutch (Polish, Romanian and
/// Bulgarian to English first).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nl: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub de: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fr: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pl: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ro: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bg: Option<String>,
}

impl Text {
    pub fn new(nl: &str, en: &str, de: &str, fr: &str) -> Self {
        let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
        Text {
            nl: some(nl),
            en: some(en),
            de: some(de),
            fr: some(fr),
            ..Text::default()
        }
    }

    /// Sets the text in `lang` (empty clears it).
    pub fn set(&mut self, lang: Lang, value: String) {
        let value = (!value.is_empty()).then_some(value);
        match lang {
            Lang::Nl => self.nl = value,
            Lang::En => self.en = value,
            Lang::De => self.de = value,
            Lang::Fr => self.fr = value,
            Lang::Pl => self.pl = value,
            Lang::Ro => self.ro = value,
            Lang::Bg => self.bg = value,
        }
    }

    /// The text in `lang`, else in its fallback language, else Dutch, else any
    /// language that is present.
    pub fn get(&self, lang: Lang) -> &str {
        self.exact(lang)
            .or_else(|| self.exact(lang.fallback()))
            .or(self.nl.as_deref())
            .or(self.en.as_deref())
            .or(self.de.as_deref())
            .or(self.fr.as_deref())
            .unwrap_or("")
    }

    /// The text in exactly `lang`, without fallback.
    pub fn exact(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::Nl => self.nl.as_deref(),
            Lang::En => self.en.as_deref(),
            Lang::De => self.de.as_deref(),
            Lang::Fr => self.fr.as_deref(),
            Lang::Pl => self.pl.as_deref(),
            Lang::Ro => self.ro.as_deref(),
            Lang::Bg => self.bg.as_deref(),
        }
        .filter(|s| !s.trim().is_empty())
    }

    /// The language `get(lang)` is actually written in (for a `lang` attribute in pages).
    pub fn resolved_lang(&self, lang: Lang) -> Lang {
        if self.exact(lang).is_some() {
            lang
        } else if self.exact(lang.fallback()).is_some() {
            lang.fallback()
        } else {
            Lang::Nl
        }
    }

    pub fn all(&self) -> impl Iterator<Item = &str> {
        [
            &self.nl, &self.en, &self.de, &self.fr, &self.pl, &self.ro, &self.bg,
        ]
        .into_iter()
        .filter_map(|t| t.as_deref())
    }

    pub fn is_blank(&self) -> bool {
        self.all().all(|s| s.trim().is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_dutch() {
        let t = Text {
            nl: Some("Belasting".into()),
            de: Some("Steuern".into()),
            ..Text::default()
        };
        assert_eq!(t.get(Lang::De), "Steuern");
        assert_eq!(t.get(Lang::Fr), "Belasting");
        assert_eq!(t.resolved_lang(Lang::Fr), Lang::Nl);
    }

    #[test]
    fn labour_migrant_languages_fall_back_to_english_first() {
        let t = Text::new("Huisvesting", "Housing", "Wohnen", "Logement");
        assert_eq!(t.get(Lang::Pl), "Housing");
        assert_eq!(t.resolved_lang(Lang::Bg), Lang::En);
        let mut t = t;
        t.set(Lang::Ro, "Locuință".into());
        assert_eq!(
            (t.get(Lang::Ro), t.resolved_lang(Lang::Ro)),
            ("Locuință", Lang::Ro)
        );
    }

    #[test]
    fn accept_language_honours_quality() {
        assert_eq!(
            Lang::from_accept_language("fr-BE;q=0.4, de-DE;q=0.9, en;q=0.5"),
            Some(Lang::De)
        );
        assert_eq!(Lang::from_accept_language("pl, ja"), Some(Lang::Pl));
        assert_eq!(Lang::from_accept_language("ja, zh"), None);
        assert_eq!(Lang::from_accept_language("en-GB"), Some(Lang::En));
    }
}
