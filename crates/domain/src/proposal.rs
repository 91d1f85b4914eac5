//! An organisation asks to join the network; the coordinator approves (it then
//! becomes an organisation of the catalogue) or declines.

use crate::account::Email;
use crate::catalogue::Organization;
use crate::editing::{EditProblem, Fields};
use crate::text::{Lang, Text};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganizationProposal {
    pub id: String,
    pub name: String,
    pub website: Option<String>,
    /// The organisation's general address, for the coordinator's questions.
    pub email: Option<String>,
    pub description: String,
    /// The language the description is written in.
    pub lang: Lang,
}

fn value<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields.get(name).map(|v| v.trim()).unwrap_or("")
}

/// Checks the form; every problem at once.
pub fn check(fields: &Fields, lang: Lang) -> Result<OrganizationProposal, Vec<EditProblem>> {
    let mut problems = Vec::new();
    let mut problem = |field: &str, code| {
        problems.push(EditProblem {
            field: field.into(),
            code,
        })
    };
    let name = value(fields, "name");
    if name.is_empty() {
        problem("name", "required");
    } else if name.chars().count() > 150 {
        problem("name", "too-long");
    }
    let website = value(fields, "website");
    if !website.is_empty()
        && (!(website.starts_with("https://") || website.starts_with("http://"))
            || website.contains(char::is_whitespace)
            || website.len() > 500)
    {
        problem("website", "url");
    }
    let email = value(fields, "email");
    let parsed = Email::parse(email);
    if email.is_empty() {
        problem("email", "required");
    } else if parsed.is_none() {
        problem("email", "email");
    }
    let description = value(fields, "description");
    if description.is_empty() {
        problem("description", "required");
    } else if description.chars().count() > 2000 {
        problem("description", "too-long");
    }
    if fields.values().any(|v| {
        v.chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    }) {
        problem("form", "control-characters");
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(OrganizationProposal {
        id: uuid::Uuid::new_v4().to_string(),
        name: name.to_string(),
        website: (!website.is_empty()).then(|| website.to_string()),
        email: parsed.map(|e| e.as_str().to_string()),
        description: description.to_string(),
        lang,
    })
}

/// A readable key from the name, unique among `taken`: `Grensinfopunt Maastricht` → `grensinfopunt-maastricht`.
pub fn key_for(name: &str, taken: &[String]) -> String {
    let mut slug = String::new();
    for c in name.to_lowercase().chars() {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ß' => 's',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let base: String = slug.trim_end_matches('-').chars().take(60).collect();
    let base = if base.is_empty() {
        "organisatie".to_string()
    } else {
        base
    };
    let mut key = base.clone();
    let mut n = 2;
    while taken.contains(&key) {
        key = format!("{base}-{n}");
        n += 1;
    }
    key
}

/// The organisation an approved proposal becomes.
pub fn organization(
    p: &OrganizationProposal,
    taken_keys: &[String],
    now: chrono::DateTime<chrono::Utc>,
) -> Organization {
    let mut description = Text::default();
    description.set(p.lang, p.description.clone());
    Organization {
        id: p.id.clone(),
        key: key_for(&p.name, taken_keys),
        name: p.name.clone(),
        alternate_name: None,
        description,
        website: p.website.clone(),
        email: p.email.clone(),
        identifiers: Vec::new(),
        phones: Vec::new(),
        contacts: Vec::new(),
        assured_date: Some(now.date_naive()),
        last_modified: now,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_proposal_is_checked_and_becomes_an_organisation_with_a_unique_key() {
        let mut f = Fields::new();
        f.insert("name".into(), "Grenzgänger Beratung Düren".into());
        f.insert("email".into(), "Info@Beratung.de".into());
        f.insert("description".into(), "Beratung für Grenzgänger.".into());
        let p = check(&f, Lang::De).expect("valid");
        assert_eq!(p.email.as_deref(), Some("info@beratung.de"));
        let org = organization(
            &p,
            &["grenzganger-beratung-duren".into()],
            chrono::Utc::now(),
        );
        assert_eq!(org.key, "grenzganger-beratung-duren-2");
        assert_eq!(
            org.description.de.as_deref(),
            Some("Beratung für Grenzgänger.")
        );
        f.insert("website".into(), "javascript:alert(1)".into());
        f.insert("email".into(), String::new());
        f.insert("name".into(), String::new());
        let problems = check(&f, Lang::De).expect_err("invalid");
        assert_eq!(
            problems
                .iter()
                .map(|p| p.field.as_str())
                .collect::<Vec<_>>(),
            vec!["name", "website", "email"]
        );
    }
}
