//! The service catalogue ("regionale menukaart"): the HSDS 3.1 core objects,
//! with text in four languages and our taxonomies (topic, target group, channel).

use crate::text::Text;
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

pub type Id = String;

/// The three taxonomies of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TaxonomyKind {
    Topic,
    TargetGroup,
    Channel,
}

impl TaxonomyKind {
    pub const ALL: [TaxonomyKind; 3] = [
        TaxonomyKind::Topic,
        TaxonomyKind::TargetGroup,
        TaxonomyKind::Channel,
    ];
    pub fn code(self) -> &'static str {
        match self {
            TaxonomyKind::Topic => "topic",
            TaxonomyKind::TargetGroup => "target-group",
            TaxonomyKind::Channel => "channel",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Taxonomy {
    pub id: Id,
    pub code: TaxonomyKind,
    pub name: Text,
    #[serde(default)]
    pub description: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaxonomyTerm {
    pub id: Id,
    pub taxonomy: TaxonomyKind,
    pub code: String,
    pub name: Text,
    /// Words people use for this term, in any language; they make search multilingual.
    #[serde(default)]
    pub keywords: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ServiceStatus {
    #[default]
    Active,
    Inactive,
    Defunct,
    #[serde(rename = "temporarily closed")]
    TemporarilyClosed,
}

impl ServiceStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ServiceStatus::Active => "active",
            ServiceStatus::Inactive => "inactive",
            ServiceStatus::Defunct => "defunct",
            ServiceStatus::TemporarilyClosed => "temporarily closed",
        }
    }
}

/// First-line services give personal advice to anyone who walks in; second-line
/// services are specialists people are referred to. First line ranks first:
/// that is where "no wrong door" starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ServiceLine {
    #[default]
    First,
    Second,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrganizationIdentifier {
    /// For example `KvK`, `Handelsregister`, `KBO`.
    pub identifier_type: String,
    pub identifier: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier_scheme: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phone {
    pub number: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    #[serde(default)]
    pub description: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    pub id: Id,
    /// A readable, stable slug.
    pub key: String,
    pub name: String,
    #[serde(default)]
    pub alternate_name: Option<String>,
    pub description: Text,
    #[serde(default)]
    pub website: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub identifiers: Vec<OrganizationIdentifier>,
    #[serde(default)]
    pub phones: Vec<Phone>,
    #[serde(default)]
    pub contacts: Vec<Contact>,
    #[serde(default)]
    pub assured_date: Option<NaiveDate>,
    pub last_modified: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LocationType {
    Physical,
    Postal,
    Virtual,
}

impl LocationType {
    pub fn as_str(self) -> &'static str {
        match self {
            LocationType::Physical => "physical",
            LocationType::Postal => "postal",
            LocationType::Virtual => "virtual",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Address {
    pub address_1: String,
    pub city: String,
    pub postal_code: String,
    #[serde(default)]
    pub state_province: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Location {
    pub id: Id,
    pub organization_id: Id,
    pub location_type: LocationType,
    pub name: Text,
    #[serde(default)]
    pub description: Option<Text>,
    /// The municipality code (CBS, AGS or NIS) the location lies in.
    #[serde(default)]
    pub municipality: Option<String>,
    #[serde(default)]
    pub latitude: Option<f64>,
    #[serde(default)]
    pub longitude: Option<f64>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub address: Option<Address>,
    #[serde(default)]
    pub accessibility: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Weekday {
    Mo,
    Tu,
    We,
    Th,
    Fr,
    Sa,
    Su,
}

impl Weekday {
    pub fn as_str(self) -> &'static str {
        match self {
            Weekday::Mo => "MO",
            Weekday::Tu => "TU",
            Weekday::We => "WE",
            Weekday::Th => "TH",
            Weekday::Fr => "FR",
            Weekday::Sa => "SA",
            Weekday::Su => "SU",
        }
    }
}

/// Weekly opening hours: on `days`, from `opens_at` to `closes_at`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpeningHours {
    pub days: Vec<Weekday>,
    pub opens_at: NaiveTime,
    pub closes_at: NaiveTime,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_id: Option<Id>,
}

/// A date on which the weekly hours do not apply, such as a public holiday.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScheduleException {
    pub date: NaiveDate,
    /// `None` means closed all day.
    #[serde(default)]
    pub opens_at: Option<NaiveTime>,
    #[serde(default)]
    pub closes_at: Option<NaiveTime>,
    #[serde(default)]
    pub description: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    #[serde(default)]
    pub weekly: Vec<OpeningHours>,
    #[serde(default)]
    pub exceptions: Vec<ScheduleException>,
    #[serde(default)]
    pub notes: Text,
}

impl Schedule {
    pub fn is_empty(&self) -> bool {
        self.weekly.is_empty() && self.exceptions.is_empty() && self.notes.is_blank()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    pub id: Id,
    pub key: String,
    pub organization_id: Id,
    pub name: Text,
    #[serde(default)]
    pub alternate_name: Option<String>,
    pub description: Text,
    #[serde(default)]
    pub status: ServiceStatus,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub line: ServiceLine,
    /// The regional generalist: helps anyone onward when nothing specific fits.
    #[serde(default)]
    pub generalist: bool,
    #[serde(default)]
    pub eligibility: Option<Text>,
    #[serde(default)]
    pub minimum_age: Option<u8>,
    #[serde(default)]
    pub maximum_age: Option<u8>,
    #[serde(default)]
    pub application_process: Option<Text>,
    #[serde(default)]
    pub fees: Option<Text>,
    /// ISO 639-1 codes of the languages the service is given in.
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    pub target_groups: Vec<String>,
    #[serde(default)]
    pub channels: Vec<String>,
    /// Region codes, country codes (NL, DE, BE) or municipality codes.
    #[serde(default)]
    pub service_areas: Vec<String>,
    /// Ids of the locations where the service is given (HSDS service_at_location).
    #[serde(default)]
    pub locations: Vec<Id>,
    #[serde(default)]
    pub schedules: Vec<Schedule>,
    #[serde(default)]
    pub phones: Vec<Phone>,
    #[serde(default)]
    pub contacts: Vec<Contact>,
    #[serde(default)]
    pub assured_date: Option<NaiveDate>,
    pub last_modified: DateTime<Utc>,
}

impl Service {
    pub fn terms(&self, kind: TaxonomyKind) -> &[String] {
        match kind {
            TaxonomyKind::Topic => &self.topics,
            TaxonomyKind::TargetGroup => &self.target_groups,
            TaxonomyKind::Channel => &self.channels,
        }
    }
}
