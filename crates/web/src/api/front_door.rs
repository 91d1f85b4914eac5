//! The front door as an API, for a phone generalist or a partner website:
//! the same questions and the same routing engine as the pages.

use super::hsds;
use crate::AppState;
use crate::lang::UiLang;
use crate::present::reasons::explain;
use crate::present::tr;
use crate::problem::{InvalidParam, Problem};
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use loket_app::front_door::insight;
use loket_routing::{RawAnswers, route};
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct RouteReason {
    /// A stable code, e.g. `serves-both`, `topic-focused`, `generalist`.
    pub code: String,
    /// The reason in the requested language.
    pub text: String,
}

#[derive(Serialize, ToSchema)]
pub struct RoutedService {
    pub rank: usize,
    pub score: i32,
    pub service: hsds::HsdsServiceSummary,
    pub reasons: Vec<RouteReason>,
    /// The public page of the service.
    pub url: String,
}

#[derive(Serialize, ToSchema)]
pub struct RouteResponse {
    /// Nothing specific fitted: the result is the regional generalist.
    pub fell_back: bool,
    /// The answers as understood (postcodes resolved to municipalities).
    pub answers: serde_json::Map<String, Value>,
    /// The result page for these answers; it holds no personal data.
    pub result_page: String,
    pub results: Vec<RoutedService>,
}

/// The questions of the front door, in all four languages (the flow file).
#[utoipa::path(get, path = "/api/v1/front-door/questions", responses((status = 200, description = "the front-door flow", content_type = "application/json")))]
pub async fn questions(State(state): State<AppState>) -> Response {
    Json(state.flow().as_ref()).into_response()
}

