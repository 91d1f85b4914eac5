//! The quarterly report by e-mail: subscribing to (or stopping) the results
//! shown, from the dashboard; and the mailed unsubscribe link
//! (`/abonnement/{token}`), which asks first (a mail program that follows links
//! must not unsubscribe anyone) and works without signing in.

use super::query::Params;
use crate::AppState;
use crate::error::failure;
use crate::pages::forms::{CheckedForm, Errors};
use crate::pages::view::{Layout, Page, render};
use crate::session::SignedIn;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use loket_app::AppError;
use loket_app::monitoring::subscriptions;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
pub struct SubscriptionForm {
    /// The dashboard's scope (its `org` value).
    #[serde(default)]
    org: String,
    /// `1` to stop; anything else subscribes.
    #[serde(default)]
    stop: String,
    #[serde(default)]
    van: String,
    #[serde(default)]
    tot: String,
}

/// Subscribes to, or stops, the quarterly report of the dashboard's scope and
/// returns to the dashboard, which says what happened.
pub async fn save(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    CheckedForm(form): CheckedForm<SubscriptionForm>,
) -> Response {
    let outcome = if form.stop == "1" {
        subscriptions::unsubscribe(&state, &viewer.account.id, &form.org)
            .await
            .map(|_| "uit")
    } else {
        subscriptions::subscribe(
            &state,
            &viewer.account.id,
            &viewer.memberships,
            &form.org,
            ui.lang,
        )
        .await
        .map(|_| "aan")
    };
    let params = Params {
        org: form.org.clone(),
        van: form.van.clone(),
        tot: form.tot.clone(),
        ..Params::default()
    };
    match outcome {
        Ok(done) => {
            let back = crate::present::query_string(&[
                ("org", &form.org),
                ("van", &form.van),
                ("tot", &form.tot),
                ("abonnement", done),
                ("lang", ui.lang.code()),
            ]);
            Redirect::to(&format!("/beheer/resultaten?{back}#abonnement")).into_response()
        }
        Err(AppError::Invalid(_)) => {
            let mut errors = Errors::default();
            errors.add("scope", ui.tr.t("subscription-error-scope-unknown"));
            super::results::show_with(&state, ui, &viewer, &params, errors).await
        }
        Err(e) => failure(e),
    }
}

#[derive(Template)]
#[template(path = "monitoring/unsubscribe.html")]
pub struct UnsubscribePage {
    layout: Layout,
    token: String,
    /// The question, while the link still stands for a subscription.
    question: Option<String>,
    message: Option<String>,
}

fn unsubscribe_page(
    ui: &Page,
    token: &str,
    question: Option<String>,
    message: Option<String>,
) -> UnsubscribePage {
    // The token is the credential: the language switch must not carry it on.
    UnsubscribePage {
        layout: Layout::new(ui.tr.clone(), ui.tr.t("unsubscribe-title"), "", "/", None),
        token: token.to_string(),
        question,
        message,
    }
}

pub async fn confirm(
    State(state): State<AppState>,
    ui: Page,
    Path(token): Path<String>,
) -> Response {
    match subscriptions::by_link(&state, &token).await {
        Ok(Some(s)) => {
            let scope = subscriptions::scope_name(&state, ui.lang, &s.scope);
            let question = ui.tr.s("unsubscribe-question", &[("scope", scope)]);
            render(
                StatusCode::OK,
                &unsubscribe_page(&ui, &token, Some(question), None),
            )
        }
        Ok(None) => render(
            StatusCode::NOT_FOUND,
            &unsubscribe_page(&ui, &token, None, Some(ui.tr.t("unsubscribe-unknown"))),
        ),
        Err(e) => failure(e),
    }
}

/// Ends the subscription. The unguessable token in the path is the credential
/// (no session, no CSRF cookie to ride on); a mail program's one-click
/// unsubscribe (RFC 8058) posts here too.
pub async fn end(State(state): State<AppState>, ui: Page, Path(token): Path<String>) -> Response {
    let scope = match subscriptions::by_link(&state, &token).await {
        Ok(s) => s.map(|s| subscriptions::scope_name(&state, ui.lang, &s.scope)),
        Err(e) => return failure(e),
    };
    match (
        subscriptions::unsubscribe_by_link(&state, &token).await,
        scope,
    ) {
        (Ok(true), Some(scope)) => render(
            StatusCode::OK,
            &unsubscribe_page(
                &ui,
                &token,
                None,
                Some(ui.tr.s("unsubscribe-done", &[("scope", scope)])),
            ),
        ),
        (Ok(_), _) => render(
            StatusCode::NOT_FOUND,
            &unsubscribe_page(&ui, &token, None, Some(ui.tr.t("unsubscribe-unknown"))),
        ),
        (Err(e), _) => failure(e),
    }
}
