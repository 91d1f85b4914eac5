//! Searching the catalogue with filters (`/diensten`): every bad parameter
//! named next to its field, results linkable.

use crate::AppState;
use crate::pages::view::Page;
use crate::pages::view::{Layout, Opt, OptGroup, render};
use crate::present::names::{Link, language_name, municipality_name};
use crate::present::{Tr, query_string};
use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use loket_domain::search::{CatalogueIndex, SearchQuery};
use loket_domain::{Service, TaxonomyKind};

/// The longest search text; a longer one is refused with a message.
const MAX_QUERY_CHARS: usize = 200;

pub(crate) const PER_PAGE: usize = 20;
// ---------------------------------------------------------------- search

pub struct ResultItem {
    pub href: String,
    pub name: String,
    pub name_lang: &'static str,
    pub organization: String,
    pub summary: String,
    pub summary_lang: &'static str,
    pub groups: Vec<String>,
    pub channels: Vec<String>,
    pub languages: Vec<String>,
}

pub struct Select {
    pub field: &'static str,
    pub label: String,
    pub options: Vec<Opt>,
}

pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

#[derive(Template)]
#[template(path = "public/search.html")]
pub struct SearchPage {
    layout: Layout,
    q: String,
    selects: Vec<Select>,
    areas: Vec<OptGroup>,
    errors: Vec<FieldError>,
    count: String,
    results: Vec<ResultItem>,
    page_of: String,
    prev: Option<String>,
    next: Option<String>,
    /// The query with unknown words corrected, as a link ("did you mean").
    did_you_mean: Option<Link>,
    /// With no results: the regional generalists, who help anyone onward.
    generalists: Vec<ResultItem>,
}

impl SearchPage {
    fn error_for(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }

    /// How many filters beside the search words are set (the folded filters
    /// open by themselves when any is, or when one has an error).
    fn filters_chosen(&self) -> usize {
        let selected = |opts: &[Opt]| opts.iter().filter(|o| o.selected).count();
        self.selects
            .iter()
            .map(|s| selected(&s.options))
            .sum::<usize>()
            + self
                .areas
                .iter()
                .map(|g| selected(&g.options))
                .sum::<usize>()
    }

    fn filters_open(&self) -> bool {
        self.filters_chosen() > 0 || self.errors.iter().any(|e| e.field != "q")
    }
}

/// The search form as the visitor sent it, trimmed but otherwise kept as typed,
/// so that it can be shown again with its errors.
#[derive(Default)]
pub(crate) struct SearchForm {
    q: String,
    /// The text sent was longer than [`MAX_QUERY_CHARS`] (only that much is kept).
    q_too_long: bool,
    topic: String,
    group: String,
    channel: String,
    language: String,
    area: String,
    page: String,
}

impl SearchForm {
    fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        let mut form = SearchForm::default();
        for (k, v) in pairs {
            let v = v.trim().to_string();
            match k.as_str() {
                // Only what the box holds is kept (and shown again with the error).
                "q" => {
                    form.q_too_long = v.chars().nth(MAX_QUERY_CHARS).is_some();
                    form.q = v.chars().take(MAX_QUERY_CHARS).collect();
                }
                "topic" => form.topic = v,
                "group" => form.group = v,
                "channel" => form.channel = v,
                "language" => form.language = v,
                "area" => form.area = v,
                "page" => form.page = v,
                _ => {}
            }
        }
        form
    }

    /// The query and page number; every invalid field gets its own message and
    /// is left out, so the rest of the form still works.
    fn check(&self, idx: &CatalogueIndex, tr: &Tr) -> (SearchQuery, usize, Vec<FieldError>) {
        let mut errors = Vec::new();
        let mut choice = |field: &'static str, value: &str, valid: bool| -> Option<String> {
            if value.is_empty() {
                return None;
            }
            if !valid {
                errors.push(FieldError {
                    field,
                    message: tr.t("error-unknown-choice"),
                });
                return None;
            }
            Some(value.to_string())
        };
        let mut query = SearchQuery {
            topic: choice(
                "topic",
                &self.topic,
                idx.term(TaxonomyKind::Topic, &self.topic).is_some(),
            ),
            target_group: choice(
                "group",
                &self.group,
                idx.term(TaxonomyKind::TargetGroup, &self.group).is_some(),
            ),
            channel: choice(
                "channel",
                &self.channel,
                idx.term(TaxonomyKind::Channel, &self.channel).is_some(),
            ),
            language: choice(
                "language",
                &self.language,
                idx.service_languages().contains(&self.language),
            ),
            area: choice("area", &self.area, idx.areas.is_known(&self.area)),
            active_only: true,
            ..SearchQuery::default()
        };
        if self.q_too_long {
            errors.push(FieldError {
                field: "q",
                message: tr.t("error-text-too-long"),
            });
        } else if !self.q.is_empty() {
            query.text = Some(self.q.clone());
        }
        let page = match self.page.parse::<usize>() {
            _ if self.page.is_empty() => 1,
            Ok(n) if (1..=10_000).contains(&n) => n,
            _ => {
                errors.push(FieldError {
                    field: "page",
                    message: tr.t("error-page"),
                });
                1
            }
        };
        (query, page, errors)
    }

    /// The link to another page of the same search.
    fn href(&self, page: usize) -> String {
        self.href_with(&self.q, page)
    }

    fn href_with(&self, q: &str, page: usize) -> String {
        let page = page.to_string();
        let pairs = [
            ("q", q),
            ("topic", &self.topic),
            ("group", &self.group),
            ("area", &self.area),
            ("language", &self.language),
            ("channel", &self.channel),
            ("page", &page),
        ];
        format!("/diensten?{}", query_string(&pairs))
    }
}

