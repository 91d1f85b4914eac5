//! Subscriptions to the quarterly report: someone who may see a scope's results
//! (a funder, a coordinator) asks for them by e-mail; after each quarter the
//! daily job mails a link to that quarter's results and to its PDF, with an
//! unsubscribe link that works without signing in. Each mail carries its own
//! unsubscribe token; only its hash is stored.

use crate::referrals::figures_scope::{self, FiguresScope};
use crate::{App, AppError, AppResult};
use loket_domain::Lang;
use loket_domain::account::Membership;
use loket_domain::audit::AuditResult;
use loket_domain::monitoring::period::Quarter;
use loket_i18n::FluentArg;
use loket_store::StoreError;
use loket_store::subscriptions::{QuarterlyMail, Subscription};

/// The job kind of the daily run that mails the reports of an ended quarter.
pub const JOB: &str = "quarterly-reports";

/// The scope as the dashboard names it in its address: empty for the network,
/// `regio:{code}`, or an organisation's id.
pub fn scope_code(scope: &FiguresScope) -> String {
    match scope {
        FiguresScope::Network => String::new(),
        FiguresScope::Region(code) => format!("regio:{code}"),
        FiguresScope::Organization(o) => o.clone(),
    }
}

/// The scope a code names, when the person may see its results.
fn allowed_scope(app: &App, memberships: &[Membership], code: &str) -> Option<FiguresScope> {
    let idx = app.index();
    let (region, org) = match code.strip_prefix("regio:") {
        Some(r) => (Some(r), None),
        None => (None, Some(code).filter(|c| !c.is_empty())),
    };
    let choice = figures_scope::choose(memberships, &idx, region, org)?;
    let asked = match (region, org) {
        (Some(r), _) => FiguresScope::Region(r.to_string()),
        (_, Some(o)) => FiguresScope::Organization(o.to_string()),
        _ => FiguresScope::Network,
    };
    choice.options.contains(&asked).then_some(asked)
}

/// Subscribes an account to a scope's quarterly report, in `lang`. The first
/// mail reports the quarter under way. `Ok(false)`: already subscribed.
pub async fn subscribe(
    app: &App,
    account_id: &str,
    memberships: &[Membership],
    scope: &str,
    lang: Lang,
) -> AppResult<bool> {
    let Some(scope) = allowed_scope(app, memberships, scope) else {
        return Err(AppError::invalid("scope", "unknown"));
    };
    let added = app
        .store
        .subscribe(&Subscription {
            id: uuid::Uuid::new_v4().to_string(),
            account_id: account_id.to_string(),
            scope: scope_code(&scope),
            lang: lang.code().to_string(),
            created_at: app.clock.unix(),
            last_quarter: Quarter::last_ended(app.clock.today()).code(),
        })
        .await?;
    if added {
        app.record_audit(crate::audit::web_event(
            "report.subscribe",
            format!("subscription/{}", scope_code(&scope)),
            AuditResult::Success,
            account_id,
        ))
        .await;
    }
    Ok(added)
}

/// Ends an account's subscription to a scope; `Ok(false)` when there was none.
pub async fn unsubscribe(app: &App, account_id: &str, scope: &str) -> AppResult<bool> {
    let ended = app.store.unsubscribe(account_id, scope).await?;
    if ended {
        app.record_audit(crate::audit::web_event(
            "report.unsubscribe",
            format!("subscription/{scope}"),
            AuditResult::Success,
            account_id,
        ))
        .await;
    }
    Ok(ended)
}

/// The scopes an account receives the quarterly report of.
pub async fn subscribed_scopes(app: &App, account_id: &str) -> AppResult<Vec<String>> {
    Ok(app
        .store
        .subscriptions_of(account_id)
        .await?
        .into_iter()
        .map(|s| s.scope)
        .collect())
}

/// What an unsubscribe link stands for, without using it (to ask "are you sure").
pub async fn by_link(app: &App, token: &str) -> AppResult<Option<Subscription>> {
    Ok(app
        .store
        .subscription_by_link(&loket_auth::secrets::hash_secret(token))
        .await?)
}

