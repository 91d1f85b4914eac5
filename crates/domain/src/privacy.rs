//! The register of processing activities (AVG/GDPR article 30): for each
//! activity its purpose, legal basis, data categories and retention. It is
//! configuration (`seed/processing-register.json`): the privacy statement is
//! generated from it, the audit log names its activities, and the retention job
//! (issue 4) enforces its periods.

use crate::text::{Lang, Text};
use serde::{Deserialize, Serialize};

pub const DEFAULT_REGISTER: &str = include_str!("../../../seed/processing-register.json");

/// The legal grounds of AVG/GDPR article 6(1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LegalBasis {
    Consent,
    Contract,
    LegalObligation,
    VitalInterests,
    PublicTask,
    LegitimateInterests,
}

impl LegalBasis {
    pub fn code(self) -> &'static str {
        match self {
            LegalBasis::Consent => "consent",
            LegalBasis::Contract => "contract",
            LegalBasis::LegalObligation => "legal-obligation",
            LegalBasis::VitalInterests => "vital-interests",
            LegalBasis::PublicTask => "public-task",
            LegalBasis::LegitimateInterests => "legitimate-interests",
        }
    }
}

/// From when a retention period runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum RetentionFrom {
    #[default]
    Recorded,
    LastActivity,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcessingActivity {
    pub code: String,
    /// Planned activities are listed, marked as not yet in use.
    pub in_use: bool,
    pub name: Text,
    pub purpose: Text,
    pub legal_basis: LegalBasis,
    pub data: Vec<Text>,
    /// `None`: anonymous data, kept as long as it is useful.
    pub retention_days: Option<u32>,
    #[serde(default)]
    pub retention_from: RetentionFrom,
    pub anonymous: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcessingRegister {
    pub format: String,
    pub version: u32,
    pub controller: String,
    #[serde(default)]
    pub about: Option<String>,
    pub activities: Vec<ProcessingActivity>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("processing register: {where_}: {message}")]
pub struct RegisterError {
    pub where_: String,
    pub message: String,
}

impl ProcessingRegister {
    pub fn parse(json: &str) -> Result<Self, RegisterError> {
        let de = &mut serde_json::Deserializer::from_str(json);
        let register: ProcessingRegister =
            serde_path_to_error::deserialize(de).map_err(|e| RegisterError {
                where_: e.path().to_string(),
                message: e.inner().to_string(),
            })?;
        let err = |where_: String, message: &str| {
            Err(RegisterError {
                where_,
                message: message.into(),
            })
        };
        if register.format != "loket-processing-register" {
            return err("format".into(), "expected \"loket-processing-register\"");
        }
        for (i, a) in register.activities.iter().enumerate() {
            let at = format!("activities[{i}] ({})", a.code);
            if register
                .activities
                .iter()
                .filter(|b| b.code == a.code)
                .count()
                > 1
            {
                return err(at, "the code is used twice");
            }
            if a.retention_days.is_none() && !a.anonymous {
                return err(
                    at,
                    "personal data needs a retention period (retention_days)",
                );
            }
            if a.data.is_empty() {
                return err(at, "name the data categories (data)");
            }
            for t in [&a.name, &a.purpose].into_iter().chain(a.data.iter()) {
                if Lang::FULL.iter().any(|l| t.exact(*l).is_none()) {
                    return err(at, "every text needs nl, en, de and fr");
                }
            }
        }
        Ok(register)
    }

    pub fn default_register() -> Result<Self, RegisterError> {
        ProcessingRegister::parse(DEFAULT_REGISTER)
    }

    pub fn activity(&self, code: &str) -> Option<&ProcessingActivity> {
        self.activities.iter().find(|a| a.code == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_register_is_complete() {
        let r = ProcessingRegister::default_register().unwrap_or_else(|e| panic!("{e}"));
        let feedback = r
            .activity("front-door-feedback")
            .expect("feedback is registered");
        assert!(feedback.in_use && feedback.retention_days.is_some());
        assert!(
            r.activity("audit-log")
                .is_some_and(|a| a.legal_basis == LegalBasis::LegalObligation)
        );
    }

    #[test]
    fn personal_data_without_retention_is_refused() {
        let text =
            DEFAULT_REGISTER.replacen("\"retention_days\": 365", "\"retention_days\": null", 1);
        let e = ProcessingRegister::parse(&text).expect_err("must fail");
        assert!(e.message.contains("retention"), "{e}");
    }
}
