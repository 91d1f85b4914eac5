//! Editing a service by its organisation's staff: the form's fields, their
//! checks (every problem at once, by field), and applying them to the record.

use crate::account::Email;
use crate::catalogue::{OpeningHours, Schedule, Service, ServiceStatus, Weekday};
use crate::text::{Lang, Text};
use serde::Deserialize;

pub const MAX_NAME: usize = 150;
pub const MAX_DESCRIPTION: usize = 4000;
pub const MAX_OTHER: usize = 2000;

/// The texts of a service that are edited in four languages.
pub const TEXT_FIELDS: [&str; 5] = [
    "name",
    "description",
    "eligibility",
    "application_process",
    "fees",
];

/// What the edit form sends: one value per field and language (`name_de`, …).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ServiceEdit {
    pub texts: std::collections::BTreeMap<String, String>,
    pub url: String,
    pub email: String,
    /// The service's own (first) phone number; stored in international form.
    pub phone: String,
    /// ISO 639-1 codes, separated by commas or spaces.
    pub languages: String,
    pub status: String,
    /// Weekly opening hours per day (`mo` … `su`), like `09:00-12:00, 13:00-17:00`;
    /// empty means closed.
    pub hours: std::collections::BTreeMap<String, String>,
}

pub const DAYS: [(Weekday, &str); 7] = [
    (Weekday::Mo, "mo"),
    (Weekday::Tu, "tu"),
    (Weekday::We, "we"),
    (Weekday::Th, "th"),
    (Weekday::Fr, "fr"),
    (Weekday::Sa, "sa"),
    (Weekday::Su, "su"),
];

type Interval = (chrono::NaiveTime, chrono::NaiveTime);

/// `09:00-12:00, 13:00-17:00` → intervals in order; `Err(code)` when unreadable.
fn parse_hours(text: &str) -> Result<Vec<Interval>, &'static str> {
    let mut intervals = Vec::new();
    for part in text
        .split([',', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let (a, b) = part.split_once(['-', '–']).ok_or("hours-format")?;
        let time = |t: &str| {
            let t = t.trim().replace('.', ":");
            chrono::NaiveTime::parse_from_str(&t, "%H:%M").map_err(|_| "hours-format")
        };
        let (opens, closes) = (time(a)?, time(b)?);
        if opens >= closes {
            return Err("hours-order");
        }
        intervals.push((opens, closes));
    }
    intervals.sort();
    if intervals.windows(2).any(|w| w[0].1 > w[1].0) {
        return Err("hours-overlap");
    }
    Ok(intervals)
}