/// The filter selects, with the visitor's choices selected, sorted by label.
pub(crate) fn filter_controls(
    idx: &CatalogueIndex,
    tr: &Tr,
    form: &SearchForm,
) -> (Vec<Select>, Vec<OptGroup>) {
    let lang = tr.lang;
    let sorted = |mut v: Vec<Opt>| {
        tr.sort_by_key(&mut v, |o| &o.label);
        v
    };
    let terms = |kind: TaxonomyKind, selected: &str| {
        sorted(
            idx.terms_of(kind)
                .map(|t| Opt {
                    value: t.code.clone(),
                    label: t.name.get(lang).to_string(),
                    selected: t.code == selected,
                })
                .collect(),
        )
    };
    let languages = idx
        .service_languages()
        .into_iter()
        .map(|code| Opt {
            label: language_name(tr, &code),
            selected: code == form.language,
            value: code,
        })
        .collect();
    let selects = vec![
        Select {
            field: "topic",
            label: tr.t("filter-topic"),
            options: terms(TaxonomyKind::Topic, &form.topic),
        },
        Select {
            field: "group",
            label: tr.t("filter-group"),
            options: terms(TaxonomyKind::TargetGroup, &form.group),
        },
        Select {
            field: "channel",
            label: tr.t("filter-channel"),
            options: terms(TaxonomyKind::Channel, &form.channel),
        },
        Select {
            field: "language",
            label: tr.t("filter-language"),
            options: sorted(languages),
        },
    ];
    let regions = idx.areas.regions().map(|r| Opt {
        value: r.code.clone(),
        label: r.name.get(lang).to_string(),
        selected: r.code == form.area,
    });
    let municipalities = idx.areas.municipalities().map(|m| Opt {
        value: m.code.clone(),
        label: municipality_name(m, lang),
        selected: m.code == form.area,
    });
    let areas = vec![
        OptGroup {
            label: tr.t("filter-regions"),
            options: sorted(regions.collect()),
        },
        OptGroup {
            label: tr.t("filter-municipalities"),
            options: sorted(municipalities.collect()),
        },
    ];
    (selects, areas)
}

pub async fn search(
    State(state): State<AppState>,
    ui: Page,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let idx = state.index();
    let form = SearchForm::from_pairs(query.map(|Query(q)| q).unwrap_or_default());
    let (query, page, errors) = form.check(&idx, &tr);

    let hits = idx.search(&query, lang);
    let pages = hits.len().div_ceil(PER_PAGE).max(1);
    let page = page.min(pages);
    let results = hits
        .iter()
        .skip((page - 1) * PER_PAGE)
        .take(PER_PAGE)
        .map(|s| result_item(&idx, &tr, s))
        .collect();
    let (selects, areas) = filter_controls(&idx, &tr, &form);

    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    let view = SearchPage {
        layout: Layout::new(
            tr.clone(),
            tr.t("search-title"),
            "services",
            uri.path(),
            uri.query(),
        ),
        q: form.q.clone(),
        selects,
        areas,
        errors,
        count: tr.n("search-count", "count", hits.len()),
        results,
        page_of: tr.s(
            "page-of",
            &[("page", page.to_string()), ("pages", pages.to_string())],
        ),
        prev: (page > 1).then(|| form.href(page - 1)),
        next: (page < pages).then(|| form.href(page + 1)),
        did_you_mean: query
            .text
            .as_deref()
            .and_then(|t| idx.did_you_mean(t))
            .map(|better| Link {
                href: form.href_with(&better, 1),
                label: better,
            }),
        generalists: if hits.is_empty() {
            idx.services()
                .iter()
                .filter(|s| s.generalist && s.status == loket_domain::ServiceStatus::Active)
                .map(|s| result_item(&idx, &tr, s))
                .collect()
        } else {
            Vec::new()
        },
    };
    render(status, &view)
}

pub(crate) fn result_item(idx: &CatalogueIndex, tr: &Tr, s: &Service) -> ResultItem {
    let lang = tr.lang;
    ResultItem {
        href: format!("/diensten/{}", s.id),
        name: s.name.get(lang).to_string(),
        name_lang: s.name.resolved_lang(lang).code(),
        organization: idx
            .organization(&s.organization_id)
            .map(|o| o.name.clone())
            .unwrap_or_default(),
        summary: s.description.get(lang).to_string(),
        summary_lang: s.description.resolved_lang(lang).code(),
        groups: crate::present::names::group_list(idx, tr, s),
        channels: crate::present::names::channel_list(idx, tr, s),
        languages: crate::present::names::language_list(tr, s),
    }
}
