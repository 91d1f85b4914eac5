//! The page a registration's mailed link opens (`/aanmelding/{token}`): what
//! was booked, with its code at the door (and QR code), and buttons to cancel
//! or to take an offered place. Opening the link changes nothing (a mail
//! program that follows links cancels no one); the buttons post a signed form.

use super::words;
use crate::AppState;
use crate::pages::view::{Layout, Page, render};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use loket_app::events::registration::{self, Booking};
use loket_store::events::RegistrationStatus;
use serde::Deserialize;

const BOOKING_FORM: &str = "event-booking";

#[derive(Template)]
#[template(path = "events/booking.html")]
pub struct BookingPage {
    layout: Layout,
    token: String,
    form_token: String,
    event_id: String,
    title: String,
    when: String,
    place: String,
    status: String,
    message: Option<String>,
    code: Option<String>,
    qr: Option<String>,
    can_accept: bool,
    can_cancel: bool,
}

fn page(
    state: &AppState,
    ui: &Page,
    token: &str,
    b: &Booking,
    message: Option<String>,
) -> BookingPage {
    let r = &b.registration;
    let status = match r.status {
        RegistrationStatus::Confirmed => ui.tr.n(
            "ev-booking-status-confirmed",
            "places",
            usize::try_from(r.party).unwrap_or(1),
        ),
        RegistrationStatus::Waiting => ui.tr.t("ev-booking-status-waiting"),
        RegistrationStatus::Offered => ui.tr.s(
            "ev-booking-status-offered",
            &[(
                "until",
                registration::when(state, ui.lang, r.offered_until.unwrap_or(b.date.starts_at)),
            )],
        ),
        RegistrationStatus::Cancelled => ui.tr.t("ev-booking-status-cancelled"),
        RegistrationStatus::Expired => ui.tr.t("ev-booking-status-expired"),
    };
    let confirmed = r.status == RegistrationStatus::Confirmed;
    let code = confirmed.then(|| ui.tr.s("ev-code", &[("code", r.checkin_code.clone())]));
    let qr = confirmed
        .then(|| crate::present::qr::svg(&r.checkin_code, code.as_deref().unwrap_or_default()))
        .flatten();
    // The token is the credential: the language switch must not carry it on.
    BookingPage {
        layout: Layout::new(
            ui.tr.clone(),
            ui.tr.t("ev-booking-title"),
            "events",
            "/evenementen",
            None,
        ),
        token: token.to_string(),
        form_token: state.csrf.token(BOOKING_FORM, state.clock.unix()),
        event_id: b.event.id.clone(),
        title: b.event.title.clone(),
        when: registration::when(state, ui.lang, b.date.starts_at),
        place: words::place(state, ui.lang, &b.event),
        status,
        message,
        code,
        qr,
        can_accept: r.status == RegistrationStatus::Offered,
        can_cancel: b.open() && b.date.starts_at > state.clock.unix(),
    }
}

#[derive(Template)]
#[template(path = "events/booking_unknown.html")]
pub struct UnknownPage {
    layout: Layout,
}

fn unknown(ui: &Page) -> Response {
    let page = UnknownPage {
        layout: Layout::new(
            ui.tr.clone(),
            ui.tr.t("ev-booking-title"),
            "events",
            "/evenementen",
            None,
        ),
    };
    render(StatusCode::NOT_FOUND, &page)
}

async fn show(
    state: &AppState,
    ui: &Page,
    token: &str,
    message: Option<String>,
    status: StatusCode,
) -> Response {
    match registration::by_link(state, token).await {
        Ok(Some(b)) => render(status, &page(state, ui, token, &b, message)),
        Ok(None) => unknown(ui),
        Err(e) => crate::error::failure(e),
    }
}

pub async fn booking(
    State(state): State<AppState>,
    ui: Page,
    Path(token): Path<String>,
) -> Response {
    show(&state, &ui, &token, None, StatusCode::OK).await
}

#[derive(Debug, Default, Deserialize)]
pub struct BookingForm {
    #[serde(default)]
    token: String,
}

fn checked(
    state: &AppState,
    form: Result<axum::Form<BookingForm>, axum::extract::rejection::FormRejection>,
) -> bool {
    let form = form.map(|f| f.0).unwrap_or_default();
    state
        .csrf
        .verify(BOOKING_FORM, &form.token, state.clock.unix())
}

pub async fn cancel(
    State(state): State<AppState>,
    ui: Page,
    Path(token): Path<String>,
    form: Result<axum::Form<BookingForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    if !checked(&state, form) {
        return show(
            &state,
            &ui,
            &token,
            Some(ui.tr.t("feedback-error-expired")),
            StatusCode::FORBIDDEN,
        )
        .await;
    }
    match registration::cancel(&state, &token).await {
        Ok(true) => {
            show(
                &state,
                &ui,
                &token,
                Some(ui.tr.t("ev-booking-cancelled")),
                StatusCode::OK,
            )
            .await
        }
        Ok(false) => show(&state, &ui, &token, None, StatusCode::CONFLICT).await,
        Err(loket_app::AppError::NotFound) => unknown(&ui),
        Err(e) => crate::error::failure(e),
    }
}

pub async fn accept(
    State(state): State<AppState>,
    ui: Page,
    Path(token): Path<String>,
    form: Result<axum::Form<BookingForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    if !checked(&state, form) {
        return show(
            &state,
            &ui,
            &token,
            Some(ui.tr.t("feedback-error-expired")),
            StatusCode::FORBIDDEN,
        )
        .await;
    }
    match registration::accept(&state, &token).await {
        Ok(true) => {
            show(
                &state,
                &ui,
                &token,
                Some(ui.tr.t("ev-booking-accepted")),
                StatusCode::OK,
            )
            .await
        }
        Ok(false) => {
            show(
                &state,
                &ui,
                &token,
                Some(ui.tr.t("ev-booking-too-late")),
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(loket_app::AppError::NotFound) => unknown(&ui),
        Err(e) => crate::error::failure(e),
    }
}
