//! The authorization layer: for every matched route it looks up the route's
//! [`Access`] in the route table and asks the policy ([`loket_domain::policy`]).
//! Refusals are answered here (sign-in page, 403 page, or problem+json) and
//! written to the audit log. Handlers never decide access themselves.

use crate::AppState;
use crate::lang::UiLang;
use crate::problem::Problem;
use crate::routes::{Access, Scope};
use crate::session::Viewer;
use axum::extract::{FromRequestParts, MatchedPath, RawPathParams, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use loket_app::access;
use loket_domain::audit::{AuditEvent, AuditResult};
use loket_domain::policy::{self, Target};

enum Decision {
    Allow,
    SignIn,
    Deny,
    NotFound,
}

pub async fn authorize(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let (mut parts, body) = req.into_parts();
    let method: &'static str = match parts.method.as_str() {
        "GET" | "HEAD" => "GET",
        "POST" => "POST",
        "PUT" => "PUT",
        "PATCH" => "PATCH",
        "DELETE" => "DELETE",
        _ => "OTHER",
    };
    let matched = parts
        .extensions
        .get::<MatchedPath>()
        .map(|m| m.as_str().to_owned());
    let access = matched
        .as_deref()
        .and_then(|p| state.access.get(&(method, p)).copied());
    let is_api = parts.uri.path().starts_with("/api/");
    if access.is_none()
        && let Some(allow) = matched.as_deref().and_then(|p| allowed_methods(&state, p))
    {
        // A method the route does not have is the client's mistake, not an attempt
        // on someone's data: 405, and nothing written to the audit log.
        return crate::error::method_not_allowed(is_api, &allow);
    }
    let viewer = parts.extensions.get::<Viewer>().cloned();
    let decision = match access {
        // A route without an entry cannot exist (the route table adds both), but
        // should one appear, it is closed.
        None => {
            tracing::error!(path = ?matched, method, "route without an access rule refused");
            Decision::Deny
        }
        Some(Access::Public) => Decision::Allow,
        Some(Access::Scraper) => {
            if crate::metrics::scraper_allowed(&state, &parts) {
                Decision::Allow
            } else {
                // Not a person's refusal: no audit entry, and no page.
                return Problem::unauthorized().into_response();
            }
        }
        Some(Access::SignedIn) => match &viewer {
            Some(v) if v.signed_in() => Decision::Allow,
            _ => Decision::SignIn,
        },
        Some(Access::Allowed(action, scope)) => match &viewer {
            Some(v) if v.signed_in() => {
                // `{id}` names a record; `{code}` a labour-market region.
                let id = RawPathParams::from_request_parts(&mut parts, &state)
                    .await
                    .ok()
                    .and_then(|p| {
                        p.iter()
                            .find(|(k, _)| *k == "id" || *k == "code")
                            .map(|(_, v)| v.to_owned())
                    });
                match targets(&state, scope, id.as_deref(), v).await {
                    Err(()) => Decision::NotFound,
                    Ok(targets) => {
                        let allowed = if targets.is_empty() {
                            policy::allows(&v.memberships, action, Target::Network)
                        } else {
                            targets
                                .iter()
                                .any(|t| policy::allows(&v.memberships, action, t.as_target()))
                        };
                        if allowed && v.token_allows(action) {
                            Decision::Allow
                        } else {
                            Decision::Deny
                        }
                    }
                }
            }
            _ => Decision::SignIn,
        },
    };
    match decision {
        Decision::Allow => next.run(Request::from_parts(parts, body)).await,
        Decision::SignIn if is_api => Problem::unauthorized().into_response(),
        Decision::SignIn => {
            let next_path = parts
                .uri
                .path_and_query()
                .map(|p| p.as_str())
                .unwrap_or("/");
            Redirect::to(&format!(
                "/aanmelden?{}",
                crate::present::query_string(&[("next", next_path)])
            ))
            .into_response()
        }
        Decision::NotFound if is_api => {
            Problem::not_found("resource", parts.uri.path()).into_response()
        }
        Decision::NotFound => {
            let UiLang(lang) = UiLang::from_request_parts(&mut parts, &state)
                .await
                .unwrap_or(UiLang(loket_domain::Lang::Nl));
            crate::pages::errors::not_found_page(&state, lang, &parts.uri)
        }
        Decision::Deny => {
            let actor = viewer
                .as_ref()
                .map(|v| v.account.id.clone())
                .unwrap_or_else(|| "anonymous".into());
            let event = AuditEvent {
                action: "access.denied".into(),
                object: format!("{method} {}", shortened(parts.uri.path())),
                result: AuditResult::Denied,
                origin: if is_api { "api" } else { "web" }.into(),
                actor,
                subject: None,
                activity: None,
            };
            state.record_audit(event).await;
            if is_api {
                return Problem::forbidden().into_response();
            }
            let UiLang(lang) = UiLang::from_request_parts(&mut parts, &state)
                .await
                .unwrap_or(UiLang(loket_domain::Lang::Nl));
            crate::pages::errors::forbidden_page(&state, lang, &parts.uri, viewer.as_ref())
        }
    }
}

/// A path as the audit log keeps it: enough to know what was asked, never
/// kilobytes a caller chose.
fn shortened(path: &str) -> &str {
    const MAX: usize = 200;
    match path.char_indices().nth(MAX) {
        Some((end, _)) => &path[..end],
        None => path,
    }
}

