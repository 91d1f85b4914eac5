//! What the talent pages share: form limits, field messages, options for
//! places, EQF levels and languages, ESCO labels, and the notice page.

use crate::AppState;
use crate::pages::forms::Errors;
use crate::pages::view::{Layout, Opt, render};
use crate::present::Tr;
use askama::Template;
use axum::http::{StatusCode, Uri};
use axum::response::Response;
use loket_domain::referral::FieldProblem;
use loket_domain::talent::LanguageInput;
use loket_domain::talent::introduction::IntroStatus;
use loket_matching::{Cefr, Kind, LanguageLevel, Vocabulary};

pub(crate) const CANDIDATE_FORM: &str = "candidate-registration";
pub(crate) const EMPLOYER_FORM: &str = "employer-registration";
/// Public registrations per address and hour.
pub(crate) const REGISTRATIONS_PER_HOUR: i64 = 10;
/// A registration's body: the CV (5 MB) and the fields.
pub const MAX_REGISTRATION_BYTES: usize = 6 * 1024 * 1024;
pub(crate) const LANGUAGE_ROWS: usize = 4;

// ------------------------------------------------------------------ shared helpers

/// A field problem in the visitor's language: a message for the field and problem, else one
/// for the problem.
pub(crate) fn message(tr: &Tr, field: &str, problem: &str) -> String {
    let specific = format!("talent-error-{field}-{problem}");
    let text = tr.t(&specific);
    if text != specific && !text.is_empty() {
        text
    } else {
        tr.t(&format!("talent-error-{problem}"))
    }
}

pub(crate) fn errors_from(tr: &Tr, problems: &[FieldProblem]) -> Errors {
    let mut errors = Errors::default();
    for p in problems {
        let text = message(tr, p.field, p.problem);
        match field_label(p.field) {
            Some(key) => errors.add_labelled(p.field, tr.t(key), text),
            None => errors.add(p.field, text),
        }
    }
    errors
}

/// Says in a field's message which of its values ESCO does not know
/// ("Not found: administer medicaton."), instead of "one of these".
pub(crate) fn name_unknown(
    errors: &mut Errors,
    tr: &Tr,
    vocabulary: &Vocabulary,
    field: &str,
    kind: Kind,
    values: &[String],
) {
    if errors.get(field).is_none() {
        return;
    }
    let unknown: Vec<&str> = values
        .iter()
        .filter(|v| vocabulary.lookup(kind, v).is_err())
        .map(String::as_str)
        .collect();
    if !unknown.is_empty() {
        let sentence = tr.s("talent-error-not-found", &[("values", unknown.join(", "))]);
        errors.append(field, &sentence);
    }
}

/// The label a talent form shows for a field, so the summary names it
/// ("Name: Fill this in." rather than "Fill this in." seven times).
fn field_label(field: &str) -> Option<&'static str> {
    Some(match field {
        "name" => "candidate-name",
        "email" => "candidate-email",
        "phone" => "candidate-phone",
        "residence_country" => "candidate-residence",
        "municipality" => "candidate-municipality",
        "nationality" => "candidate-nationality",
        "age_band" => "candidate-age-band",
        "occupations" => "candidate-occupations",
        "skills" => "candidate-skills",
        "experience_years" => "candidate-experience",
        "eqf" => "candidate-eqf",
        "languages" => "candidate-languages",
        "max_commute_km" => "candidate-commute",
        "desired_salary" => "candidate-salary",
        "available_from" => "candidate-available",
        "cv" => "candidate-cv",
        "consent" => "candidate-consent-legend",
        "title" => "vacancy-title",
        "description" => "vacancy-description",
        "occupation" => "vacancy-occupation",
        "essential_skills" => "vacancy-essential-skills",
        "optional_skills" => "vacancy-optional-skills",
        "work_place" => "vacancy-work-place",
        "hours_per_week" => "vacancy-hours",
        "contract" => "vacancy-contract",
        "salary_min" => "vacancy-salary-min",
        "salary_max" => "vacancy-salary-max",
        "start" => "vacancy-start",
        "positions" => "vacancy-positions",
        _ => return None,
    })
}

pub(crate) fn municipality_options(
    state: &AppState,
    selected: &str,
    none: Option<String>,
) -> Vec<Opt> {
    let index = state.index();
    let mut list: Vec<(String, String, String)> = index
        .areas
        .municipalities()
        .map(|m| (m.country.clone(), m.name.clone(), m.code.clone()))
        .collect();
    // By country, then by name in collation order (Übach-Palenberg among the U's).
    let collation = loket_i18n::Collation::new("und");
    list.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| collation.compare(&a.1, &b.1)));
    none.map(|label| Opt {
        value: String::new(),
        label,
        selected: selected.is_empty(),
    })
    .into_iter()
    .chain(list.into_iter().map(|(country, name, code)| Opt {
        selected: code == selected,
        label: format!("{name} ({country})"),
        value: code,
    }))
    .collect()
}

