//! Registering for a date of an event, without an account: a name, an e-mail
//! address and how many come. A place while places last, else the waiting
//! list; each mail carries its own link (only its hash is kept) to cancel, or
//! to take a place offered when someone else cancels. A freed place is held
//! for the next in line for the event's hold time, then passes on.

use crate::mail::Mail;
use crate::{App, AppError, AppResult};
use loket_domain::Lang;
use loket_domain::account::Email;
use loket_domain::referral::FieldProblem;
use loket_events::waiting::MAX_PARTY;
use loket_i18n::FluentArg;
use loket_store::StoreError;
use loket_store::events::{
    EventDate, LinkMail, NewRegistration, Registration, RegistrationStatus, Reminder, StoredEvent,
};
use std::collections::HashMap;

/// The job kind of the regular run: offers not taken in time pass on, and
/// reminders go out a week and a day before.
pub const JOB: &str = "events";

/// What a visitor enters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RegistrationInput {
    pub name: String,
    pub email: String,
    /// How many come (the visitor included), as typed.
    pub party: String,
    pub consent: bool,
}

/// A registration with the date and event it is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Booking {
    pub registration: Registration,
    pub date: EventDate,
    pub event: StoredEvent,
}

/// Registers for a date; what was booked (a place or the waiting list).
pub async fn register(
    app: &App,
    date_id: &str,
    input: &RegistrationInput,
    lang: Lang,
) -> AppResult<Booking> {
    let date = app
        .store
        .event_date(date_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let event = app
        .store
        .event(&date.event_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut problems = Vec::new();
    let name = input.name.trim();
    if name.is_empty() {
        problems.push(problem("name", "required"));
    } else if name.chars().count() > 120 {
        problems.push(problem("name", "too-long"));
    }
    let email = Email::parse(&input.email);
    if email.is_none() {
        problems.push(problem("email", "invalid"));
    }
    let party = input
        .party
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|p| (1..=MAX_PARTY).contains(p));
    if party.is_none() {
        problems.push(problem("party", "range"));
    }
    if !input.consent {
        problems.push(problem("consent", "required"));
    }
    if event.cancelled || date.cancelled || date.starts_at <= app.clock.unix() {
        problems.push(problem("date", "closed"));
    }
    let (Some(email), Some(party)) = (email, party) else {
        return Err(AppError::Invalid(problems));
    };
    if !problems.is_empty() {
        return Err(AppError::Invalid(problems));
    }
    let token = loket_auth::secrets::new_token();
    let id = uuid::Uuid::new_v4().to_string();
    let checkin_code = checkin_code();
    let to = email.as_str().to_string();
    let words = Words::new(app, lang, &event, &date);
    let link = manage_link(app, &token, lang);
    let confirmed = Mail {
        to: to.clone(),
        subject: words.t("event-mail-confirmed-subject", &[]),
        body: words.t(
            "event-mail-confirmed-body",
            &[
                ("places", FluentArg::Num(i64::from(party))),
                ("code", FluentArg::Str(checkin_code.clone())),
                ("link", FluentArg::Str(link.clone())),
            ],
        ),
        unsubscribe: None,
        calendar: Some(crate::events::feed::date_ics(app, &event, &date)),
    };
    let waiting = Mail {
        to: to.clone(),
        subject: words.t("event-mail-waiting-subject", &[]),
        body: words.t(
            "event-mail-waiting-body",
            &[
                ("hours", FluentArg::Num(event.hold_hours)),
                ("link", FluentArg::Str(link)),
            ],
        ),
        unsubscribe: None,
        calendar: None,
    };
    let new = NewRegistration {
        id,
        date_id: date.id.clone(),
        party: i64::from(party),
        name: name.to_string(),
        email: to,
        lang: lang.code().to_string(),
        checkin_code,
        link_hash: loket_auth::secrets::hash_secret(&token),
        mail_if_confirmed: json(&confirmed)?,
        mail_if_waiting: json(&waiting)?,
    };
    let registration = app
        .store
        .register(&new, app.clock.unix())
        .await?
        .ok_or_else(|| AppError::invalid("date", "closed"))?;
    Ok(Booking {
        registration,
        date,
        event,
    })
}

/// What a mailed link stands for (to show before anything is done).
pub async fn by_link(app: &App, token: &str) -> AppResult<Option<Booking>> {
    let hash = loket_auth::secrets::hash_secret(token);
    let Some(registration) = app.store.registration_by_link(&hash).await? else {
        return Ok(None);
    };
    booking(app, registration).await
}

/// Cancels the registration of a mailed link; the places it frees are offered
/// to the next in line at once. `false`: nothing left to cancel.
pub async fn cancel(app: &App, token: &str) -> AppResult<bool> {
    let Some(b) = by_link(app, token).await? else {
        return Err(AppError::NotFound);
    };
    let offer = |r: &Registration| offer_mail(app, &b.event, &b.date, r);
    let offered = app
        .store
        .cancel_registration(&b.registration.id, app.clock.unix(), &offer)
        .await?;
    Ok(offered.is_some())
}

/// Takes the place a mailed link's registration was offered. `false`: the
/// offer has ended or was taken already.
pub async fn accept(app: &App, token: &str) -> AppResult<bool> {
    let Some(b) = by_link(app, token).await? else {
        return Err(AppError::NotFound);
    };
    Ok(app
        .store
        .accept_offer(&b.registration.id, app.clock.unix())
        .await?)
}

/// The regular run: offers pass on, reminders go out. How many mails were queued.
pub async fn run(app: &App) -> Result<usize, StoreError> {
    Ok(expire_offers(app).await? + remind(app).await?)
}

/// Reminders to those with a place: a week before (to whoever registered
/// before the date came within the week) and a day before (to whoever did
/// not register in the last two hours).
async fn remind(app: &App) -> Result<usize, StoreError> {
    const DAY: i64 = 86_400;
    let now = app.clock.unix();
    let coming = Coming::load(app, now).await?;
    let mail = |r: &Registration| coming.mail(r, |e, d, r| reminder_mail(app, e, d, r));
    let mut sent = 0;
    for (which, from, to, made_before) in [
        (Reminder::Week, now + 6 * DAY, now + 7 * DAY, now),
        (Reminder::Day, now, now + DAY, now - 2 * 3600),
    ] {
        sent += app
            .store
            .queue_reminders(which, from, to, made_before, now, &mail)
            .await?
            .len();
    }
    Ok(sent)
}

/// The events with dates still to come, for the mails of the regular run.
struct Coming {
    events: HashMap<String, StoredEvent>,
    dates: HashMap<String, EventDate>,
}

impl Coming {
    async fn load(app: &App, now: i64) -> Result<Coming, StoreError> {
        let events = app.store.events().await?;
        let dates = app.store.dates_from(now).await?;
        Ok(Coming {
            events: events.into_iter().map(|e| (e.id.clone(), e)).collect(),
            dates: dates.into_iter().map(|d| (d.id.clone(), d)).collect(),
        })
    }

    /// The mail `make` writes for a registration of a date to come. Offers and
    /// reminders are only for dates to come, so the date is always found; were
    /// it not, the job would carry no mail rather than a wrong one.
    fn mail(
        &self,
        r: &Registration,
        make: impl Fn(&StoredEvent, &EventDate, &Registration) -> LinkMail,
    ) -> LinkMail {
        let date = self.dates.get(&r.date_id);
        match date.and_then(|d| self.events.get(&d.event_id).map(|e| (e, d))) {
            Some((e, d)) => make(e, d, r),
            None => LinkMail {
                link_hash: loket_auth::secrets::hash_secret(&loket_auth::secrets::new_token()),
                mail_job: String::new(),
            },
        }
    }
}

/// The reminder before a date, with a new link to cancel.
fn reminder_mail(app: &App, event: &StoredEvent, date: &EventDate, r: &Registration) -> LinkMail {
    let token = loket_auth::secrets::new_token();
    let lang: Lang = r.lang.parse().unwrap_or_default();
    let words = Words::new(app, lang, event, date);
    let mail = Mail {
        to: r.email.clone(),
        subject: words.t("event-mail-reminder-subject", &[]),
        body: words.t(
            "event-mail-reminder-body",
            &[
                ("code", FluentArg::Str(r.checkin_code.clone())),
                ("link", FluentArg::Str(manage_link(app, &token, lang))),
            ],
        ),
        unsubscribe: None,
        calendar: None,
    };
    LinkMail {
        link_hash: loket_auth::secrets::hash_secret(&token),
        mail_job: serde_json::to_string(&mail).unwrap_or_default(),
    }
}

/// Offers not taken in time pass to the next in line; how many new offers were mailed.
async fn expire_offers(app: &App) -> Result<usize, StoreError> {
    let now = app.clock.unix();
    let coming = Coming::load(app, now).await?;
    let offer = |r: &Registration| coming.mail(r, |e, d, r| offer_mail(app, e, d, r));
    Ok(app.store.expire_offers(now, &offer).await?.len())
}

async fn booking(app: &App, registration: Registration) -> AppResult<Option<Booking>> {
    let Some(date) = app.store.event_date(&registration.date_id).await? else {
        return Ok(None);
    };
    let Some(event) = app.store.event(&date.event_id).await? else {
        return Ok(None);
    };
    Ok(Some(Booking {
        registration,
        date,
        event,
    }))
}

/// The mail offering a freed place, with a new link of its own.
fn offer_mail(app: &App, event: &StoredEvent, date: &EventDate, r: &Registration) -> LinkMail {
    let until = r.offered_until.unwrap_or(date.starts_at);
    let token = loket_auth::secrets::new_token();
    let lang: Lang = r.lang.parse().unwrap_or_default();
    let words = Words::new(app, lang, event, date);
    let mail = Mail {
        to: r.email.clone(),
        subject: words.t("event-mail-offer-subject", &[]),
        body: words.t(
            "event-mail-offer-body",
            &[
                ("until", FluentArg::Str(when(app, lang, until))),
                ("link", FluentArg::Str(manage_link(app, &token, lang))),
            ],
        ),
        unsubscribe: None,
        calendar: None,
    };
    LinkMail {
        link_hash: loket_auth::secrets::hash_secret(&token),
        mail_job: serde_json::to_string(&mail).unwrap_or_default(),
    }
}

/// The event's facts every mail names, in the reader's language.
struct Words<'a> {
    app: &'a App,
    lang: Lang,
    base: Vec<(&'static str, String)>,
}

impl<'a> Words<'a> {
    fn new(app: &'a App, lang: Lang, event: &StoredEvent, date: &EventDate) -> Self {
        let place = event
            .location_id
            .as_deref()
            .and_then(|id| {
                app.index()
                    .location(id)
                    .map(|l| l.name.get(lang).to_string())
            })
            .or_else(|| event.online_url.clone())
            .unwrap_or_default();
        Words {
            app,
            lang,
            base: vec![
                ("title", event.title.clone()),
                ("when", when(app, lang, date.starts_at)),
                ("place", place),
            ],
        }
    }

    fn t(&self, key: &str, more: &[(&'static str, FluentArg)]) -> String {
        let args: Vec<(&str, FluentArg)> = self
            .base
            .iter()
            .map(|(k, v)| (*k, FluentArg::Str(v.clone())))
            .chain(more.iter().cloned())
            .collect();
        self.app.i18n.t_args(self.lang.code(), key, &args)
    }
}

/// A moment as the reader's calendar shows it: the date in words and the local time.
pub fn when(app: &App, lang: Lang, at: i64) -> String {
    use chrono::Datelike;
    let Some(utc) = chrono::DateTime::from_timestamp(at, 0) else {
        return String::new();
    };
    let local = loket_events::schedule::to_local(utc);
    let day = app
        .i18n
        .date(lang.code(), local.year(), local.month(), local.day());
    format!("{day}, {}", local.format("%H:%M"))
}

/// The page a mailed link opens: the registration, to cancel or take a place.
fn manage_link(app: &App, token: &str, lang: Lang) -> String {
    format!(
        "{}/aanmelding/{token}?lang={}",
        app.public_url.trim_end_matches('/'),
        lang.code()
    )
}

/// The code shown at the door (and in the QR code): 10 characters, no look-alikes.
fn checkin_code() -> String {
    const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    let token = loket_auth::secrets::new_token();
    token
        .bytes()
        .take(10)
        .map(|b| ALPHABET[b as usize % ALPHABET.len()] as char)
        .collect()
}

fn problem(field: &'static str, problem: &'static str) -> FieldProblem {
    FieldProblem { field, problem }
}

fn json(mail: &Mail) -> AppResult<String> {
    serde_json::to_string(mail).map_err(|e| AppError::Unavailable(e.to_string()))
}

impl Booking {
    /// Whether the registration can still be cancelled.
    pub fn open(&self) -> bool {
        matches!(
            self.registration.status,
            RegistrationStatus::Confirmed
                | RegistrationStatus::Waiting
                | RegistrationStatus::Offered
        )
    }
}