/// The methods a route pattern answers, as an `Allow` header lists them; `None`
/// when the pattern has no route at all.
fn allowed_methods(state: &AppState, path: &str) -> Option<String> {
    let mut allow = Vec::new();
    if state.access.contains_key(&("GET", path)) {
        allow.extend(["GET", "HEAD"]);
    }
    if state.access.contains_key(&("POST", path)) {
        allow.push("POST");
    }
    (!allow.is_empty()).then(|| allow.join(", "))
}

/// What a route's action is about, owned.
enum OwnedTarget {
    /// An organisation and the regions whose menu it contributes to.
    Organization(String, Vec<String>),
    Employer {
        id: String,
        linked: bool,
    },
    Region(String),
}

impl OwnedTarget {
    fn as_target(&self) -> Target<'_> {
        match self {
            OwnedTarget::Organization(org, regions) => Target::Organization { id: org, regions },
            OwnedTarget::Region(code) => Target::Region(code),
            OwnedTarget::Employer { id, linked } => Target::Employer {
                id,
                linked: *linked,
            },
        }
    }
}

/// What a route's action is about (none: the network); `Err` when the path names nothing
/// that exists.
async fn targets(
    state: &AppState,
    scope: Scope,
    id: Option<&str>,
    viewer: &Viewer,
) -> Result<Vec<OwnedTarget>, ()> {
    let failed = |what: &'static str| move |e: loket_app::AppError| tracing::error!(error = %e, "reading {what} for authorization failed");
    let linked_to = |employer_id: String| async move {
        let linked = access::acts_for_employer(state, &viewer.account.id, &employer_id)
            .await
            .map_err(failed("an account's employers"))?;
        Ok::<_, ()>(vec![OwnedTarget::Employer {
            id: employer_id,
            linked,
        }])
    };
    let employer_of_vacancy = |vacancy_id: String| async move {
        let employer = access::employer_of_vacancy(state, &vacancy_id)
            .await
            .map_err(failed("a vacancy"))?;
        linked_to(employer.ok_or(())?).await
    };
    match scope {
        Scope::EmployerInPath => {
            let employer = access::employer(state, id.ok_or(())?)
                .await
                .map_err(failed("an employer"))?;
            linked_to(employer.ok_or(())?).await
        }
        Scope::TalentProgramme => Ok(vec![organization(
            state,
            state.talent_programme.to_string(),
        )]),
        Scope::RegionInPath => {
            let code = id.ok_or(())?;
            state.index().regions.get(code).ok_or(())?;
            Ok(vec![OwnedTarget::Region(code.to_string())])
        }
        Scope::EmployerOfVacancyInPath => employer_of_vacancy(id.ok_or(())?.to_string()).await,
        Scope::EmployerOfIntroductionInPath => {
            let vacancy = access::vacancy_of_introduction(state, id.ok_or(())?)
                .await
                .map_err(failed("an introduction"))?;
            employer_of_vacancy(vacancy.ok_or(())?).await
        }
        other => Ok(target_orgs(state, other, id)
            .await?
            .into_iter()
            .map(|org| organization(state, org))
            .collect()),
    }
}

/// An organisation as a target, with the regions it contributes to.
fn organization(state: &AppState, org: String) -> OwnedTarget {
    let regions = state.index().regions.regions_of_contributor(&org);
    OwnedTarget::Organization(org, regions)
}

/// The organisations a route's action is about (none: the network); `Err` when
/// the path names nothing that exists.
async fn target_orgs(state: &AppState, scope: Scope, id: Option<&str>) -> Result<Vec<String>, ()> {
    match scope {
        Scope::Network => Ok(Vec::new()),
        Scope::ServiceInPath => {
            let idx = state.index();
            let service = id.and_then(|id| idx.service(id)).ok_or(())?;
            Ok(vec![service.organization_id.clone()])
        }
        Scope::LocationInPath => {
            let idx = state.index();
            let location = id.and_then(|id| idx.location(id)).ok_or(())?;
            Ok(vec![location.organization_id.clone()])
        }
        Scope::OrganizationInPath => {
            let idx = state.index();
            let org = id.and_then(|id| idx.organization(id)).ok_or(())?;
            Ok(vec![org.id.clone()])
        }
        Scope::TalentProgramme
        | Scope::EmployerInPath
        | Scope::EmployerOfVacancyInPath
        | Scope::EmployerOfIntroductionInPath
        | Scope::RegionInPath => Err(()),
        Scope::EventInPath | Scope::EventDateInPath => {
            let id = id.ok_or(())?;
            let organiser = if scope == Scope::EventInPath {
                access::organiser_of_event(state, id).await
            } else {
                access::organiser_of_event_date(state, id).await
            };
            match organiser {
                Ok(Some(org)) => Ok(vec![org]),
                Ok(None) => Err(()),
                Err(e) => {
                    tracing::error!(error = %e, "reading an event for authorization failed");
                    Err(())
                }
            }
        }
        Scope::ReferralInPath => {
            let id = id.ok_or(())?;
            match access::referral_parties(state, id).await {
                Ok(Some(parties)) => Ok(parties),
                Ok(None) => Err(()),
                Err(e) => {
                    tracing::error!(error = %e, "reading a referral for authorization failed");
                    Err(())
                }
            }
        }
    }
}
