use super::view::{Layout, Opt, OptGroup, Tr, query_string, render};
use crate::AppState;
use crate::lang::UiLang;
use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use loket_domain::search::{CatalogueIndex, SearchQuery};
use loket_domain::{Lang, Service, ServiceLine, ServiceStatus, TaxonomyKind};

const PER_PAGE: usize = 20;

pub(crate) fn tr(state: &AppState, lang: Lang) -> Tr {
    Tr::new(state.i18n.clone(), lang)
}

pub(super) fn term_name(
    idx: &CatalogueIndex,
    kind: TaxonomyKind,
    code: &str,
    lang: Lang,
) -> String {
    idx.term(kind, code)
        .map(|t| t.name.get(lang).to_string())
        .unwrap_or_else(|| code.to_string())
}

pub(super) fn area_name(idx: &CatalogueIndex, code: &str, lang: Lang) -> String {
    if let Some(r) = idx.areas.region(code) {
        return r.name.get(lang).to_string();
    }
    idx.areas
        .municipality(code)
        .map(|m| municipality_name(m, lang))
        .unwrap_or_else(|| code.to_string())
}

pub(super) fn municipality_name(m: &loket_domain::area::Municipality, lang: Lang) -> String {
    m.names.exact(lang).unwrap_or(&m.name).to_string()
}

