//! A region's coordinator keeps its menu and look (`/beheer/regio/{code}`); the
//! platform admin and a coordinator without a region see every region
//! (`/beheer/regio`). Who may is decided by the route table (`ManageRegion` on
//! the region in the path); a coordinator of another region gets the 403 page.

use crate::AppState;
use crate::error::failure;
use crate::pages::forms::{CheckedForm, Errors};
use crate::pages::view::{Layout, Page, render};
use crate::present::Tr;
use crate::session::{SignedIn, Viewer};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use loket_app::AppError;
use loket_app::regions::menu::{self, Change};
use loket_domain::policy::{self, Action, Target};
use loket_domain::region::{LabourMarketRegion, is_national};
use serde::Deserialize;

pub struct RegionRow {
    pub href: String,
    pub name: String,
    pub status: String,
}

#[derive(Template)]
#[template(path = "regions/manage_list.html")]
pub struct ListPage {
    layout: Layout,
    regions: Vec<RegionRow>,
}

/// `GET /beheer/regio`: the regions this person may manage.
pub async fn list(State(state): State<AppState>, ui: Page, SignedIn(viewer): SignedIn) -> Response {
    let Page { tr, uri, .. } = ui;
    let idx = state.index();
    let mut regions: Vec<RegionRow> = idx
        .regions
        .all()
        .iter()
        .filter(|r| {
            policy::allows(
                &viewer.memberships,
                Action::ManageRegion,
                Target::Region(&r.code),
            )
        })
        .map(|r| RegionRow {
            href: format!("/beheer/regio/{}", r.code),
            name: r.name.get(tr.lang).to_string(),
            status: tr.t(&format!("regionadmin-status-{}", r.status.as_str())),
        })
        .collect();
    tr.sort_by_key(&mut regions, |r| &r.name);
    let layout = Layout::new(
        tr.clone(),
        tr.t("regionadmin-list-title"),
        "staff",
        uri.path(),
        uri.query(),
    );
    render(StatusCode::OK, &ListPage { layout, regions })
}

pub struct MenuRow {
    pub service: String,
    pub name: String,
    pub contributor: String,
}

#[derive(Template)]
#[template(path = "regions/manage.html")]
pub struct ManagePage {
    layout: Layout,
    code: String,
    public: Option<String>,
    status: String,
    version: i64,
    token: String,
    menu: Vec<MenuRow>,
    addable: Vec<(String, String)>,
    look_name: String,
    look_colour: String,
    /// The current logo's address, when the region has one.
    logo: Option<String>,
    errors: Errors,
    saved: bool,
    conflict: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Saved {
    pub saved: String,
}

pub(super) struct Shown<'a> {
    pub tr: &'a Tr,
    pub uri: &'a axum::http::Uri,
    pub viewer: &'a Viewer,
}

#[allow(clippy::too_many_arguments)]
fn page(
    state: &AppState,
    shown: &Shown,
    region: &LabourMarketRegion,
    version: i64,
    look: (String, String),
    errors: Errors,
    saved: bool,
    conflict: bool,
) -> ManagePage {
    let tr = shown.tr;
    let lang = tr.lang;
    let idx = state.index();
    let org_name = |id: &str| {
        idx.organization(id)
            .map(|o| o.name.clone())
            .unwrap_or_default()
    };
    let mut menu: Vec<MenuRow> = region
        .menu
        .iter()
        .filter_map(|m| {
            let s = idx.service(&m.service)?;
            Some(MenuRow {
                service: s.id.clone(),
                name: s.name.get(lang).to_string(),
                contributor: org_name(&m.contributor),
            })
        })
        .collect();
    tr.sort_by_key(&mut menu, |m| &m.name);
    let mut addable: Vec<(String, String)> = idx
        .services()
        .iter()
        .filter(|s| !is_national(s) && !region.menu.iter().any(|m| m.service == s.id))
        .map(|s| {
            (
                s.id.clone(),
                format!("{} ({})", s.name.get(lang), org_name(&s.organization_id)),
            )
        })
        .collect();
    tr.sort_by_key(&mut addable, |a| &a.1);
    let name = region.name.get(lang).to_string();
    ManagePage {
        layout: Layout::new(
            tr.clone(),
            tr.s("regionadmin-title", &[("region", name)]),
            "staff",
            shown.uri.path(),
            shown.uri.query(),
        ),
        code: region.code.clone(),
        public: region.is_live().then(|| region.path()),
        status: tr.t(&format!("regionadmin-status-{}", region.status.as_str())),
        version,
        token: state.form_token(shown.viewer),
        menu,
        addable,
        look_name: look.0,
        look_colour: look.1,
        logo: region
            .look
            .logo
            .as_ref()
            .map(|_| format!("{}/logo?v={version}", region.path())),
        errors,
        saved,
        conflict,
    }
}