/// Ends the subscription of an unsubscribe link; `Ok(false)` for a link of none
/// (unknown, or already used).
pub async fn unsubscribe_by_link(app: &App, token: &str) -> AppResult<bool> {
    let hash = loket_auth::secrets::hash_secret(token);
    let Some(s) = app.store.subscription_by_link(&hash).await? else {
        return Ok(false);
    };
    let ended = app.store.unsubscribe_by_link(&hash).await?;
    if ended {
        app.record_audit(crate::audit::web_event(
            "report.unsubscribe",
            format!("subscription/{}", s.scope),
            AuditResult::Success,
            &s.account_id,
        ))
        .await;
    }
    Ok(ended)
}

/// A scope in words, for a mail.
pub fn scope_name(app: &App, lang: Lang, scope: &str) -> String {
    let idx = app.index();
    if scope.is_empty() {
        return app.i18n.t(lang.code(), "figures-network");
    }
    if let Some(code) = scope.strip_prefix("regio:") {
        return match idx.regions.get(code) {
            Some(r) => app.i18n.t_args(
                lang.code(),
                "figures-region",
                &[("name", FluentArg::Str(r.name.get(lang).to_string()))],
            ),
            None => code.to_string(),
        };
    }
    idx.organization(scope)
        .map(|o| o.name.clone())
        .unwrap_or_else(|| scope.to_string())
}

/// The daily run: mails every subscription the report of the last quarter
/// ended by `today` that it has not had. Returns how many mails were queued.
pub async fn send_due(app: &App, today: chrono::NaiveDate) -> Result<usize, StoreError> {
    let quarter = Quarter::last_ended(today);
    let mut sent = 0;
    for s in app.store.subscriptions_due(&quarter.code()).await? {
        let Some((account, _)) = app.store.account(&s.account_id).await? else {
            continue;
        };
        // A disabled account hears nothing; it gets the quarter of its return.
        if account.disabled {
            continue;
        }
        let token = loket_auth::secrets::new_token();
        let unsubscribe = format!(
            "{}/abonnement/{token}?lang={}",
            app.public_url.trim_end_matches('/'),
            lang_of(&s).code()
        );
        let mail = crate::mail::Mail {
            to: account.email.as_str().to_string(),
            subject: subject(app, &s, quarter),
            body: body(app, &s, quarter, &unsubscribe),
            unsubscribe: Some(unsubscribe),
            calendar: None,
        };
        let queued = app
            .store
            .queue_quarterly_mail(
                &QuarterlyMail {
                    subscription_id: s.id.clone(),
                    quarter: quarter.code(),
                    unsubscribe_hash: loket_auth::secrets::hash_secret(&token),
                    mail_job: serde_json::to_string(&mail)
                        .map_err(|e| StoreError::Corrupt(e.to_string()))?,
                },
                app.clock.unix(),
            )
            .await?;
        sent += usize::from(queued);
    }
    Ok(sent)
}

fn lang_of(s: &Subscription) -> Lang {
    s.lang.parse().unwrap_or_default()
}

fn subject(app: &App, s: &Subscription, quarter: Quarter) -> String {
    let lang = lang_of(s);
    app.i18n.t_args(
        lang.code(),
        "subscription-mail-subject",
        &[
            ("quarter", FluentArg::Str(quarter.code())),
            ("scope", FluentArg::Str(scope_name(app, lang, &s.scope))),
        ],
    )
}

/// The mail: links to the quarter's results and PDF (after signing in), and
/// the unsubscribe link (no sign-in needed). No figures: they are behind the
/// sign-in, where suppression applies to whoever reads them.
fn body(app: &App, s: &Subscription, quarter: Quarter, unsubscribe: &str) -> String {
    let lang = lang_of(s);
    let (first, last) = match quarter.period() {
        Some(p) => (p.first.to_string(), p.last.to_string()),
        None => (String::new(), String::new()),
    };
    let query = form_urlencoded::Serializer::new(String::new())
        .append_pair("org", &s.scope)
        .append_pair("van", &first)
        .append_pair("tot", &last)
        .append_pair("lang", lang.code())
        .finish();
    let base = app.public_url.trim_end_matches('/');
    app.i18n.t_args(
        lang.code(),
        "subscription-mail-body",
        &[
            ("quarter", FluentArg::Str(quarter.code())),
            ("scope", FluentArg::Str(scope_name(app, lang, &s.scope))),
            (
                "results",
                FluentArg::Str(format!("{base}/beheer/resultaten?{query}")),
            ),
            (
                "pdf",
                FluentArg::Str(format!(
                    "{base}/beheer/resultaten/export?{query}&formaat=pdf"
                )),
            ),
            ("unsubscribe", FluentArg::Str(unsubscribe.to_string())),
        ],
    )
}
