//! The request bodies of `POST /contacts` and `POST /referrals` as JSON Schemas,
//! built from the domain's codes and the catalogue's taxonomy at the moment the
//! document is served. Each schema allows everything the server accepts (where
//! the server trims a code, the pattern allows the spaces too); what no schema
//! can say (a phone number valid in its numbering plan, a service of another
//! organisation, a name with letters) is answered 400 with every problem named.

use loket_domain::TaxonomyKind;
use loket_domain::contact::{COUNTRIES, Channel, ContactOutcome, MAX_MINUTES};
use loket_domain::referral::{
    LegalBasis, MAX_CONTACT_CHARS, MAX_NAME_CHARS, MAX_NOTE_CHARS, MAX_PURPOSE_CHARS,
};
use loket_domain::search::CatalogueIndex;
use serde_json::{Value, json};

/// A regex alternative of `codes`, escaped.
fn alternatives<'a>(codes: impl IntoIterator<Item = &'a str>) -> String {
    codes
        .into_iter()
        .map(|c| {
            c.chars()
                .map(|ch| {
                    if ch.is_ascii_alphanumeric() || ch == '-' || ch == '_' {
                        ch.to_string()
                    } else {
                        format!("\\{ch}")
                    }
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// One of `codes` with spaces around it (the server trims), or nothing at all.
fn trimmed_code_or_empty<'a>(codes: impl IntoIterator<Item = &'a str>) -> Value {
    json!({ "anyOf": [
        { "type": "string", "pattern": format!("^\\s*({})?\\s*$", alternatives(codes)) },
        { "type": "null" },
    ]})
}

fn terms(idx: &CatalogueIndex, kind: TaxonomyKind) -> Vec<String> {
    idx.terms_of(kind).map(|t| t.code.clone()).collect()
}

fn language_code() -> Value {
    json!({ "type": "string", "pattern": "^[a-z]{2,3}$", "description": "ISO 639 code, e.g. nl, de, pl" })
}

/// `POST /api/v1/contacts`.
pub(crate) fn contact(idx: &CatalogueIndex) -> Value {
    let topics = terms(idx, TaxonomyKind::Topic);
    let groups = terms(idx, TaxonomyKind::TargetGroup);
    let bases: Vec<&str> = LegalBasis::ALL.iter().map(|b| b.code()).collect();
    json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["service_id", "channel", "language", "outcome"],
        "properties": {
            "service_id": { "type": "string", "description": "a service of the caller's organisation" },
            "channel": { "type": "string", "enum": Channel::ALL.iter().map(|c| c.code()).collect::<Vec<_>>() },
            "outcome": { "type": "string", "enum": ContactOutcome::ALL.iter().map(|c| c.code()).collect::<Vec<_>>() },
            "language": language_code(),
            "target_group": trimmed_code_or_empty(groups.iter().map(String::as_str)),
            "topics": {
                "type": "array",
                "description": "topic codes, at most 10 different ones",
                "items": { "type": "string", "pattern": format!("^\\s*({})?\\s*$", alternatives(topics.iter().map(String::as_str))) }
            },
            "residence_country": trimmed_code_or_empty(COUNTRIES),
            "work_country": trimmed_code_or_empty(COUNTRIES),
            "minutes": { "anyOf": [
                { "type": "integer", "minimum": 1, "maximum": MAX_MINUTES },
                { "type": "null" }
            ]},
            "name": { "anyOf": [{ "type": "string" }, { "type": "null" }], "description": "only with outcome follow-up and a basis" },
            "contact": { "anyOf": [{ "type": "string" }, { "type": "null" }], "description": "a phone number or e-mail address; only with a name's follow-up" },
            "basis": trimmed_code_or_empty(bases),
        }
    })
}

/// `POST /api/v1/referrals`.
pub(crate) fn referral() -> Value {
    let text = |max: usize| json!({ "type": "string", "minLength": 1, "maxLength": max });
    json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["service_id", "name", "contact", "language", "note", "basis", "purpose"],
        "properties": {
            "service_id": { "type": "string", "minLength": 1, "description": "a service of another organisation" },
            "name": text(MAX_NAME_CHARS),
            "contact": { "type": "string", "minLength": 1, "maxLength": MAX_CONTACT_CHARS, "description": "a phone number valid in its numbering plan, or an e-mail address" },
            "language": language_code(),
            "note": text(MAX_NOTE_CHARS),
            "basis": { "type": "string", "enum": LegalBasis::ALL.iter().map(|b| b.code()).collect::<Vec<_>>() },
            "purpose": text(MAX_PURPOSE_CHARS),
            "previous_id": { "anyOf": [{ "type": "string" }, { "type": "null" }], "description": "the referral this one continues (refer on)" },
        }
    })
}