fn look_of(region: &LabourMarketRegion) -> (String, String) {
    (
        region.look.name.clone().unwrap_or_default(),
        region.look.colour.clone().unwrap_or_default(),
    )
}

/// `GET /beheer/regio/{code}`.
pub async fn edit(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(code): Path<String>,
    Query(q): Query<Saved>,
) -> Response {
    let Page { tr, uri, .. } = ui;
    let (region, version) = match menu::current(&state, &code).await {
        Ok(found) => found,
        Err(e) => return failure(e),
    };
    let shown = Shown {
        tr: &tr,
        uri: &uri,
        viewer: &viewer,
    };
    let p = page(
        &state,
        &shown,
        &region,
        version,
        look_of(&region),
        Errors::default(),
        q.saved == "1",
        false,
    );
    render(StatusCode::OK, &p)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ChangeForm {
    pub token: String,
    pub version: String,
    /// `add`, `remove` or `look`.
    pub action: String,
    pub service: String,
    pub name: String,
    pub colour: String,
}

/// `POST /beheer/regio/{code}`: one change to the menu or the look.
pub async fn save(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(code): Path<String>,
    CheckedForm(form): CheckedForm<ChangeForm>,
) -> Response {
    let Page { tr, uri, .. } = ui;
    let expected: i64 = form.version.parse().unwrap_or(-1);
    let change = match form.action.as_str() {
        "add" => Change::Add {
            service: form.service.clone(),
            contributor: None,
        },
        "remove" => Change::Remove {
            service: form.service.clone(),
        },
        _ => Change::Look {
            name: form.name.clone(),
            colour: form.colour.clone(),
        },
    };
    let outcome = menu::change(&state, &code, change, expected, &viewer.account.id).await;
    let shown = Shown {
        tr: &tr,
        uri: &uri,
        viewer: &viewer,
    };
    let typed = (form.action == "look").then(|| (form.name.clone(), form.colour.clone()));
    answer(&state, &shown, &code, outcome, typed).await
}

/// The answer to a change of a region's menu, look or logo: back to the page when
/// saved; else the page again with each problem next to its field (and the look
/// as typed, when it was the look), or the conflict notice.
pub(super) async fn answer(
    state: &AppState,
    shown: &Shown<'_>,
    code: &str,
    outcome: Result<i64, AppError>,
    typed_look: Option<(String, String)>,
) -> Response {
    let (region, version) = match menu::current(state, code).await {
        Ok(found) => found,
        Err(e) => return failure(e),
    };
    match outcome {
        Ok(_) => Redirect::to(&format!("/beheer/regio/{code}?saved=1")).into_response(),
        Err(AppError::Invalid(problems)) => {
            let mut errors = Errors::default();
            for p in problems {
                let field = match p.field {
                    "look.colour" => "colour",
                    "look.name" => "name",
                    "look.logo" => "logo",
                    _ => "service",
                };
                let message = shown.tr.t(&format!("regionadmin-error-{}", p.problem));
                errors.add(field, message);
            }
            let look = typed_look.unwrap_or_else(|| look_of(&region));
            let p = page(state, shown, &region, version, look, errors, false, false);
            render(StatusCode::BAD_REQUEST, &p)
        }
        Err(AppError::Conflict { .. }) => {
            let look = look_of(&region);
            let p = page(
                state,
                shown,
                &region,
                version,
                look,
                Errors::default(),
                false,
                true,
            );
            render(StatusCode::CONFLICT, &p)
        }
        Err(e) => failure(e),
    }
}
