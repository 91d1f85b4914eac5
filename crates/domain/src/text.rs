//! Languages of the user interface and multilingual text.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A language of the user interface. Dutch is the default and the fallback.
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
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::Nl, Lang::En, Lang::De, Lang::Fr];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
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
            _ => Err(UnknownLang(s.to_string())),
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("unknown language {0:?}; use nl, en, de or fr")]
pub struct UnknownLang(pub String);

/// Text in the four interface languages. Dutch is required wherever text is
/// required; the other languages fall back to Dutch.
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
}

impl Text {
    pub fn new(nl: &str, en: &str, de: &str, fr: &str) -> Self {
        let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
        Text {
            nl: some(nl),
            en: some(en),
            de: some(de),
            fr: some(fr),
        }
    }

    /// The text in `lang`, else Dutch, else any language that is present.
    pub fn get(&self, lang: Lang) -> &str {
        self.exact(lang)
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
        }
        .filter(|s| !s.trim().is_empty())
    }

    /// Whether the text falls back to Dutch in `lang` (for a `lang` attribute in pages).
    pub fn resolved_lang(&self, lang: Lang) -> Lang {
        if self.exact(lang).is_some() {
            lang
        } else {
            Lang::Nl
        }
    }

    pub fn all(&self) -> impl Iterator<Item = &str> {
        [&self.nl, &self.en, &self.de, &self.fr]
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
    fn accept_language_honours_quality() {
        assert_eq!(
            Lang::from_accept_language("fr-BE;q=0.4, de-DE;q=0.9, en;q=0.5"),
            Some(Lang::De)
        );
        assert_eq!(Lang::from_accept_language("pl, ja"), None);
        assert_eq!(Lang::from_accept_language("en-GB"), Some(Lang::En));
    }
}
