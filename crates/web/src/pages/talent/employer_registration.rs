//! Employers register (`/werkgevers/aanmelden`); programme staff verify them.

use crate::AppState;
use crate::error::failure;
use crate::pages::forms::csrf_refused;
use crate::pages::forms::{ClientKey, Errors};
use crate::pages::talent::shared::{
    EMPLOYER_FORM, checked, errors_from, municipality_options, notice, one, registration_throttled,
};
use crate::pages::view::Page;
use crate::pages::view::{Layout, Opt, render};
use crate::present::Tr;
use askama::Template;
use axum::extract::State;
use axum::http::{StatusCode, Uri};
use axum::response::Response;
use loket_app::limits;
use loket_app::talent::recruitment::{self, CaseError, EmployerRegistration};
use loket_domain::talent::employer::{EmployerInput, Sector, Size};

// ------------------------------------------------------------------ employer registration

#[derive(Template)]
#[template(path = "talent/employer_register.html")]
pub struct EmployerRegisterPage {
    layout: Layout,
    token: String,
    name: String,
    kvk_number: String,
    sectors: Vec<Opt>,
    sizes: Vec<Opt>,
    municipalities: Vec<Opt>,
    recognised_sponsor: bool,
    display_name: String,
    email: String,
    errors: Errors,
}

pub(crate) fn employer_register_page(
    state: &AppState,
    tr: &Tr,
    uri: &Uri,
    r: &EmployerRegistration,
    errors: Errors,
) -> EmployerRegisterPage {
    let e = &r.employer;
    EmployerRegisterPage {
        layout: Layout::new(
            tr.clone(),
            tr.t("employer-register-title"),
            "vacancies",
            uri.path(),
            uri.query(),
        ),
        token: state.csrf.token(EMPLOYER_FORM, state.clock.unix()),
        name: e.name.clone(),
        kvk_number: e.kvk_number.clone(),
        sectors: std::iter::once(Opt {
            value: String::new(),
            label: tr.t("choose"),
            selected: e.sector.is_empty(),
        })
        .chain(Sector::ALL.iter().map(|s| Opt {
            value: s.code().into(),
            label: tr.t(&format!("sector-{}", s.code())),
            selected: s.code() == e.sector,
        }))
        .collect(),
        sizes: std::iter::once(Opt {
            value: String::new(),
            label: tr.t("choose"),
            selected: e.size.is_empty(),
        })
        .chain(Size::ALL.iter().map(|s| Opt {
            value: s.code().into(),
            label: tr.t(&format!("size-{}", s.code())),
            selected: s.code() == e.size,
        }))
        .collect(),
        municipalities: municipality_options(state, &e.municipality, Some(tr.t("choose"))),
        recognised_sponsor: e.recognised_sponsor,
        display_name: r.display_name.clone(),
        email: r.email.clone(),
        errors,
    }
}

pub async fn employer_register_form(State(state): State<AppState>, ui: Page) -> Response {
    let Page { tr, uri, .. } = ui;
    render(
        StatusCode::OK,
        &employer_register_page(
            &state,
            &tr,
            &uri,
            &EmployerRegistration::default(),
            Errors::default(),
        ),
    )
}

pub async fn employer_register(
    State(state): State<AppState>,
    ui: Page,
    client: ClientKey,
    form: Result<axum::Form<Vec<(String, String)>>, axum::extract::rejection::FormRejection>,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let pairs = form.map(|f| f.0).unwrap_or_default();
    if !state
        .csrf
        .verify(EMPLOYER_FORM, &one(&pairs, "token"), state.clock.unix())
    {
        return csrf_refused(&state, lang);
    }
    let r = EmployerRegistration {
        employer: EmployerInput {
            name: one(&pairs, "name"),
            kvk_number: one(&pairs, "kvk_number"),
            sector: one(&pairs, "sector"),
            size: one(&pairs, "size"),
            municipality: one(&pairs, "municipality"),
            recognised_sponsor: checked(&pairs, "recognised_sponsor"),
        },
        email: one(&pairs, "email"),
        display_name: one(&pairs, "display_name"),
        password: pairs
            .iter()
            .find(|(k, _)| k == "password")
            .map(|(_, v)| v.clone())
            .unwrap_or_default(),
    };
    let rate_key = format!("employer-registration:{}", client.0);
    match limits::last_hour(&state, &rate_key).await {
        Ok(n) if registration_throttled(&rate_key, n) => {
            let mut errors = Errors::default();
            errors.add("form", tr.t("form-error-rate-limited"));
            return render(
                StatusCode::TOO_MANY_REQUESTS,
                &employer_register_page(&state, &tr, &uri, &r, errors),
            );
        }
        Ok(_) => {}
        Err(e) => return failure(e),
    }
    match recruitment::register_employer(&state, &r).await {
        Ok(_) => {
            if let Err(e) = limits::count(&state, &rate_key).await {
                tracing::warn!(error = %e, "counting a registration failed");
            }
            notice(
                &state,
                &tr,
                &uri,
                tr.t("employer-registered-title"),
                tr.t("employer-registered"),
                vec![(
                    format!("/aanmelden?next=/werkgever&lang={}", lang.code()),
                    tr.t("signin-title"),
                )],
            )
        }
        Err(CaseError::Invalid(problems)) => render(
            StatusCode::BAD_REQUEST,
            &employer_register_page(&state, &tr, &uri, &r, errors_from(&tr, &problems)),
        ),
        Err(CaseError::Store(e)) => failure(e),
        Err(_) => failure(loket_store::StoreError::Unavailable("registration".into())),
    }
}
