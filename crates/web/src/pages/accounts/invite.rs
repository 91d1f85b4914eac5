//! An organisation admin invites a colleague (`/beheer/organisaties/{id}/uitnodigen`).

use crate::AppState;
use crate::error::failure;
use crate::pages::forms::CheckedForm;
use crate::pages::forms::Errors;
use crate::pages::staff::layout;
use crate::pages::view::Page;
use crate::pages::view::{Layout, Opt, render};
use crate::present::Tr;
use crate::session::SignedIn;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use loket_app::accounts::invitations;
use loket_domain::account::{Email, Role};
use serde::Deserialize;

// ---------------------------------------------------------------- invite

#[derive(Template)]
#[template(path = "accounts/invite.html")]
pub struct InvitePage {
    layout: Layout,
    org_id: String,
    email: String,
    name: String,
    roles: Vec<Opt>,
    token: String,
    errors: Errors,
    done: Option<String>,
}

pub(crate) fn role_options(tr: &Tr, chosen: &str) -> Vec<Opt> {
    [Role::Staff, Role::OrgAdmin]
        .into_iter()
        .map(|r| Opt {
            value: r.code().into(),
            label: tr.t(&format!("role-{}", r.code())),
            selected: r.code() == chosen,
        })
        .collect()
}

pub async fn invite_form(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(org): Path<String>,
) -> Response {
    let Page { tr, uri, .. } = ui;
    let org_name = state
        .index()
        .organization(&org)
        .map(|o| o.name.clone())
        .unwrap_or_default();
    render(
        StatusCode::OK,
        &InvitePage {
            layout: layout(
                &tr,
                tr.s("invite-title", &[("organization", org_name.clone())]),
                &uri,
            ),
            org_id: org,
            email: String::new(),
            name: String::new(),
            roles: role_options(&tr, "staff"),
            token: state.form_token(&viewer),
            errors: Errors::default(),
            done: None,
        },
    )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct InviteForm {
    pub email: String,
    pub name: String,
    pub role: String,
    pub token: String,
}

pub async fn invite(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(org): Path<String>,
    CheckedForm(form): CheckedForm<InviteForm>,
) -> Response {
    let Page { tr, uri, .. } = ui;
    let org_name = state
        .index()
        .organization(&org)
        .map(|o| o.name.clone())
        .unwrap_or_default();
    let mut errors = Errors::default();
    let email = Email::parse(&form.email);
    if email.is_none() {
        errors.add("email", tr.t("signin-error-email"));
    }
    let name = form.name.trim().to_string();
    if name.is_empty() || name.chars().count() > 100 {
        errors.add("name", tr.t("invite-error-name"));
    }
    let role = Role::parse(&form.role).filter(|r| matches!(r, Role::Staff | Role::OrgAdmin));
    if role.is_none() {
        errors.add("role", tr.t("invite-error-role"));
    }
    let page = |errors: Errors, done: Option<String>, status: StatusCode| {
        render(
            status,
            &InvitePage {
                layout: layout(
                    &tr,
                    tr.s("invite-title", &[("organization", org_name.clone())]),
                    &uri,
                ),
                org_id: org.clone(),
                email: if done.is_some() {
                    String::new()
                } else {
                    form.email.chars().take(254).collect()
                },
                name: if done.is_some() {
                    String::new()
                } else {
                    name.chars().take(100).collect()
                },
                roles: role_options(&tr, &form.role),
                token: state.form_token(&viewer),
                errors,
                done,
            },
        )
    };
    let (Some(email), Some(role)) = (email, role) else {
        return page(errors, None, StatusCode::BAD_REQUEST);
    };
    if !errors.is_empty() {
        return page(errors, None, StatusCode::BAD_REQUEST);
    }
    let invited = invitations::invite(
        &state,
        &org,
        &email,
        &name,
        role,
        tr.lang.code(),
        &viewer.account.id,
    )
    .await;
    if let Err(e) = invited {
        return failure(e);
    }
    page(
        Errors::default(),
        Some(tr.s("invite-done", &[("email", email.as_str().to_string())])),
        StatusCode::OK,
    )
}
