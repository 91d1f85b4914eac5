//! The coordinator's completeness list and the request to an organisation's
//! admins to complete and confirm their records (by mail, with what is missing
//! per service and where to fix it).

use crate::mail::{self, Mail};
use crate::{App, AppError, AppResult};
use chrono::Datelike;
use loket_domain::account::Role;
use loket_domain::audit::AuditResult;
use loket_domain::completeness::{self, Gap, ServiceGaps};
use loket_i18n::FluentArg;

/// What became of a request to complete the records.
#[derive(Debug, PartialEq, Eq)]
pub struct Asked {
    /// How many admins were mailed.
    pub mailed: usize,
}

/// Mails every admin of the organisation the list of its services' gaps, in
/// `lang`. Refused (`Invalid`) when the organisation has nothing to complete or
/// no admin in loket to ask; the page then says what to do instead.
pub async fn ask_to_complete(
    app: &App,
    actor: &str,
    organization_id: &str,
    lang: &str,
) -> AppResult<Asked> {
    let idx = app.index();
    let Some(org) = idx.organization(organization_id) else {
        return Err(AppError::NotFound);
    };
    let today = app.clock.today();
    let gaps = completeness::of_organization(&idx, organization_id, today);
    if gaps.is_empty() {
        return Err(AppError::invalid(
            "organization",
            "completeness-nothing-to-ask",
        ));
    }
    let admins = admins_of(app, organization_id).await?;
    if admins.is_empty() {
        return Err(AppError::invalid("organization", "completeness-no-admin"));
    }
    let body = mail_body(app, &org.name, &gaps, lang);
    let subject = app.i18n.t_args(
        lang,
        "mail-completeness-subject",
        &[("organization", FluentArg::Str(org.name.clone()))],
    );
    for to in &admins {
        mail::enqueue(
            app,
            &Mail {
                to: to.clone(),
                subject: subject.clone(),
                body: body.clone(),
                unsubscribe: None,
                calendar: None,
            },
        )
        .await?;
    }
    app.record_audit(crate::audit::web_event(
        "catalogue.completeness_requested",
        format!("organization/{organization_id}"),
        AuditResult::Success,
        actor,
    ))
    .await;
    Ok(Asked {
        mailed: admins.len(),
    })
}

/// The e-mail addresses of the organisation's admins who can sign in.
async fn admins_of(app: &App, organization_id: &str) -> AppResult<Vec<String>> {
    let mut out = Vec::new();
    for account in app.store.organization_members(organization_id).await? {
        if account.disabled {
            continue;
        }
        let is_admin = app.store.memberships(&account.id).await?.iter().any(|m| {
            m.role == Role::OrgAdmin && m.organization_id.as_deref() == Some(organization_id)
        });
        if is_admin {
            out.push(account.email.as_str().to_string());
        }
    }
    Ok(out)
}

fn mail_body(app: &App, organization: &str, gaps: &[ServiceGaps<'_>], lang: &str) -> String {
    let parsed = lang.parse().unwrap_or_default();
    let mut list = String::new();
    for s in gaps {
        list.push_str(&format!(
            "\n* {}\n  {}/beheer/diensten/{}?lang={lang}\n",
            s.service.name.get(parsed),
            app.public_url,
            s.service.id
        ));
        for g in &s.gaps {
            list.push_str(&format!("  - {}\n", describe(app, g, lang)));
        }
    }
    app.i18n.t_args(
        lang,
        "mail-completeness-body",
        &[
            ("organization", FluentArg::Str(organization.to_string())),
            ("list", FluentArg::Str(list)),
            (
                "count",
                FluentArg::Num(i64::try_from(gaps.len()).unwrap_or(i64::MAX)),
            ),
        ],
    )
}

/// A gap in words, in `lang` (the page and the mail say the same).
pub fn describe(app: &App, gap: &Gap, lang: &str) -> String {
    match gap {
        Gap::Unreachable => app.i18n.t(lang, "completeness-gap-unreachable"),
        Gap::NoVisitingAddress => app.i18n.t(lang, "completeness-gap-address"),
        Gap::ChannelsWithoutContact(channels) => {
            let idx = app.index();
            let parsed = lang.parse().unwrap_or_default();
            let names: Vec<String> = channels
                .iter()
                .map(|c| {
                    idx.term(loket_domain::TaxonomyKind::Channel, c)
                        .map_or_else(|| c.clone(), |t| t.name.get(parsed).to_string())
                })
                .collect();
            app.i18n.t_args(
                lang,
                "completeness-gap-channels",
                &[("channels", FluentArg::Str(names.join(", ")))],
            )
        }
        Gap::NotConfirmed(None) => app.i18n.t(lang, "completeness-gap-never-confirmed"),
        Gap::NotConfirmed(Some(d)) => app.i18n.t_args(
            lang,
            "completeness-gap-unconfirmed",
            &[(
                "date",
                FluentArg::Str(app.i18n.date(lang, d.year(), d.month(), d.day())),
            )],
        ),
    }
}
