//! A visitor asks a service to contact them (the public callback request).
//!
//! It becomes a referral from the front door in the organisation's inbox, like
//! any other, and the visitor gets what a person needs to trust it: a reference
//! to quote, the date by which the organisation answers (its service level),
//! and, when they gave an e-mail address, a confirmation by mail.

use super::{ReferError, refer};
use crate::App;
use crate::mail::{self, Mail};
use chrono::NaiveDate;
use loket_domain::phone::ContactAddress;
use loket_domain::referral::{Referral, ReferralRequest};
use loket_i18n::FluentArg;

/// What the visitor is told after sending the request.
#[derive(Debug, Clone)]
pub struct Confirmation {
    /// Short and readable, for the phone: `B6C0-8505`.
    pub reference: String,
    /// The date by which the organisation gets in touch.
    pub answer_by: Option<NaiveDate>,
    /// A confirmation went to the visitor's e-mail address.
    pub mailed: bool,
}

/// The reference a visitor quotes: the first eight characters of the referral's
/// id, so staff find it by the start of the id.
pub fn reference(r: &Referral) -> String {
    let head: String =
        r.id.chars()
            .filter(char::is_ascii_alphanumeric)
            .take(8)
            .collect::<String>()
            .to_uppercase();
    match head.split_at_checked(4) {
        Some((a, b)) => format!("{a}-{b}"),
        None => head,
    }
}

/// Stores the request as a referral from the front door and confirms it; `lang`
/// is the visitor's language, for the mail.
pub async fn request(
    app: &App,
    request: &ReferralRequest,
    lang: &str,
) -> Result<Confirmation, ReferError> {
    // Stored as the organisation will use it: a number in international form
    // (callable from either side of the border), an address in lower case.
    let mut request = request.clone();
    if let Some(contact) = ContactAddress::parse(&request.contact) {
        request.contact = match contact {
            ContactAddress::Email(e) | ContactAddress::Phone(e) => e,
        };
    }
    let request = &request;
    let r = refer(app, None, request).await?;
    let confirmation = Confirmation {
        reference: reference(&r),
        answer_by: r.due_on,
        mailed: false,
    };
    let Some(ContactAddress::Email(to)) = ContactAddress::parse(&request.contact) else {
        return Ok(confirmation);
    };
    let mail = confirmation_mail(app, &r, &confirmation, &to, lang);
    // The request is stored and in the inbox; a mail that cannot be queued is
    // not worth failing it for, and the page shows the same facts.
    let mailed = match mail::enqueue(app, &mail).await {
        Ok(()) => true,
        Err(e) => {
            tracing::warn!(error = %e, "queueing a callback confirmation failed");
            false
        }
    };
    Ok(Confirmation {
        mailed,
        ..confirmation
    })
}

fn confirmation_mail(app: &App, r: &Referral, c: &Confirmation, to: &str, lang: &str) -> Mail {
    let idx = app.index();
    let service = idx.service(&r.service_id);
    let service_name = service
        .map(|s| s.name.get(lang.parse().unwrap_or_default()).to_string())
        .unwrap_or_default();
    let organization = idx
        .organization(&r.receiver_org)
        .map(|o| o.name.clone())
        .unwrap_or_default();
    let answer_by = c
        .answer_by
        .map(|d| {
            use chrono::Datelike;
            app.i18n.date(lang, d.year(), d.month(), d.day())
        })
        .unwrap_or_default();
    let arg = |k: &'static str, v: &str| (k, FluentArg::Str(v.to_string()));
    let args = [
        arg("reference", &c.reference),
        arg("service", &service_name),
        arg("organization", &organization),
        arg("date", &answer_by),
        arg(
            "link",
            &format!("{}/diensten/{}?lang={lang}", app.public_url, r.service_id),
        ),
    ];
    Mail {
        to: to.to_string(),
        subject: app.i18n.t_args(lang, "mail-callback-subject", &args),
        body: app.i18n.t_args(lang, "mail-callback-body", &args),
        unsubscribe: None,
        calendar: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reference_is_the_start_of_the_id_in_two_groups() {
        let mut r = placeholder();
        r.id = "b6c08505-d5ef-54ee-b2b4-0c34239fa8c4".into();
        assert_eq!(reference(&r), "B6C0-8505");
    }

    fn placeholder() -> Referral {
        let request = ReferralRequest {
            service_id: "s".into(),
            name: "Dana".into(),
            contact: "dana@example.org".into(),
            language: "de".into(),
            note: "?".into(),
            basis: "consent".into(),
            purpose: "p".into(),
            previous_id: None,
        };
        loket_domain::referral::create(
            "x".into(),
            &request,
            loket_domain::referral::Source::FrontDoor,
            "o".into(),
            loket_domain::referral::Actor {
                account_id: "front-door",
                organization_id: None,
            },
            0,
            NaiveDate::from_ymd_opt(2026, 12, 2).unwrap_or_default(),
            Default::default(),
        )
        .0
    }
}