/// Routes answers to ranked services with an explanation per result. Keys are
/// the question ids of `/front-door/questions`; values are strings, or lists of
/// strings for `languages`. A place may be given as `{id}_postcode`.
#[utoipa::path(post, path = "/api/v1/front-door/routes",
    request_body(content = Object, description = "answers, e.g. {\"who\": \"cross-border-worker\", \"live\": \"DE05334002\", \"work\": \"GM0917\", \"topic\": \"health-insurance\", \"languages\": [\"de\"]}", content_type = "application/json"),
    params(("lang" = Option<String>, Query, description = "nl, en, de, fr, pl, ro or bg; else Accept-Language")),
    responses((status = 200, body = RouteResponse), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub async fn routes(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    axum::extract::RawQuery(raw): axum::extract::RawQuery,
    body: Bytes,
) -> Response {
    // Only `lang` may come in the query, and it must be a language we offer.
    if let Err(problem) = super::Params::parse(raw, &[]).finish() {
        return problem.into_response();
    }
    let invalid = |name: &str, reason: &str| {
        Problem::bad_request(vec![InvalidParam {
            name: name.into(),
            reason: reason.into(),
        }])
        .into_response()
    };
    let Ok(Value::Object(fields)) = serde_json::from_slice::<Value>(&body) else {
        return invalid("body", "must be a JSON object of answers");
    };
    let mut pairs = Vec::new();
    let mut errors = Vec::new();
    for (key, value) in fields {
        // A postcode, when the key is there, is one postcode: not empty, not null.
        let no_postcode = key.ends_with("_postcode")
            && match &value {
                Value::Array(items) => {
                    !matches!(items.as_slice(), [Value::String(s)] if !s.trim().is_empty())
                }
                Value::String(s) => s.trim().is_empty(),
                _ => true,
            };
        if no_postcode {
            errors.push(InvalidParam {
                name: key,
                reason: "must be one postcode (NL 6411 AB, DE 52062 or BE 3620)".into(),
            });
            continue;
        }
        match value {
            Value::String(s) => pairs.push((key, s)),
            Value::Array(items) => {
                let multi = state
                    .flow()
                    .question(&key)
                    .is_some_and(|q| q.kind == loket_routing::flow::QuestionKind::Multi);
                if items.len() > 1 && !multi {
                    errors.push(InvalidParam {
                        name: key.clone(),
                        reason: "takes one value".into(),
                    });
                    continue;
                }
                if items.is_empty() {
                    pairs.push((key.clone(), String::new()));
                }
                for item in items {
                    match item {
                        Value::String(s) => pairs.push((key.clone(), s)),
                        _ => errors.push(InvalidParam {
                            name: key.clone(),
                            reason: "list items must be strings".into(),
                        }),
                    }
                }
            }
            Value::Null => pairs.push((key, String::new())),
            _ => errors.push(InvalidParam {
                name: key,
                reason: "must be a string or a list of strings".into(),
            }),
        }
    }
    let idx = state.index();
    let mut raw = RawAnswers::from_pairs(pairs);
    let flow = state.flow();
    let mut problems = raw.resolve_postcodes(&flow, &idx.areas);
    let answers = match raw.check(&flow, &idx.areas) {
        Ok(a) if problems.is_empty() && errors.is_empty() => a,
        other => {
            if let Err(more) = other {
                problems.extend(more);
            }
            errors.extend(problems.into_iter().map(|p| InvalidParam {
                name: p.question,
                reason: p.problem.description().into(),
            }));
            return Problem::bad_request(errors).into_response();
        }
    };
    let routing = route(&idx, &answers);
    state.insight.count(
        state.clock.today(),
        "",
        answers.combination_key(),
        routing.fell_back,
    );
    let tr = tr(&state, lang);
    let pairs = answers.to_pairs();
    let mut as_json = serde_json::Map::new();
    for (k, v) in &pairs {
        match (k, as_json.get_mut(*k)) {
            (&"languages", Some(Value::Array(list))) => list.push(Value::String(v.clone())),
            (&"languages", None) => {
                as_json.insert(
                    "languages".into(),
                    Value::Array(if v.is_empty() {
                        vec![]
                    } else {
                        vec![Value::String(v.clone())]
                    }),
                );
            }
            _ => {
                as_json.insert(k.to_string(), Value::String(v.clone()));
            }
        }
    }
    let query: Vec<String> = pairs
        .iter()
        .map(|(k, v)| crate::present::query_string_keep_empty(&[(k, v.as_str())]))
        .collect();
    let results = routing
        .results
        .iter()
        .enumerate()
        .map(|(n, r)| RoutedService {
            rank: n + 1,
            score: r.score,
            service: hsds::service_summary(&idx, r.service, lang),
            reasons: r
                .reasons
                .iter()
                .map(|x| RouteReason {
                    code: x.code().into(),
                    text: explain(&idx, &tr, x),
                })
                .collect(),
            url: format!("/diensten/{}", r.service.id),
        })
        .collect();
    Json(RouteResponse {
        fell_back: routing.fell_back,
        answers: as_json,
        result_page: format!(
            "/voordeur/resultaat?{}&lang={}",
            query.join("&"),
            lang.code()
        ),
        results,
    })
    .into_response()
}

#[derive(Serialize, ToSchema)]
pub struct CombinationCount {
    /// The labour-market region whose front door was asked; absent for the deployment's own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// The answers, as in a result link.
    pub combination: String,
    pub count: i64,
    /// Routed to the generalist: nothing specific fitted.
    pub fell_back: bool,
}

#[derive(Serialize, ToSchema)]
pub struct FeedbackItem {
    pub day: String,
    /// The labour-market region whose front door it was sent from; absent for the deployment's own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    pub lang: String,
    pub combination: String,
    pub comment: String,
}

#[derive(Serialize, ToSchema)]
pub struct Insights {
    pub since: String,
    pub total: i64,
    pub combinations: Vec<CombinationCount>,
    pub feedback: Vec<FeedbackItem>,
}

/// Anonymous insight for the coordinator: counts per combination of answers,
/// the gaps (fallbacks to the generalist), and visitors' feedback.
#[utoipa::path(get, path = "/api/v1/front-door/insights",
    params(("since" = Option<String>, Query, format = Date, description = "YYYY-MM-DD; default 30 days ago")),
    responses((status = 200, body = Insights), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub async fn insights(
    State(state): State<AppState>,
    axum::extract::RawQuery(raw): axum::extract::RawQuery,
) -> Response {
    let mut p = super::Params::parse(raw, &["since"]);
    let since = match insight::since_param(p.str("since"), state.clock.today()) {
        Ok(d) => d,
        Err(d) => {
            p.errors.push(InvalidParam {
                name: "since".into(),
                reason: "must be a date like 2026-01-31".into(),
            });
            d
        }
    };
    if let Err(problem) = p.finish() {
        return problem.into_response();
    }
    let Ok((counts, feedback)) = insight::since(&state, since, 1000, None).await else {
        return Problem::unavailable().into_response();
    };
    Json(Insights {
        since: since.to_string(),
        total: counts.iter().map(|c| c.count).sum(),
        combinations: counts
            .into_iter()
            .map(|c| CombinationCount {
                region: Some(c.region).filter(|r| !r.is_empty()),
                combination: c.combination,
                count: c.count,
                fell_back: c.fell_back,
            })
            .collect(),
        feedback: feedback
            .into_iter()
            .map(|f| FeedbackItem {
                day: f.day.to_string(),
                region: Some(f.region).filter(|r| !r.is_empty()),
                lang: f.lang,
                combination: f.combination,
                comment: f.comment,
            })
            .collect(),
    })
    .into_response()
}

/// The JSON Schema of the answers `POST /front-door/routes` takes, built from
/// the flow in use (the coordinator's wording changes no code) and the
/// catalogue's municipalities: one branch per target group, with exactly the
/// questions asked of it, their options, and which must be answered. A
/// question's value may be a string or a list (of at most one for single and
/// place questions); an optional question may be empty or null. A place may
/// also be given as `{id}_postcode`.
pub(crate) fn answers_schema(
    flow: &loket_routing::flow::Flow,
    areas: &loket_domain::area::Areas,
) -> Value {
    use loket_routing::flow::QuestionKind;
    use serde_json::json;
    let who = flow.question("who");
    let groups: Vec<String> = who
        .map(|q| q.options.iter().map(|c| c.value.clone()).collect())
        .unwrap_or_default();
    let mut places: Vec<String> = areas.municipalities().map(|m| m.code.clone()).collect();
    places.extend(["NL", "DE", "BE", "abroad"].map(String::from));
    let branches: Vec<Value> = groups
        .iter()
        .map(|group| {
            let mut properties = serde_json::Map::new();
            let mut required = vec![json!("who")];
            // A required place: its code, or its postcode.
            let mut place_required = Vec::new();
            properties.insert("who".into(), json!({ "type": "string", "enum": [group] }));
            for q in flow
                .questions
                .iter()
                .filter(|q| q.id != "who" && q.applies_to(Some(group)))
            {
                let mut values: Vec<Value> = match q.kind {
                    QuestionKind::Place => {
                        let mut v: Vec<Value> = places.iter().map(|p| json!(p)).collect();
                        if q.allow_none {
                            v.push(json!("none"));
                        }
                        v
                    }
                    _ => q.choices_for(Some(group)).map(|c| json!(c.value)).collect(),
                };
                let answered = json!({ "type": "string", "enum": values.clone() });
                // A required place may stay empty when its postcode comes instead
                // (as the page's form sends it): the branch's `allOf` demands one.
                let place_with_postcode = !q.optional && q.kind == QuestionKind::Place;
                if q.optional || place_with_postcode {
                    values.push(json!(""));
                }
                let one = json!({ "type": "string", "enum": values });
                let max_items = if q.kind == QuestionKind::Multi { None } else { Some(1) };
                let mut list = json!({ "type": "array", "items": one.clone() });
                if let Some(max) = max_items {
                    list["maxItems"] = json!(max);
                }
                if !q.optional && !place_with_postcode {
                    list["minItems"] = json!(1);
                }
                let mut any_of = vec![one, list];
                if q.optional || place_with_postcode {
                    any_of.push(json!({ "type": "null" }));
                }
                properties.insert(q.id.clone(), json!({ "anyOf": any_of }));
                if q.kind == QuestionKind::Place {
                    properties.insert(
                        format!("{}_postcode", q.id),
                        json!({ "anyOf": [
                            { "type": "string", "pattern": loket_domain::area::POSTCODE_PATTERN },
                            { "type": "array", "minItems": 1, "maxItems": 1, "items": { "type": "string", "pattern": loket_domain::area::POSTCODE_PATTERN } },
                        ]}),
                    );
                }
                match (q.optional, q.kind) {
                    (true, _) => {}
                    (false, QuestionKind::Place) => {
                        let mut property = serde_json::Map::new();
                        property.insert(
                            q.id.clone(),
                            json!({ "anyOf": [
                                answered,
                                { "type": "array", "minItems": 1, "maxItems": 1, "items": answered },
                            ]}),
                        );
                        place_required.push(json!({ "anyOf": [
                            { "required": [q.id], "properties": property },
                            { "required": [format!("{}_postcode", q.id)] },
                        ]}));
                    }
                    (false, _) => required.push(json!(q.id)),
                }
            }
            let mut branch = json!({
                "type": "object",
                "properties": properties,
                "required": required,
                "additionalProperties": false,
            });
            if !place_required.is_empty() {
                branch["allOf"] = json!(place_required);
            }
            branch
        })
        .collect();
    json!({ "oneOf": branches })
}