pub(crate) fn eqf_options(tr: &Tr, selected: &str, none: bool) -> Vec<Opt> {
    let first = none.then(|| Opt {
        value: String::new(),
        label: tr.t("eqf-none"),
        selected: selected.is_empty(),
    });
    first
        .into_iter()
        .chain((1..=8).map(|n| Opt {
            value: n.to_string(),
            label: tr.t(&format!("eqf-{n}")),
            selected: selected == n.to_string(),
        }))
        .collect()
}

pub struct LangRow {
    pub index: usize,
    pub languages: Vec<Opt>,
    pub levels: Vec<Opt>,
}

pub(crate) fn language_rows(tr: &Tr, rows: &[LanguageInput]) -> Vec<LangRow> {
    (0..LANGUAGE_ROWS.max(rows.len()))
        .map(|index| {
            let row = rows.get(index).cloned().unwrap_or_default();
            LangRow {
                index,
                languages: crate::pages::referrals::new::language_options(tr, &row.language),
                levels: Cefr::ALL
                    .iter()
                    .map(|l| Opt {
                        value: l.code().into(),
                        label: l.code().into(),
                        selected: l.code() == row.level,
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The language rows as posted: `language_0`/`level_0` … pairs.
pub(crate) fn language_inputs(pairs: &[(String, String)]) -> Vec<LanguageInput> {
    (0..10)
        .map(|n| LanguageInput {
            language: one(pairs, &format!("language_{n}")),
            level: one(pairs, &format!("level_{n}")),
        })
        .filter(|l| !l.language.is_empty() || !l.level.is_empty())
        .collect()
}

pub(crate) fn one(pairs: &[(String, String)], key: &str) -> String {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.trim().to_string())
        .unwrap_or_default()
}

pub(crate) fn checked(pairs: &[(String, String)], key: &str) -> bool {
    pairs.iter().any(|(k, v)| k == key && !v.is_empty())
}

/// Concepts typed one per line, as URIs where the vocabulary knows the label.
pub(crate) fn resolve_lines(vocabulary: &Vocabulary, kind: Kind, text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| {
            vocabulary
                .resolve(kind, l)
                .and_then(|c| vocabulary.uri(c))
                .unwrap_or_else(|| l.to_string())
        })
        .collect()
}

/// URIs back as labels, one per line (unknown values as typed).
pub(crate) fn label_lines(vocabulary: &Vocabulary, kind: Kind, uris: &[String]) -> String {
    uris.iter()
        .map(|u| {
            vocabulary
                .lookup(kind, u)
                .ok()
                .and_then(|c| vocabulary.label(c))
                .map_or(u.clone(), str::to_string)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

pub(crate) fn labels(vocabulary: &Vocabulary, kind: Kind, uris: &[String]) -> Vec<String> {
    uris.iter()
        .filter_map(|u| {
            vocabulary
                .lookup(kind, u)
                .ok()
                .and_then(|c| vocabulary.label(c))
        })
        .map(str::to_string)
        .collect()
}

pub(crate) fn languages_text(tr: &Tr, languages: &[LanguageLevel]) -> String {
    languages
        .iter()
        .map(|l| format!("{} {}", tr.t(&format!("lang-name-{}", l.language)), l.level))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) fn salary_text(tr: &Tr, min: u32, max: u32) -> String {
    tr.s(
        "salary-range",
        &[("min", min.to_string()), ("max", max.to_string())],
    )
}

pub(crate) fn place_name(state: &AppState, code: &str) -> String {
    state
        .index()
        .areas
        .municipality(code)
        .map_or_else(|| code.to_string(), |m| m.name.clone())
}

pub(crate) fn status_text(tr: &Tr, status: IntroStatus) -> String {
    tr.t(&format!("introduction-status-{}", status.code()))
}

pub(crate) fn registration_throttled(key: &str, count: i64) -> bool {
    !key.is_empty() && count >= REGISTRATIONS_PER_HOUR
}

#[derive(Template)]
#[template(path = "talent/talent_notice.html")]
pub struct NoticePage {
    layout: Layout,
    message: String,
    links: Vec<(String, String)>,
}

pub(crate) fn notice(
    state: &AppState,
    tr: &Tr,
    uri: &Uri,
    title: String,
    message: String,
    links: Vec<(String, String)>,
) -> Response {
    let _ = state;
    render(
        StatusCode::OK,
        &NoticePage {
            layout: Layout::new(tr.clone(), title, "vacancies", uri.path(), uri.query()),
            message,
            links,
        },
    )
}