/// The service's channels, in words, comma-separated.
pub(super) fn channel_names(idx: &CatalogueIndex, tr: &Tr, s: &Service) -> String {
    s.channels
        .iter()
        .map(|c| term_name(idx, TaxonomyKind::Channel, c, tr.lang))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The languages the service is given in, in words, comma-separated.
pub(super) fn language_names(tr: &Tr, s: &Service) -> String {
    s.languages
        .iter()
        .map(|c| language_name(tr, c))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn language_name(tr: &Tr, code: &str) -> String {
    let key = format!("language-{code}");
    let name = tr.t(&key);
    if name == key { code.to_string() } else { name }
}

pub struct Link {
    pub href: String,
    pub label: String,
}

// ---------------------------------------------------------------- home

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    layout: Layout,
    stats: String,
    groups: Vec<Link>,
    topics: Vec<Link>,
    regions: Vec<Link>,
}

pub async fn home(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
) -> Response {
    let idx = state.index();
    let tr = tr(&state, lang);
    let link = |param: &str, code: &str, label: String| Link {
        href: format!("/diensten?{}", query_string(&[(param, code)])),
        label,
    };
    let mut topics: Vec<Link> = idx
        .terms_of(TaxonomyKind::Topic)
        .map(|t| link("topic", &t.code, t.name.get(lang).to_string()))
        .collect();
    topics.sort_by(|a, b| a.label.cmp(&b.label));
    let groups = idx
        .terms_of(TaxonomyKind::TargetGroup)
        .map(|t| link("group", &t.code, t.name.get(lang).to_string()))
        .collect();
    let mut regions: Vec<Link> = idx
        .areas
        .regions()
        .filter(|r| r.kind != "country")
        .map(|r| link("area", &r.code, r.name.get(lang).to_string()))
        .collect();
    regions.sort_by(|a, b| a.label.cmp(&b.label));
    let stats = tr.s(
        "home-stats",
        &[
            ("services", idx.services.len().to_string()),
            ("organizations", idx.organization_count().to_string()),
        ],
    );
    let layout = Layout::new(
        tr.clone(),
        tr.t("home-title"),
        "home",
        uri.path(),
        uri.query(),
    );
    render(
        StatusCode::OK,
        &HomePage {
            layout,
            stats,
            groups,
            topics,
            regions,
        },
    )
}

// ---------------------------------------------------------------- search

pub struct ResultItem {
    pub href: String,
    pub name: String,
    pub name_lang: &'static str,
    pub organization: String,
    pub summary: String,
    pub summary_lang: &'static str,
    pub channels: String,
    pub languages: String,
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
#[template(path = "search.html")]
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
}

impl SearchPage {
    fn error_for(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }
}

/// The search form as the visitor sent it, trimmed but otherwise kept as typed,
/// so that it can be shown again with its errors.
#[derive(Default)]
struct SearchForm {
    q: String,
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
                "q" => form.q = v,
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
        if self.q.chars().count() > 200 {
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
        let page = page.to_string();
        let pairs = [
            ("q", self.q.as_str()),
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
fn filter_controls(
    idx: &CatalogueIndex,
    tr: &Tr,
    form: &SearchForm,
) -> (Vec<Select>, Vec<OptGroup>) {
    let lang = tr.lang;
    let sorted = |mut v: Vec<Opt>| {
        v.sort_by(|a, b| a.label.cmp(&b.label));
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
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Response {
    let idx = state.index();
    let tr = tr(&state, lang);
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
    };
    render(status, &view)
}

fn result_item(idx: &CatalogueIndex, tr: &Tr, s: &Service) -> ResultItem {
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
        channels: channel_names(idx, tr, s),
        languages: language_names(tr, s),
    }
}

// ---------------------------------------------------------------- service

pub struct LocationView {
    pub name: String,
    pub place: String,
    pub url: Option<String>,
    pub address: Option<String>,
    pub unconfirmed: bool,
}

pub struct HoursView {
    pub days: String,
    pub hours: String,
}

#[derive(Template)]
#[template(path = "service.html")]
pub struct ServicePage {
    layout: Layout,
    intake_href: String,
    name_lang: &'static str,
    organization: Link,
    description: String,
    description_lang: &'static str,
    status_notice: Option<String>,
    second_line: bool,
    groups: Vec<String>,
    topics: Vec<String>,
    eligibility: Option<String>,
    age: Option<String>,
    channels: Vec<String>,
    locations: Vec<LocationView>,
    website: Option<String>,
    email: Option<String>,
    phones: Vec<String>,
    languages: Vec<String>,
    areas: Vec<String>,
    fees: Option<String>,
    application: Option<String>,
    hours: Vec<HoursView>,
    /// "Open now, until …" or "Open again on …".
    open_state: String,
    exceptions: Vec<HoursView>,
    assured: String,
    modified: String,
}

pub(super) fn location_view(idx: &CatalogueIndex, tr: &Tr, id: &str) -> Option<LocationView> {
    let l = idx.location(id)?;
    let place = l
        .municipality
        .as_deref()
        .map(|m| area_name(idx, m, tr.lang))
        .unwrap_or_default();
    Some(LocationView {
        name: l.name.get(tr.lang).to_string(),
        place,
        url: l.url.clone(),
        address: l
            .address
            .as_ref()
            .map(|a| format!("{}, {} {}", a.address_1, a.postal_code, a.city)),
        unconfirmed: l.address.is_none() && l.location_type != loket_domain::LocationType::Virtual,
    })
}

pub async fn service(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    Path(id): Path<String>,
) -> Response {
    let idx = state.index();
    let tr = tr(&state, lang);
    let Some(s) = idx.service(&id) else {
        return not_found_page(&state, lang, &uri);
    };
    let org = idx.organization(&s.organization_id);
    let text = |t: &Option<loket_domain::Text>| {
        t.as_ref()
            .map(|t| t.get(lang).to_string())
            .filter(|t| !t.is_empty())
    };
    let status_notice = match s.status {
        ServiceStatus::Active => None,
        ServiceStatus::Inactive => Some(tr.t("service-status-inactive")),
        ServiceStatus::Defunct => Some(tr.t("service-status-defunct")),
        ServiceStatus::TemporarilyClosed => Some(tr.t("service-status-temporarily-closed")),
    };
    let age = match (s.minimum_age, s.maximum_age) {
        (Some(min), Some(max)) => Some(tr.s(
            "service-age",
            &[("min", min.to_string()), ("max", max.to_string())],
        )),
        (Some(min), None) => Some(tr.s("service-age-min", &[("min", min.to_string())])),
        (None, Some(max)) => Some(tr.s(
            "service-age",
            &[("min", "0".into()), ("max", max.to_string())],
        )),
        (None, None) => None,
    };
    let day = |d: &loket_domain::Weekday| tr.t(&format!("weekday-{}", d.as_str().to_lowercase()));
    let hours = s
        .schedules
        .iter()
        .flat_map(|sc| &sc.weekly)
        .map(|h| HoursView {
            days: h.days.iter().map(day).collect::<Vec<_>>().join(", "),
            hours: format!(
                "{} – {}",
                h.opens_at.format("%H:%M"),
                h.closes_at.format("%H:%M")
            ),
        })
        .collect();
    let exceptions = s
        .schedules
        .iter()
        .flat_map(|sc| &sc.exceptions)
        .map(|x| HoursView {
            days: format!("{} {}", x.date.format("%d-%m-%Y"), x.description.get(lang)),
            hours: match (x.opens_at, x.closes_at) {
                (Some(o), Some(c)) => format!("{} – {}", o.format("%H:%M"), c.format("%H:%M")),
                _ => tr.t("service-closed"),
            },
        })
        .collect();
    let name = s.name.get(lang).to_string();
    let layout = Layout::new(tr.clone(), name, "services", uri.path(), uri.query());
    let page = ServicePage {
        intake_href: format!("/diensten/{}/terugbellen?lang={}", s.id, lang.code()),
        name_lang: s.name.resolved_lang(lang).code(),
        organization: Link {
            href: format!("/organisaties/{}", s.organization_id),
            label: org.map(|o| o.name.clone()).unwrap_or_default(),
        },
        description: s.description.get(lang).to_string(),
        description_lang: s.description.resolved_lang(lang).code(),
        status_notice,
        second_line: s.line == ServiceLine::Second,
        groups: s
            .target_groups
            .iter()
            .map(|c| term_name(&idx, TaxonomyKind::TargetGroup, c, lang))
            .collect(),
        topics: s
            .topics
            .iter()
            .map(|c| term_name(&idx, TaxonomyKind::Topic, c, lang))
            .collect(),
        eligibility: text(&s.eligibility),
        age,
        channels: s
            .channels
            .iter()
            .map(|c| term_name(&idx, TaxonomyKind::Channel, c, lang))
            .collect(),
        locations: s
            .locations
            .iter()
            .filter_map(|l| location_view(&idx, &tr, l))
            .collect(),
        website: s
            .url
            .clone()
            .or_else(|| org.and_then(|o| o.website.clone())),
        email: s.email.clone(),
        phones: s.phones.iter().map(|p| p.number.clone()).collect(),
        languages: s.languages.iter().map(|c| language_name(&tr, c)).collect(),
        areas: s
            .service_areas
            .iter()
            .map(|a| area_name(&idx, a, lang))
            .collect(),
        fees: text(&s.fees),
        application: text(&s.application_process),
        open_state: super::hours::opening_text(&tr, &s.schedules, chrono::Utc::now()),
        hours,
        exceptions,
        assured: match s.assured_date {
            Some(d) => tr.s(
                "service-assured",
                &[("date", d.format("%d-%m-%Y").to_string())],
            ),
            None => tr.t("service-not-assured"),
        },
        modified: tr.s(
            "service-modified",
            &[("date", s.last_modified.format("%d-%m-%Y").to_string())],
        ),
        layout,
    };
    render(StatusCode::OK, &page)
}

// ---------------------------------------------------------------- organisations

pub struct OrgItem {
    pub href: String,
    pub name: String,
    pub summary: String,
    pub services: String,
}

#[derive(Template)]
#[template(path = "organizations.html")]
pub struct OrganizationsPage {
    layout: Layout,
    organizations: Vec<OrgItem>,
}

pub async fn organizations(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
) -> Response {
    let idx = state.index();
    let tr = tr(&state, lang);
    let mut organizations: Vec<OrgItem> = idx
        .organizations
        .iter()
        .map(|o| OrgItem {
            href: format!("/organisaties/{}", o.id),
            name: o.name.clone(),
            summary: o.description.get(lang).to_string(),
            services: tr.n(
                "orgs-service-count",
                "count",
                idx.services_of(&o.id).count(),
            ),
        })
        .collect();
    organizations.sort_by_key(|a| a.name.to_lowercase());
    let layout = Layout::new(
        tr.clone(),
        tr.t("orgs-title"),
        "organizations",
        uri.path(),
        uri.query(),
    );
    render(
        StatusCode::OK,
        &OrganizationsPage {
            layout,
            organizations,
        },
    )
}

#[derive(Template)]
#[template(path = "organization.html")]
pub struct OrganizationPage {
    layout: Layout,
    alternate_name: Option<String>,
    description: String,
    description_lang: &'static str,
    website: Option<String>,
    identifiers: Vec<String>,
    services: Vec<ResultItem>,
    locations: Vec<LocationView>,
}

pub async fn organization(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    Path(id): Path<String>,
) -> Response {
    let idx = state.index();
    let tr = tr(&state, lang);
    let Some(o) = idx.organization(&id) else {
        return not_found_page(&state, lang, &uri);
    };
    let mut services: Vec<&Service> = idx.services_of(&o.id).collect();
    services.sort_by(|a, b| a.name.get(lang).cmp(b.name.get(lang)));
    let locations = idx
        .locations
        .iter()
        .filter(|l| l.organization_id == o.id)
        .filter_map(|l| location_view(&idx, &tr, &l.id))
        .collect();
    let layout = Layout::new(
        tr.clone(),
        o.name.clone(),
        "organizations",
        uri.path(),
        uri.query(),
    );
    let page = OrganizationPage {
        alternate_name: o.alternate_name.clone(),
        description: o.description.get(lang).to_string(),
        description_lang: o.description.resolved_lang(lang).code(),
        website: o.website.clone(),
        identifiers: o
            .identifiers
            .iter()
            .map(|i| format!("{}: {}", i.identifier_type, i.identifier))
            .collect(),
        services: services
            .into_iter()
            .map(|s| result_item(&idx, &tr, s))
            .collect(),
        locations,
        layout,
    };
    render(StatusCode::OK, &page)
}

// ---------------------------------------------------------------- static pages

#[derive(Template)]
#[template(path = "accessibility.html")]
pub struct AccessibilityPage {
    layout: Layout,
}

pub async fn accessibility(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
) -> Response {
    let tr = tr(&state, lang);
    let layout = Layout::new(
        tr.clone(),
        tr.t("a11y-title"),
        "accessibility",
        uri.path(),
        uri.query(),
    );
    render(StatusCode::OK, &AccessibilityPage { layout })
}

#[derive(Template)]
#[template(path = "not_found.html")]
pub struct NotFoundPage {
    layout: Layout,
}

pub(crate) fn not_found_page(state: &AppState, lang: Lang, uri: &axum::http::Uri) -> Response {
    let tr = tr(state, lang);
    let layout = Layout::new(
        tr.clone(),
        tr.t("notfound-title"),
        "",
        uri.path(),
        uri.query(),
    );
    render(StatusCode::NOT_FOUND, &NotFoundPage { layout })
}

#[derive(Template)]
#[template(path = "forbidden.html")]
pub struct ForbiddenPage {
    layout: Layout,
    signed_in_as: Option<String>,
}

/// "You may not do this": a page in the visitor's language, status 403.
pub(crate) fn forbidden_page(
    state: &AppState,
    lang: Lang,
    uri: &axum::http::Uri,
    viewer: Option<&crate::session::Viewer>,
) -> Response {
    let tr = tr(state, lang);
    let layout = Layout::new(
        tr.clone(),
        tr.t("forbidden-title"),
        "",
        uri.path(),
        uri.query(),
    );
    let signed_in_as = viewer.map(|v| {
        tr.s(
            "forbidden-signed-in-as",
            &[("email", v.account.email.as_str().to_string())],
        )
    });
    render(
        StatusCode::FORBIDDEN,
        &ForbiddenPage {
            layout,
            signed_in_as,
        },
    )
}

/// Unknown paths: a problem+json under `/api/`, a page elsewhere.
pub async fn not_found(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
) -> Response {
    if uri.path().starts_with("/api/") {
        return axum::response::IntoResponse::into_response(crate::problem::Problem::no_route(
            uri.path(),
        ));
    }
    not_found_page(&state, lang, &uri)
}