fn format_hours(intervals: &[Interval]) -> String {
    intervals
        .iter()
        .map(|(a, b)| format!("{}-{}", a.format("%H:%M"), b.format("%H:%M")))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A problem with one field; `code` selects the message (`edit-error-{code}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditProblem {
    pub field: String,
    pub code: &'static str,
}

impl ServiceEdit {
    /// The form as it would show the stored service.
    pub fn from_service(s: &Service) -> Self {
        let mut texts = std::collections::BTreeMap::new();
        for field in TEXT_FIELDS {
            let text = text_of(s, field);
            for lang in Lang::ALL {
                texts.insert(
                    format!("{field}_{}", lang.code()),
                    text.and_then(|t| t.exact(lang)).unwrap_or("").to_string(),
                );
            }
        }
        let mut per_day: std::collections::BTreeMap<String, Vec<Interval>> = Default::default();
        for h in s
            .schedules
            .first()
            .map(|sc| sc.weekly.as_slice())
            .unwrap_or_default()
            .iter()
            .filter(|h| h.location_id.is_none())
        {
            for day in &h.days {
                if let Some((_, code)) = DAYS.iter().find(|(d, _)| d == day) {
                    per_day
                        .entry(code.to_string())
                        .or_default()
                        .push((h.opens_at, h.closes_at));
                }
            }
        }
        let hours = DAYS
            .iter()
            .map(|(_, code)| {
                let mut intervals = per_day.remove(*code).unwrap_or_default();
                intervals.sort();
                (code.to_string(), format_hours(&intervals))
            })
            .collect();
        ServiceEdit {
            hours,
            texts,
            url: s.url.clone().unwrap_or_default(),
            email: s.email.clone().unwrap_or_default(),
            phone: s
                .phones
                .first()
                .map(|p| p.number.clone())
                .unwrap_or_default(),
            languages: s.languages.join(", "),
            status: s.status.as_str().to_string(),
        }
    }

    pub fn text(&self, field: &str, lang: Lang) -> &str {
        self.texts
            .get(&format!("{field}_{}", lang.code()))
            .map(String::as_str)
            .unwrap_or("")
    }

    fn text_value(&self, field: &str) -> Text {
        let v = |lang| {
            let t = self.text(field, lang).trim();
            (!t.is_empty()).then(|| t.to_string())
        };
        let mut text = Text::default();
        for lang in Lang::ALL {
            if let Some(t) = v(lang) {
                text.set(lang, t);
            }
        }
        text
    }

    /// Checks every field and returns the edited service, or every problem.
    pub fn apply(
        &self,
        original: &Service,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Service, Vec<EditProblem>> {
        let mut problems = Vec::new();
        let mut problem = |field: String, code| problems.push(EditProblem { field, code });
        for field in TEXT_FIELDS {
            let max = match field {
                "name" => MAX_NAME,
                "description" => MAX_DESCRIPTION,
                _ => MAX_OTHER,
            };
            for lang in Lang::ALL {
                let value = self.text(field, lang);
                if value.chars().count() > max {
                    problem(format!("{field}_{}", lang.code()), "too-long");
                }
                if value
                    .chars()
                    .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
                {
                    problem(format!("{field}_{}", lang.code()), "control-characters");
                }
            }
        }
        for required in ["name", "description"] {
            if self.text(required, Lang::Nl).trim().is_empty() {
                problem(format!("{required}_nl"), "required-dutch");
            }
        }
        let url = self.url.trim();
        if !url.is_empty()
            && (!(url.starts_with("https://") || url.starts_with("http://"))
                || url.contains(char::is_whitespace)
                || url.len() > 500
                || url.len() < 12)
        {
            problem("url".into(), "url");
        }
        let email = self.email.trim();
        let parsed_email = Email::parse(email);
        if !email.is_empty() && parsed_email.is_none() {
            problem("email".into(), "email");
        }
        let phone = self.phone.trim();
        let international = crate::phone::international(phone);
        if !phone.is_empty() && international.is_none() {
            problem("phone".into(), "phone");
        }
        let languages: Vec<String> = self
            .languages
            .split([',', ' ', ';'])
            .map(|l| l.trim().to_lowercase())
            .filter(|l| !l.is_empty())
            .collect();
        if languages.len() > 40
            || languages
                .iter()
                .any(|l| l.len() != 2 || !l.bytes().all(|b| b.is_ascii_lowercase()))
        {
            problem("languages".into(), "languages");
        }
        let status = match self.status.as_str() {
            "active" => Some(ServiceStatus::Active),
            "inactive" => Some(ServiceStatus::Inactive),
            "temporarily closed" => Some(ServiceStatus::TemporarilyClosed),
            "defunct" => Some(ServiceStatus::Defunct),
            _ => None,
        };
        if status.is_none() {
            problem("status".into(), "status");
        }
        let mut weekly: Vec<OpeningHours> = Vec::new();
        for (day, code) in DAYS {
            let text = self.hours.get(code).map(String::as_str).unwrap_or("");
            match parse_hours(text) {
                Err(e) => problem(format!("hours_{code}"), e),
                Ok(intervals) => {
                    for (opens_at, closes_at) in intervals {
                        // Days with the same interval share one entry, as HSDS schedules do.
                        match weekly
                            .iter_mut()
                            .find(|h| h.opens_at == opens_at && h.closes_at == closes_at)
                        {
                            Some(h) => h.days.push(day),
                            None => weekly.push(OpeningHours {
                                days: vec![day],
                                opens_at,
                                closes_at,
                                location_id: None,
                            }),
                        }
                    }
                }
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut s = original.clone();
        s.name = self.text_value("name");
        s.description = self.text_value("description");
        let optional = |t: Text| (!t.is_blank()).then_some(t);
        s.eligibility = optional(self.text_value("eligibility"));
        s.application_process = optional(self.text_value("application_process"));
        s.fees = optional(self.text_value("fees"));
        s.url = (!url.is_empty()).then(|| url.to_string());
        s.email = parsed_email.map(|e| e.as_str().to_string());
        // The first number is the one the form edits; further numbers stay.
        match (international, s.phones.is_empty()) {
            (Some(number), true) => s.phones.push(crate::catalogue::Phone {
                number,
                r#type: None,
                description: Text::default(),
            }),
            (Some(number), false) => s.phones[0].number = number,
            (None, false) => {
                s.phones.remove(0);
            }
            (None, true) => {}
        }
        let mut unique = Vec::new();
        for l in languages {
            if !unique.contains(&l) {
                unique.push(l);
            }
        }
        s.languages = unique;
        s.status = status.unwrap_or_default();
        // Hours per location are kept; the general weekly hours are replaced.
        match s.schedules.first_mut() {
            Some(schedule) => {
                schedule.weekly.retain(|h| h.location_id.is_some());
                schedule.weekly.extend(weekly);
            }
            None if !weekly.is_empty() => s.schedules.push(Schedule {
                weekly,
                ..Schedule::default()
            }),
            None => {}
        }
        if s.schedules.len() == 1 && s.schedules[0].is_empty() {
            s.schedules.clear();
        }
        s.last_modified = now;
        Ok(s)
    }
}

fn text_of<'a>(s: &'a Service, field: &str) -> Option<&'a Text> {
    match field {
        "name" => Some(&s.name),
        "description" => Some(&s.description),
        "eligibility" => s.eligibility.as_ref(),
        "application_process" => s.application_process.as_ref(),
        "fees" => s.fees.as_ref(),
        _ => None,
    }
}

/// Fields whose value differs between two versions of a service (as stored JSON).
pub fn changed_fields(before: &serde_json::Value, after: &serde_json::Value) -> Vec<String> {
    let empty = serde_json::Map::new();
    let (a, b) = (
        before.as_object().unwrap_or(&empty),
        after.as_object().unwrap_or(&empty),
    );
    let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|k| k.as_str() != "last_modified" && a.get(*k) != b.get(*k))
        .map(|k| k.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn service() -> Service {
        crate::CatalogueDocument::parse(include_str!("../../../seed/limburg-catalogue.json"))
            .expect("seed")
            .services[0]
            .clone()
    }

    #[test]
    fn the_form_round_trips_a_stored_service() {
        let s = service();
        let now = s.last_modified;
        let edited = ServiceEdit::from_service(&s).apply(&s, now).expect("valid");
        assert_eq!(edited, s);
    }

    #[test]
    fn every_problem_is_named_by_field() {
        let s = service();
        let mut edit = ServiceEdit::from_service(&s);
        edit.texts.insert("name_nl".into(), " ".into());
        edit.texts
            .insert("description_de".into(), "x".repeat(MAX_DESCRIPTION + 1));
        edit.url = "javascript:alert(1)".into();
        edit.email = "not-an-address".into();
        edit.phone = "12".into();
        edit.languages = "nl, deu".into();
        edit.status = "open".into();
        let problems = edit.apply(&s, chrono::Utc::now()).expect_err("invalid");
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            fields,
            vec![
                "description_de",
                "name_nl",
                "url",
                "email",
                "phone",
                "languages",
                "status"
            ]
        );
    }

    #[test]
    fn a_phone_number_is_stored_in_international_form_and_can_be_removed() {
        let mut s = service();
        s.phones.clear();
        let mut edit = ServiceEdit::from_service(&s);
        edit.phone = "043-3504040".into();
        let edited = edit.apply(&s, chrono::Utc::now()).expect("valid");
        assert_eq!(edited.phones.len(), 1);
        assert_eq!(edited.phones[0].number, "+31 43 350 4040");
        let mut again = ServiceEdit::from_service(&edited);
        assert_eq!(again.phone, "+31 43 350 4040");
        again.phone = String::new();
        let removed = again.apply(&edited, chrono::Utc::now()).expect("valid");
        assert!(removed.phones.is_empty());
    }

    #[test]
    fn markup_is_kept_as_text() {
        let s = service();
        let mut edit = ServiceEdit::from_service(&s);
        edit.texts
            .insert("name_de".into(), "<script>alert('x')</script>".into());
        let edited = edit.apply(&s, chrono::Utc::now()).expect("valid");
        assert_eq!(
            edited.name.de.as_deref(),
            Some("<script>alert('x')</script>")
        );
    }

    #[test]
    fn opening_hours_are_read_per_day_and_grouped() {
        let s = service();
        let mut edit = ServiceEdit::from_service(&s);
        for day in ["mo", "tu", "we"] {
            edit.hours
                .insert(day.into(), "09:00-12:00, 13.00–17:00".into());
        }
        edit.hours.insert("fr".into(), "9:00-12:00".into());
        let edited = edit.apply(&s, chrono::Utc::now()).expect("valid");
        let weekly = &edited.schedules[0].weekly;
        assert_eq!(weekly.len(), 2, "{weekly:?}");
        assert_eq!(
            weekly[0].days,
            vec![Weekday::Mo, Weekday::Tu, Weekday::We, Weekday::Fr]
        );
        assert_eq!(weekly[1].days, vec![Weekday::Mo, Weekday::Tu, Weekday::We]);
        let again = ServiceEdit::from_service(&edited);
        assert_eq!(again.hours["mo"], "09:00-12:00, 13:00-17:00");
        assert_eq!(again.hours["fr"], "09:00-12:00");
        assert_eq!(again.hours["su"], "");
        let mut bad = again.clone();
        bad.hours.insert("sa".into(), "17:00-09:00".into());
        bad.hours.insert("su".into(), "morning".into());
        bad.hours
            .insert("th".into(), "09:00-13:00, 12:00-14:00".into());
        let problems = bad.apply(&edited, chrono::Utc::now()).expect_err("invalid");
        assert_eq!(
            problems
                .iter()
                .map(|p| (p.field.as_str(), p.code))
                .collect::<Vec<_>>(),
            vec![
                ("hours_th", "hours-overlap"),
                ("hours_sa", "hours-order"),
                ("hours_su", "hours-format")
            ]
        );
        let mut closed = again;
        for day in ["mo", "tu", "we", "fr"] {
            closed.hours.insert(day.into(), String::new());
        }
        assert!(
            closed
                .apply(&edited, chrono::Utc::now())
                .expect("valid")
                .schedules
                .is_empty()
        );
    }

    #[test]
    fn changes_are_listed_by_field() {
        let before = serde_json::json!({"name": {"nl": "a"}, "url": "x", "last_modified": "1"});
        let after = serde_json::json!({"name": {"nl": "b"}, "url": "x", "last_modified": "2", "email": "e"});
        assert_eq!(changed_fields(&before, &after), vec!["email", "name"]);
    }
}

/// A generic form: field name → value, as sent.
pub type Fields = std::collections::BTreeMap<String, String>;

fn field<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields.get(name).map(|v| v.trim()).unwrap_or("")
}

fn text_from(fields: &Fields, prefix: &str) -> Text {
    let v = |lang: Lang| {
        let t = field(fields, &format!("{prefix}_{}", lang.code()));
        (!t.is_empty()).then(|| t.to_string())
    };
    let mut text = Text::default();
    for lang in Lang::ALL {
        if let Some(t) = v(lang) {
            text.set(lang, t);
        }
    }
    text
}

fn text_into(fields: &mut Fields, prefix: &str, text: Option<&Text>) {
    for lang in Lang::ALL {
        fields.insert(
            format!("{prefix}_{}", lang.code()),
            text.and_then(|t| t.exact(lang)).unwrap_or("").to_string(),
        );
    }
}

fn check_texts(
    fields: &Fields,
    prefix: &str,
    max: usize,
    nl_required: bool,
    problems: &mut Vec<EditProblem>,
) {
    for lang in Lang::ALL {
        let name = format!("{prefix}_{}", lang.code());
        let value = field(fields, &name);
        if value.chars().count() > max {
            problems.push(EditProblem {
                field: name.clone(),
                code: "too-long",
            });
        }
        if value
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        {
            problems.push(EditProblem {
                field: name,
                code: "control-characters",
            });
        }
    }
    if nl_required && field(fields, &format!("{prefix}_nl")).is_empty() {
        problems.push(EditProblem {
            field: format!("{prefix}_nl"),
            code: "required-dutch",
        });
    }
}

fn check_url(url: &str, problems: &mut Vec<EditProblem>) {
    if !url.is_empty()
        && (!(url.starts_with("https://") || url.starts_with("http://"))
            || url.contains(char::is_whitespace)
            || url.len() > 500
            || url.len() < 12)
    {
        problems.push(EditProblem {
            field: "url".into(),
            code: "url",
        });
    }
}

/// The location form: names, descriptions and accessibility in four languages, address, website.
pub fn location_fields(l: &crate::catalogue::Location) -> Fields {
    let mut f = Fields::new();
    text_into(&mut f, "name", Some(&l.name));
    text_into(&mut f, "description", l.description.as_ref());
    text_into(&mut f, "accessibility", l.accessibility.as_ref());
    let a = l.address.as_ref();
    f.insert(
        "address_1".into(),
        a.map(|a| a.address_1.clone()).unwrap_or_default(),
    );
    f.insert(
        "postal_code".into(),
        a.map(|a| a.postal_code.clone()).unwrap_or_default(),
    );
    f.insert("city".into(), a.map(|a| a.city.clone()).unwrap_or_default());
    f.insert(
        "country".into(),
        a.map(|a| a.country.clone()).unwrap_or_default(),
    );
    f.insert("url".into(), l.url.clone().unwrap_or_default());
    f
}

pub fn apply_location(
    fields: &Fields,
    original: &crate::catalogue::Location,
) -> Result<crate::catalogue::Location, Vec<EditProblem>> {
    let mut problems = Vec::new();
    check_texts(fields, "name", MAX_NAME, true, &mut problems);
    check_texts(fields, "description", MAX_OTHER, false, &mut problems);
    check_texts(fields, "accessibility", MAX_OTHER, false, &mut problems);
    let (street, postcode, city, country) = (
        field(fields, "address_1"),
        field(fields, "postal_code"),
        field(fields, "city"),
        field(fields, "country").to_uppercase(),
    );
    let any_address = !(street.is_empty() && postcode.is_empty() && city.is_empty());
    // A postcode may wait for the organisation's confirmation; street and city may not.
    for (name, value, max, needed) in [
        ("address_1", street, 200, true),
        ("postal_code", postcode, 12, false),
        ("city", city, 100, true),
    ] {
        if any_address && needed && value.is_empty() {
            problems.push(EditProblem {
                field: name.into(),
                code: "required-with-address",
            });
        }
        if value.chars().count() > max {
            problems.push(EditProblem {
                field: name.into(),
                code: "too-long",
            });
        }
    }
    if any_address && !matches!(country.as_str(), "NL" | "DE" | "BE") {
        problems.push(EditProblem {
            field: "country".into(),
            code: "country",
        });
    }
    let url = field(fields, "url");
    check_url(url, &mut problems);
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut l = original.clone();
    l.name = text_from(fields, "name");
    let optional = |t: Text| (!t.is_blank()).then_some(t);
    l.description = optional(text_from(fields, "description"));
    l.accessibility = optional(text_from(fields, "accessibility"));
    l.address = any_address.then(|| crate::catalogue::Address {
        address_1: street.to_string(),
        city: city.to_string(),
        postal_code: postcode.to_string(),
        state_province: original
            .address
            .as_ref()
            .map(|a| a.state_province.clone())
            .unwrap_or_default(),
        country,
    });
    l.url = (!url.is_empty()).then(|| url.to_string());
    Ok(l)
}

/// The taxonomy term form: its name in four languages and the words people use for it.
pub fn term_fields(t: &crate::catalogue::TaxonomyTerm) -> Fields {
    let mut f = Fields::new();
    text_into(&mut f, "name", Some(&t.name));
    f.insert("keywords".into(), t.keywords.clone());
    f
}

pub fn apply_term(
    fields: &Fields,
    original: &crate::catalogue::TaxonomyTerm,
) -> Result<crate::catalogue::TaxonomyTerm, Vec<EditProblem>> {
    let mut problems = Vec::new();
    check_texts(fields, "name", MAX_NAME, true, &mut problems);
    let keywords = field(fields, "keywords");
    if keywords.chars().count() > MAX_OTHER {
        problems.push(EditProblem {
            field: "keywords".into(),
            code: "too-long",
        });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut t = original.clone();
    t.name = text_from(fields, "name");
    t.keywords = keywords.split_whitespace().collect::<Vec<_>>().join(" ");
    Ok(t)
}

#[cfg(test)]
mod record_tests {
    use super::*;

    fn doc() -> crate::CatalogueDocument {
        crate::CatalogueDocument::parse(include_str!("../../../seed/limburg-catalogue.json"))
            .expect("seed")
    }

    #[test]
    fn a_location_round_trips_and_every_problem_is_named() {
        let l = doc().locations[0].clone();
        let fields = location_fields(&l);
        assert_eq!(apply_location(&fields, &l).expect("valid"), l);
        let mut bad = fields.clone();
        bad.insert("name_nl".into(), String::new());
        bad.insert("address_1".into(), String::new());
        bad.insert("postal_code".into(), "6211 DW".into());
        bad.insert("city".into(), "Maastricht".into());
        bad.insert("country".into(), "FR".into());
        bad.insert("url".into(), "ftp://x".into());
        let problems = apply_location(&bad, &l).expect_err("invalid");
        assert_eq!(
            problems
                .iter()
                .map(|p| p.field.as_str())
                .collect::<Vec<_>>(),
            vec!["name_nl", "address_1", "country", "url"]
        );
    }

    #[test]
    fn a_term_keeps_its_code_and_tidies_keywords() {
        let t = doc().taxonomy_terms[0].clone();
        let mut fields = term_fields(&t);
        assert_eq!(apply_term(&fields, &t).expect("valid"), t);
        fields.insert("keywords".into(), "  Grenzgänger   frontalier ".into());
        fields.insert("name_de".into(), "<b>Grenze</b>".into());
        let edited = apply_term(&fields, &t).expect("valid");
        assert_eq!(
            (edited.code.as_str(), edited.keywords.as_str()),
            (t.code.as_str(), "Grenzgänger frontalier")
        );
        assert_eq!(edited.name.de.as_deref(), Some("<b>Grenze</b>"));
    }
}
