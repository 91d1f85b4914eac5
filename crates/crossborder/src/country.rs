//! The countries the explainer knows.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Country {
    #[serde(rename = "NL")]
    Netherlands,
    #[serde(rename = "DE")]
    Germany,
    #[serde(rename = "BE")]
    Belgium,
}

impl Country {
    pub const ALL: [Country; 3] = [Country::Netherlands, Country::Germany, Country::Belgium];

    /// ISO 3166-1 alpha-2.
    pub fn code(self) -> &'static str {
        match self {
            Country::Netherlands => "NL",
            Country::Germany => "DE",
            Country::Belgium => "BE",
        }
    }

    pub fn parse(code: &str) -> Option<Country> {
        let code = code.trim();
        Self::ALL
            .into_iter()
            .find(|c| c.code().eq_ignore_ascii_case(code))
    }
}
