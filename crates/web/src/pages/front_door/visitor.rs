//! The digital front door in the browser: one question a page, answers carried
//! in the link (no cookies, no personal data), then the routed result.

use crate::AppState;
use crate::pages::view::Page;
use crate::pages::view::{Layout, Opt, OptGroup, render};
use crate::present::names::{area_name, channel_names, language_names};
use crate::present::reasons::explain;
use crate::present::tr;
use crate::present::{Tr, query_string_keep_empty};
use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use loket_app::front_door::insight;
use loket_app::limits;
use loket_domain::Lang;
use loket_domain::TaxonomyKind;
use loket_domain::search::CatalogueIndex;
use loket_routing::flow::{Question, QuestionKind};
use loket_routing::{AnswerError, AnswerProblem, Answers, RawAnswers, Reason, route_in};

/// Which front door a visitor stands at: the deployment's own (`/voordeur`), or a
/// labour-market region's (`/regio/{code}/voordeur`, or the region's own host name).
#[derive(Debug, Clone)]
pub(crate) struct Door {
    /// The region's code; `None` at the deployment's own front door.
    pub region: Option<String>,
    /// The front door's address, e.g. `/regio/midden-limburg/voordeur`.
    pub base: String,
}

impl Door {
    pub(crate) fn deployment() -> Door {
        Door {
            region: None,
            base: "/voordeur".into(),
        }
    }

    /// The door a request's host name leads to: a live region's own host, else the deployment's.
    fn for_host(idx: &CatalogueIndex, headers: &axum::http::HeaderMap) -> Door {
        headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .and_then(|host| idx.regions.by_host(host))
            .filter(|r| r.is_live())
            .map_or_else(Door::deployment, |r| Door::of_region(&r.code))
    }

    pub(crate) fn of_region(code: &str) -> Door {
        Door {
            region: Some(code.to_string()),
            base: format!("/regio/{code}/voordeur"),
        }
    }

    fn code(&self) -> Option<&str> {
        self.region.as_deref()
    }

    /// The region record, from the index the request reads.
    fn region<'i>(
        &self,
        idx: &'i CatalogueIndex,
    ) -> Option<&'i loket_domain::region::LabourMarketRegion> {
        self.code().and_then(|c| idx.regions.get(c))
    }

    /// The page frame in this door's look: a region's pages carry its name and colour.
    fn layout(&self, idx: &CatalogueIndex, layout: Layout) -> Layout {
        match self.region(idx) {
            Some(r) => layout.in_region(r),
            None => layout,
        }
    }
}

/// How many routed services the result page shows.
const SHOWN: usize = 5;

pub struct ChoiceView {
    pub id: String,
    pub value: String,
    pub label: String,
    pub example: Option<String>,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "front_door/front_door_question.html")]
pub struct QuestionPage {
    layout: Layout,
    /// The front door's address (the form's action and "start again").
    base: String,
    step: String,
    id: String,
    kind: &'static str,
    text: String,
    hint: Option<String>,
    choices: Vec<ChoiceView>,
    optional: bool,
    places: Vec<OptGroup>,
    postcode: String,
    hidden: Vec<(String, String)>,
    error: Option<String>,
    notice: Option<String>,
    back: Option<String>,
}

pub struct ResultView {
    pub href: String,
    pub name: String,
    pub name_lang: &'static str,
    pub organization: String,
    pub reasons: Vec<String>,
    pub channels: String,
    pub languages: String,
    pub reach: crate::present::reach::ReachView,
    pub callback_href: String,
    pub bring: Option<String>,
    pub hours: String,
}

#[derive(Template)]
#[template(path = "front_door/front_door_result.html")]
pub struct ResultPage {
    layout: Layout,
    base: String,
    /// The visitor's place lies in another region: that region's front door, answers kept.
    handover: Option<Handover>,
    fell_back: bool,
    /// The visitor wished a channel none of the results offers: said, not hidden.
    channel_notice: Option<String>,
    results: Vec<ResultView>,
    summary: Vec<(String, String)>,
    share: String,
    /// The answers and the front door (a region's code, or empty), for the feedback form.
    answers: String,
    door: String,
    token: String,
    /// For cross-border workers: the explainer, with where they live and work filled in.
    explainer: Option<String>,
    /// The next events for who the visitor is, in their region.
    events: Vec<crate::pages::events::words::DateLine>,
}

