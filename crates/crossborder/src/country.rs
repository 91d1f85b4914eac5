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

    /// Exactly `NL`, `DE` or `BE`.
    pub fn parse(code: &str) -> Option<Country> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }
}
