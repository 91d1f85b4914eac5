//! Fills a loket database with synthetic referrals for the inbox benchmark
//! (`scripts/bench-referrals`): `count` referrals received by one organisation,
//! from the others, in every status, spread over two years.
//!
//!   cargo run --release --example seed_referrals -- <database-url> <organisation-key> <count>

use loket_domain::referral::{
    self, Actor, Outcome, Reason, ReferralRequest, ServiceLevel, Side, Source, Status, Transition,
};
use loket_store::Store;
use std::sync::Arc;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, url, key, count] = args.as_slice() else {
        return Err("usage: seed_referrals <database-url> <organisation-key> <count>".into());
    };
    let count: usize = count.parse()?;
    let store: Arc<dyn Store> = if url.starts_with("postgres") {
        Arc::new(loket_store_postgres::PostgresStore::connect(url).await?)
    } else {
        Arc::new(loket_store_sqlite::SqliteStore::connect(url).await?)
    };
    let doc = store.load().await?;
    let receiver = doc
        .organizations
        .iter()
        .find(|o| &o.key == key)
        .ok_or("no such organisation")?
        .id
        .clone();
    let service = doc
        .services
        .iter()
        .find(|s| s.organization_id == receiver)
        .ok_or("the organisation has no service")?
        .id
        .clone();
    let senders: Vec<String> = doc
        .organizations
        .iter()
        .filter(|o| o.id != receiver)
        .map(|o| o.id.clone())
        .collect();
    let paths: [&[Status]; 6] = [
        &[],
        &[Status::Received],
        &[Status::Accepted],
        &[Status::Accepted, Status::InProgress],
        &[Status::Accepted, Status::Completed],
        &[Status::Rejected],
    ];
    let start = chrono::Utc::now().timestamp() - 2 * 365 * 86_400;
    let tasks = 8;
    let mut handles = Vec::new();
    for t in 0..tasks {
        let (store, receiver, service, senders) = (
            store.clone(),
            receiver.clone(),
            service.clone(),
            senders.clone(),
        );
        handles.push(tokio::spawn(async move {
            for i in (t..count).step_by(tasks) {
                let sender = &senders[i % senders.len()];
                let at = start + (i as i64 * 2 * 365 * 86_400) / count as i64;
                let day = chrono::DateTime::from_timestamp(at, 0)
                    .unwrap_or_default()
                    .date_naive();
                let request = ReferralRequest {
                    service_id: service.clone(),
                    name: format!("Person {i}"),
                    contact: format!("+31 6 {:08}", i),
                    language: ["nl", "de", "en", "fr"][i % 4].into(),
                    note: "Synthetic referral for the inbox benchmark".into(),
                    basis: "consent".into(),
                    purpose: "benchmark".into(),
                    previous_id: None,
                };
                let (mut r, change) = referral::create(
                    uuid::Uuid::new_v4().to_string(),
                    &request,
                    Source::Organization {
                        organization_id: sender.clone(),
                        account_id: "bench".into(),
                    },
                    receiver.clone(),
                    Actor {
                        account_id: "bench",
                        organization_id: Some(sender),
                    },
                    at,
                    day,
                    ServiceLevel::default(),
                );
                store.create_referral(&r, &change, &[]).await?;
                for &to in paths[i % paths.len()] {
                    let t = Transition {
                        to,
                        reason: (to == Status::Rejected).then_some(Reason::NoCapacity),
                        outcome: (to == Status::Completed).then_some(Outcome::GotHelp),
                    };
                    let actor = Actor {
                        account_id: "bench",
                        organization_id: Some(&receiver),
                    };
                    let (next, change) = referral::apply(
                        &r,
                        Side::Receiver,
                        actor,
                        &t,
                        at + 3600,
                        day,
                        ServiceLevel::default(),
                    )?;
                    store
                        .update_referral(&next, r.version, Some(&change), &[])
                        .await?;
                    r = next;
                }
            }
            Ok::<(), Box<dyn std::error::Error + Send + Sync>>(())
        }));
    }
    for h in handles {
        h.await?.map_err(|e| e.to_string())?;
    }
    println!("{count} referrals to {key}");
    Ok(())
}