/// The cross-border explainer for a visitor who lives and works in two
/// countries (or says they work across the border), its first answers given.
fn explainer_link(
    idx: &CatalogueIndex,
    lang: loket_domain::Lang,
    a: &loket_routing::Answers,
) -> Option<String> {
    use loket_routing::answers::Place;
    let country = |p: &Option<Place>| {
        match p {
            Some(Place::Municipality(code)) => {
                idx.areas.municipality(code).map(|m| m.country.clone())
            }
            Some(Place::Country(c)) => Some(c.clone()),
            _ => None,
        }
        .filter(|c| ["NL", "DE", "BE"].contains(&c.as_str()))
    };
    let (live, work) = (country(&a.live), country(&a.work));
    let across = matches!((&live, &work), (Some(l), Some(w)) if l != w);
    if a.who != "cross-border-worker" && !across {
        return None;
    }
    let mut pairs: Vec<(&str, String)> = Vec::new();
    if let Some(l) = live {
        pairs.push(("residence", l));
    }
    if let Some(w) = work {
        pairs.push(("work", w));
    }
    pairs.push(("lang", lang.code().to_string()));
    let refs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    Some(format!(
        "/grensverkenner?{}",
        crate::present::query_string(&refs)
    ))
}

/// The next events for the visitor: of the door's region, or of the region
/// they live in.
async fn visitor_events(
    state: &AppState,
    tr: &Tr,
    door: &Door,
    a: &loket_routing::Answers,
) -> Vec<crate::pages::events::words::DateLine> {
    let idx = state.index();
    let lived = match &a.live {
        Some(loket_routing::answers::Place::Municipality(code)) => idx
            .regions
            .region_of(&idx.areas, code)
            .map(|r| r.code.clone()),
        _ => None,
    };
    let region = door.code().map(str::to_string).or(lived);
    crate::pages::events::words::for_visitor(state, tr, &a.who, region.as_deref(), 3).await
}

