//! Client contacts registered at a desk (anonymous unless a follow-up needs a
//! name): checked by the domain, stored, and logged as processing when a
//! person is named. Shared by the staff page and the API.

use crate::{App, AppError, AppResult};
use loket_domain::TaxonomyKind;
use loket_domain::audit::AuditResult;
use loket_domain::contact::{self, Contact, ContactInput};

/// Checks and stores a contact for `org` (shared with the API).
pub async fn register(
    state: &App,
    account_id: &str,
    org: &str,
    input: &ContactInput,
    origin: &str,
) -> AppResult<Contact> {
    let idx = state.index();
    let known = |code: &str| {
        idx.terms_of(TaxonomyKind::Topic)
            .chain(idx.terms_of(TaxonomyKind::TargetGroup))
            .any(|t| t.code == code)
    };
    let mut checked = contact::check(input, known);
    // The service must be one of the organisation's own.
    let own_service = idx
        .service(input.service_id.trim())
        .is_some_and(|s| s.organization_id == org);
    if !input.service_id.trim().is_empty() && !own_service {
        let problem = loket_domain::referral::FieldProblem {
            field: "service_id",
            problem: "unknown",
        };
        checked = match checked {
            Ok(_) => Err(vec![problem]),
            Err(mut problems) => {
                problems.insert(0, problem);
                Err(problems)
            }
        };
    }
    let c = checked.map_err(AppError::Invalid)?;
    let contact = Contact {
        id: uuid::Uuid::new_v4().to_string(),
        organization_id: org.to_string(),
        service_id: c.service_id,
        registered_by: account_id.to_string(),
        at: state.clock.unix(),
        channel: c.channel,
        target_group: c.target_group,
        topics: c.topics,
        residence_country: c.residence_country,
        work_country: c.work_country,
        language: c.language,
        outcome: c.outcome,
        minutes: c.minutes,
        person: c.person,
    };
    state.store.add_contact(&contact).await?;
    // Only contacts with a person in them are processing of personal data.
    if contact.person.is_some() {
        let mut event = crate::audit::web_event(
            "contact.create",
            format!("contact/{}", contact.id),
            AuditResult::Success,
            account_id,
        );
        event.origin = origin.into();
        event.subject = Some(format!("contact/{}", contact.id));
        event.activity = Some("client-contacts".into());
        state.record_audit(event).await;
    }
    Ok(contact)
}