fn answer_pairs(
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Vec<(String, String)> {
    query
        .map(|Query(q)| q)
        .unwrap_or_default()
        .into_iter()
        .filter(|(k, _)| k != "lang" && k != REASK)
        .collect()
}

/// The parameter of "previous question": the question to ask again, with its answer kept.
const REASK: &str = "opnieuw";

fn reask(query: &Result<Query<Vec<(String, String)>>, QueryRejection>) -> Option<String> {
    query
        .as_ref()
        .ok()?
        .0
        .iter()
        .find(|(k, _)| k == REASK)
        .map(|(_, v)| v.clone())
}

/// Another region's front door for a visitor whose place lies there.
pub struct Handover {
    pub text: String,
    pub link: String,
    pub href: String,
}

/// The answers as a query string, keeping skipped optional questions (`key=`).
fn encode(raw: &RawAnswers, lang: Lang) -> String {
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    for (k, values) in &raw.values {
        if values.is_empty() {
            pairs.push((k, ""));
        }
        for v in values {
            pairs.push((k, v));
        }
    }
    let mut q = query_string_keep_empty(&pairs);
    if !q.is_empty() {
        q.push('&');
    }
    q.push_str(&format!("lang={}", lang.code()));
    q
}

/// `GET /voordeur`: the next question, or on to the result when all are answered.
pub async fn question(
    State(state): State<AppState>,
    ui: Page,
    headers: axum::http::HeaderMap,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Response {
    let door = Door::for_host(&state.index(), &headers);
    question_at(&state, ui, query, &door)
}

/// The next question at `door`.
pub(crate) fn question_at(
    state: &AppState,
    ui: Page,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
    door: &Door,
) -> Response {
    let Page { lang, uri, .. } = ui;
    let again = reask(&query);
    let raw = RawAnswers::from_pairs(answer_pairs(query));
    step(state, door, lang, &uri, raw, again.as_deref())
}

/// Shows the question that needs an answer (with its error, if the answer given
/// was wrong), or redirects to the result.
fn step(
    state: &AppState,
    door: &Door,
    lang: Lang,
    uri: &axum::http::Uri,
    mut raw: RawAnswers,
    again: Option<&str>,
) -> Response {
    let idx = state.index();
    let flow = state.flow_of(door.code());
    let flow = flow.as_ref();
    let mut problems = raw.resolve_postcodes(flow, &idx.areas);
    problems.extend(raw.problems(flow, &idx.areas));
    // Answers that cannot be right are dropped; the first question at fault is asked again.
    let mut notice = false;
    let mut at_fault: Option<AnswerError> = None;
    for p in problems {
        match p.problem {
            AnswerProblem::UnknownQuestion | AnswerProblem::NotAsked => notice = true,
            _ if at_fault.is_none() => at_fault = Some(p.clone()),
            _ => {}
        }
        raw.values.remove(&p.question);
    }
    let tr = tr(state, lang);
    let question = match (&at_fault, again.and_then(|id| flow.question(id))) {
        (Some(e), _) => flow.question(&e.question),
        // "Previous question": asked again with the visitor's answer still chosen.
        (None, Some(q)) if raw.values.contains_key(&q.id) => Some(q),
        (None, _) => raw.next_question(flow),
    };
    let Some(question) = question else {
        let location = format!("{}/resultaat?{}", door.base, encode(&raw, lang));
        return (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response();
    };
    let status = if at_fault.is_some() || notice {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let page = question_page(
        state,
        door,
        &idx,
        &tr,
        uri,
        &raw,
        question,
        at_fault.map(|e| tr.t(&format!("answer-error-{}", e.problem.code()))),
        notice,
    );
    render(status, &page)
}

#[allow(clippy::too_many_arguments)]
fn question_page(
    state: &AppState,
    door: &Door,
    idx: &CatalogueIndex,
    tr: &Tr,
    uri: &axum::http::Uri,
    raw: &RawAnswers,
    q: &Question,
    error: Option<String>,
    notice: bool,
) -> QuestionPage {
    let lang = tr.lang;
    let who = raw.who();
    let flow = state.flow_of(door.code());
    let asked: Vec<&Question> = flow.questions_for(who).collect();
    let position = asked.iter().position(|x| x.id == q.id).map_or(1, |p| p + 1);
    let previous = asked[..position.saturating_sub(1)]
        .iter()
        .rev()
        .find(|x| raw.values.contains_key(&x.id));
    let back = previous.map(|prev| {
        // Going back keeps the previous answer (shown chosen) and what came
        // before it; answers after it may no longer apply and go.
        let keep_until = asked.iter().position(|x| x.id == prev.id).unwrap_or(0);
        let mut earlier = raw.clone();
        earlier
            .values
            .retain(|k, _| asked[..=keep_until].iter().any(|x| &x.id == k));
        format!(
            "{}?{}&{REASK}={}",
            door.base,
            encode(&earlier, lang),
            prev.id
        )
    });
    let current = raw.values.get(&q.id).cloned().unwrap_or_default();
    let choices = q
        .choices_for(who)
        .map(|c| ChoiceView {
            id: format!("{}-{}", q.id, c.value),
            value: c.value.clone(),
            label: c.label.get(lang).to_string(),
            example: c.example.as_ref().map(|e| e.get(lang).to_string()),
            checked: current.contains(&c.value),
        })
        .collect();
    let hidden = raw
        .values
        .iter()
        .filter(|(k, _)| **k != q.id)
        .flat_map(|(k, vs)| {
            if vs.is_empty() {
                vec![(k.clone(), String::new())]
            } else {
                vs.iter().map(|v| (k.clone(), v.clone())).collect()
            }
        })
        .collect();
    QuestionPage {
        layout: door.layout(
            idx,
            Layout::new(
                tr.clone(),
                q.text.get(lang).to_string(),
                "front-door",
                uri.path(),
                uri.query(),
            ),
        ),
        base: door.base.clone(),
        // No total: the path depends on the answers, and a total that grows
        // or shrinks on the way is worse than none.
        step: tr.s("fd-step", &[("n", position.to_string())]),
        id: q.id.clone(),
        kind: match q.kind {
            QuestionKind::Single => "single",
            QuestionKind::Multi => "multi",
            QuestionKind::Place => "place",
        },
        text: q.text.get(lang).to_string(),
        hint: q.hint.as_ref().map(|h| h.get(lang).to_string()),
        choices,
        optional: q.optional,
        places: if q.kind == QuestionKind::Place {
            place_options(idx, tr, q.allow_none, current.first().map(String::as_str))
        } else {
            vec![]
        },
        postcode: String::new(),
        hidden,
        error,
        notice: notice.then(|| tr.t("fd-link-notice")),
        back,
    }
}

/// Municipalities grouped by country, each country with "elsewhere", then abroad.
fn place_options(
    idx: &CatalogueIndex,
    tr: &Tr,
    allow_none: bool,
    selected: Option<&str>,
) -> Vec<OptGroup> {
    let lang = tr.lang;
    let opt = |value: &str, label: String| Opt {
        selected: selected == Some(value),
        value: value.to_string(),
        label,
    };
    let mut groups: Vec<OptGroup> = ["NL", "DE", "BE"]
        .iter()
        .map(|country| {
            let mut options: Vec<Opt> = idx
                .areas
                .municipalities()
                .filter(|m| m.country == *country)
                .map(|m| opt(&m.code, crate::present::names::municipality_name(m, lang)))
                .collect();
            tr.sort_by_key(&mut options, |o| &o.label);
            options.push(opt(country, tr.t(&format!("fd-elsewhere-{country}"))));
            OptGroup {
                label: area_name(idx, country, lang),
                options,
            }
        })
        .collect();
    let mut other = vec![opt("abroad", tr.t("fd-abroad"))];
    if allow_none {
        other.push(opt("none", tr.t("fd-none")));
    }
    groups.push(OptGroup {
        label: tr.t("fd-other-places"),
        options: other,
    });
    groups
}

/// `GET /voordeur/resultaat`: the routed services with why and how to reach them.
pub async fn result(
    State(state): State<AppState>,
    ui: Page,
    headers: axum::http::HeaderMap,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Response {
    let door = Door::for_host(&state.index(), &headers);
    result_at(&state, ui, query, &door).await
}

/// The result at `door`: routed over the region's menu when it is a region's.
pub(crate) async fn result_at(
    state: &AppState,
    ui: Page,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
    door: &Door,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let idx = state.index();
    let mut raw = RawAnswers::from_pairs(answer_pairs(query));
    let flow = state.flow_of(door.code());
    let postcode_errors = raw.resolve_postcodes(&flow, &idx.areas);
    let answers = match raw.check(&flow, &idx.areas) {
        Ok(a) if postcode_errors.is_empty() => a,
        _ => return step(state, door, lang, &uri, raw, None),
    };
    let routing = route_in(&idx, door.region(&idx), &answers);
    state.insight.count(
        state.clock.today(),
        door.code().unwrap_or_default(),
        answers.combination_key(),
        routing.fell_back,
    );
    let now = state.clock.now();
    let shown = &routing.results[..routing.results.len().min(SHOWN)];
    let channel_missing = answers.channel.as_ref().filter(|ch| {
        !shown.iter().any(|r| {
            loket_domain::reach::Reach::of(&idx, r.service)
                .channels(r.service)
                .any(|c| c == *ch)
        })
    });
    let channel_notice = channel_missing.map(|ch| {
        let name = crate::present::names::term_name(&idx, TaxonomyKind::Channel, ch, lang);
        tr.s("fd-channel-missing", &[("channel", name.to_lowercase())])
    });
    let results = shown
        .iter()
        .map(|r| result_view(&idx, &tr, r.service, &r.reasons, now))
        .collect();
    let share_query = format!(
        "{}&lang={}",
        query_string_keep_empty(
            &answers
                .to_pairs()
                .iter()
                .map(|(k, v)| (*k, v.as_str()))
                .collect::<Vec<_>>()
        ),
        lang.code()
    );
    let page = ResultPage {
        layout: door.layout(
            &idx,
            Layout::new(
                tr.clone(),
                tr.t("fd-result-title"),
                "front-door",
                uri.path(),
                uri.query(),
            ),
        ),
        base: door.base.clone(),
        handover: handover(&idx, &tr, door, &answers, &share_query),
        fell_back: routing.fell_back,
        channel_notice,
        results,
        summary: summary_in(state, door.code(), &idx, &tr, &answers),
        share: format!("{}/resultaat?{share_query}", door.base),
        answers: share_query.clone(),
        door: door.code().unwrap_or_default().to_string(),
        token: feedback_token(state),
        explainer: explainer_link(&idx, lang, &answers),
        events: visitor_events(state, &tr, door, &answers).await,
    };
    render(StatusCode::OK, &page)
}

fn result_view(
    idx: &CatalogueIndex,
    tr: &Tr,
    s: &loket_domain::Service,
    reasons: &[Reason],
    now: chrono::DateTime<chrono::Utc>,
) -> ResultView {
    let lang = tr.lang;
    let org = idx.organization(&s.organization_id);
    ResultView {
        href: format!("/diensten/{}", s.id),
        name: s.name.get(lang).to_string(),
        name_lang: s.name.resolved_lang(lang).code(),
        organization: org.map(|o| o.name.clone()).unwrap_or_default(),
        reasons: reasons.iter().map(|r| explain(idx, tr, r)).collect(),
        channels: channel_names(idx, tr, s),
        languages: language_names(tr, s),
        reach: crate::present::reach::reach_view(idx, tr, s),
        callback_href: format!("/diensten/{}/terugbellen?lang={}", s.id, lang.code()),
        bring: s
            .application_process
            .as_ref()
            .map(|t| t.get(lang).to_string())
            .filter(|t| !t.is_empty()),
        hours: crate::pages::hours::opening_text(tr, &s.schedules, now),
    }
}

/// At a region's front door, a visitor whose place (where they live, else where they
/// work, else the company) lies in another live region is offered that region's door
/// with the same answers: no wrong door between regions either.
fn handover(
    idx: &CatalogueIndex,
    tr: &Tr,
    door: &Door,
    a: &Answers,
    answers: &str,
) -> Option<Handover> {
    let here = door.region(idx)?;
    let place = [&a.live, &a.work, &a.company]
        .into_iter()
        .filter_map(|p| p.as_ref().and_then(loket_routing::Place::code))
        .find(|code| {
            idx.areas
                .municipality(code)
                .is_some_and(|m| m.country == "NL")
        })?;
    let there = idx.regions.region_of(&idx.areas, place)?;
    if there.code == here.code || !there.is_live() {
        return None;
    }
    let lang = tr.lang;
    let args = [
        ("place", area_name(idx, place, lang)),
        ("region", there.name.get(lang).to_string()),
        ("here", here.name.get(lang).to_string()),
    ];
    Some(Handover {
        text: tr.s("region-handover", &args),
        link: tr.s("region-handover-link", &args),
        href: format!("{}/voordeur/resultaat?{answers}", there.path()),
    })
}

/// The visitor's answers in words, in the wording of `region`'s front door
/// (`None`: the deployment's).
pub(crate) fn summary_in(
    state: &AppState,
    region: Option<&str>,
    idx: &CatalogueIndex,
    tr: &Tr,
    a: &Answers,
) -> Vec<(String, String)> {
    let lang = tr.lang;
    let flow = state.flow_of(region);
    let mut rows = Vec::new();
    for (id, values) in
        a.to_pairs()
            .into_iter()
            .fold(Vec::<(&str, Vec<String>)>::new(), |mut acc, (k, v)| {
                match acc.iter_mut().find(|(key, _)| *key == k) {
                    Some((_, vs)) => vs.push(v),
                    None => acc.push((k, vec![v])),
                }
                acc
            })
    {
        let Some(q) = flow.question(id) else {
            continue;
        };
        let words: Vec<String> = values
            .iter()
            .filter(|v| !v.is_empty())
            .map(|v| match q.kind {
                QuestionKind::Place => match v.as_str() {
                    "abroad" => tr.t("fd-abroad"),
                    "none" => tr.t("fd-none"),
                    code => area_name(idx, code, lang),
                },
                _ => q
                    .choices_for(Some(&a.who))
                    .find(|c| &c.value == v)
                    .map(|c| c.label.get(lang).to_string())
                    .unwrap_or_else(|| v.clone()),
            })
            .collect();
        let answer = if words.is_empty() {
            tr.t("fd-no-preference")
        } else {
            words.join(", ")
        };
        rows.push((q.text.get(lang).to_string(), answer));
    }
    rows
}

/// The longest feedback text kept; the form says so.
const MAX_COMMENT: usize = 1000;
const FEEDBACK_FORM: &str = "front-door-feedback";
/// Per address: plenty for people, a brake on scripts.
const MAX_FEEDBACK_PER_HOUR: i64 = 20;

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct FeedbackForm {
    pub answers: String,
    /// The region's front door it came from (its code); empty for the deployment's own.
    pub door: String,
    pub comment: String,
    pub token: String,
    /// A field people do not see; robots fill it in.
    pub website: String,
}

#[derive(Template)]
#[template(path = "front_door/front_door_feedback.html")]
pub struct FeedbackPage {
    layout: Layout,
    answers: String,
    door: String,
    /// Where "back to my result" and "start again" lead: this front door's address.
    base: String,
    comment: String,
    token: String,
    error: Option<String>,
    thanks: bool,
}

pub(crate) fn feedback_token(state: &AppState) -> String {
    state.csrf.token(FEEDBACK_FORM, state.clock.unix())
}

/// `POST /voordeur/feedback`: "this did not answer my question".
pub async fn feedback(
    State(state): State<AppState>,
    ui: Page,
    client: crate::pages::forms::ClientKey,
    form: Result<axum::Form<FeedbackForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let form = form.map(|axum::Form(f)| f).unwrap_or_default();
    let comment = form.comment.trim().to_string();
    let answers: String = form.answers.chars().take(2000).collect();
    // A door that is no region's (a mangled form) counts as the deployment's own.
    let door = match state.index().regions.get(&form.door) {
        Some(r) => Door::of_region(&r.code),
        None => Door::deployment(),
    };
    let mut error = None;
    let mut forbidden = false;
    let now = state.clock.unix();
    let rate_key = format!("feedback:address:{}", client.0);
    if !state.csrf.verify(FEEDBACK_FORM, &form.token, now) {
        error = Some(tr.t("feedback-error-expired"));
        forbidden = true;
    } else if comment.chars().count() > MAX_COMMENT {
        error = Some(tr.t("feedback-error-too-long"));
    } else if limits::last_hour(&state, &rate_key).await.unwrap_or(0) >= MAX_FEEDBACK_PER_HOUR {
        error = Some(tr.t("form-error-rate-limited"));
    } else if let Err(e) = limits::count(&state, &rate_key).await {
        tracing::warn!(error = %e, "counting a feedback post failed");
    }
    let stored = match (&error, form.website.is_empty()) {
        (Some(_), _) => false,
        (None, false) => true, // a robot: thank it, keep nothing
        (None, true) => {
            let code = door.code().unwrap_or_default();
            match insight::add_feedback(&state, code, answers.clone(), lang.code(), comment.clone())
                .await
            {
                Ok(()) => true,
                Err(e) => {
                    tracing::error!(error = %e, "storing feedback failed");
                    error = Some(tr.t("error-body"));
                    false
                }
            }
        }
    };
    let status = if stored {
        StatusCode::OK
    } else if forbidden {
        StatusCode::FORBIDDEN
    } else if error.as_deref() == Some(tr.t("form-error-rate-limited").as_str()) {
        StatusCode::TOO_MANY_REQUESTS
    } else if error.as_deref() == Some(tr.t("error-body").as_str()) {
        StatusCode::SERVICE_UNAVAILABLE
    } else {
        StatusCode::BAD_REQUEST
    };
    let page = FeedbackPage {
        layout: door.layout(
            &state.index(),
            Layout::new(
                tr.clone(),
                tr.t("feedback-title"),
                "front-door",
                uri.path(),
                uri.query(),
            ),
        ),
        answers,
        door: door.code().unwrap_or_default().to_string(),
        base: door.base.clone(),
        comment: if stored { String::new() } else { comment },
        token: feedback_token(&state),
        error,
        thanks: stored,
    };
    render(status, &page)
}
