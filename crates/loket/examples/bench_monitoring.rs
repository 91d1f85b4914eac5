//! The monitoring benchmark (`scripts/bench-monitoring`).
//!
//!   bench_monitoring fill <database-url> <contacts> <referrals> <placements>
//!       fills a migrated, seeded database with synthetic records over 2024–2026
//!       (raw rows, as the application writes them), then builds the tallies from
//!       them (the same build a deployment runs once after upgrading)
//!   bench_monitoring compare <database-url> <runs>
//!       counts the network's results for 2026 (and 2025, the period before) from
//!       the tallies, as a funder's dashboard does, `runs` times; then the same
//!       figures with a plain GROUP BY over the raw tables; checks they are equal
//!       and prints both timings and their ratio
//!
//! The synthetic records: contacts spread evenly over the three years at every
//! organisation's services, one in ten with a named person (from 300,000
//! people, so many come back), channel, target group, countries and outcome
//! varied; referrals between the organisations (one in ten from the front door)
//! in every status; placements with a mediating service. A fixed random seed,
//! so every run fills the same data.

use loket_app::App;
use loket_app::referrals::figures_scope::FiguresScope;
use loket_domain::contact::{Channel, Contact, ContactOutcome, ContactPerson};
use loket_domain::monitoring::Period;
use loket_domain::monitoring::measure::Shown;
use loket_domain::referral::{
    self, Actor, LegalBasis, Outcome, Reason, ReferralRequest, ServiceLevel, Side, Source, Status,
    Transition,
};
use loket_store::Store;
use sqlx::Connection;
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Instant;

type Error = Box<dyn std::error::Error>;

const SEED: &str = include_str!("../../../seed/limburg-catalogue.json");

/// A small deterministic generator (xorshift), so every run fills the same data.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// One raw connection for the fill (foreign keys are not checked there: the
/// placements name an employer and vacancy that the benchmark does not need).
enum Raw {
    Lite(sqlx::SqliteConnection),
    Pg(sqlx::PgConnection),
}

impl Raw {
    async fn open(url: &str) -> Result<Raw, Error> {
        if url.starts_with("postgres") {
            let mut c = sqlx::PgConnection::connect(url).await?;
            sqlx::raw_sql("SET session_replication_role = replica")
                .execute(&mut c)
                .await?;
            Ok(Raw::Pg(c))
        } else {
            use std::str::FromStr;
            let options = sqlx::sqlite::SqliteConnectOptions::from_str(url)?
                .foreign_keys(false)
                .synchronous(sqlx::sqlite::SqliteSynchronous::Off)
                .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal);
            Ok(Raw::Lite(
                sqlx::SqliteConnection::connect_with(&options).await?,
            ))
        }
    }

    fn pg(&self) -> bool {
        matches!(self, Raw::Pg(_))
    }

    async fn run(&mut self, sql: String) -> Result<(), Error> {
        let sql = sqlx::AssertSqlSafe(sql);
        match self {
            Raw::Lite(c) => {
                sqlx::raw_sql(sql).execute(c).await?;
            }
            Raw::Pg(c) => {
                sqlx::raw_sql(sql).execute(c).await?;
            }
        }
        Ok(())
    }

    /// Rows of (text, number).
    async fn pairs(&mut self, sql: String) -> Result<Vec<(String, i64)>, Error> {
        let sql = sqlx::AssertSqlSafe(sql);
        Ok(match self {
            Raw::Lite(c) => sqlx::query_as(sql).fetch_all(c).await?,
            Raw::Pg(c) => sqlx::query_as(sql).fetch_all(c).await?,
        })
    }
}

fn text(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

fn amsterdam(y: i32, m: u32, d: u32) -> i64 {
    use chrono::TimeZone;
    chrono_tz::Europe::Amsterdam
        .with_ymd_and_hms(y, m, d, 0, 0, 0)
        .single()
        .map_or(0, |t| t.timestamp())
}

async fn open(url: &str) -> Result<Arc<dyn Store>, Error> {
    Ok(if url.starts_with("postgres") {
        Arc::new(loket_store_postgres::PostgresStore::connect(url).await?)
    } else {
        Arc::new(loket_store_sqlite::SqliteStore::connect(url).await?)
    })
}

/// Inserts rows in statements of 500 and transactions of 50,000.
async fn insert(raw: &mut Raw, head: &str, rows: Vec<String>) -> Result<(), Error> {
    for tx in rows.chunks(50_000) {
        raw.run("BEGIN".into()).await?;
        for chunk in tx.chunks(500) {
            raw.run(format!("{head} VALUES {}", chunk.join(", ")))
                .await?;
        }
        raw.run("COMMIT".into()).await?;
    }
    Ok(())
}

async fn fill(
    url: &str,
    contacts: usize,
    referrals: usize,
    placements: usize,
) -> Result<(), Error> {
    let store = open(url).await?;
    if store.is_empty().await? {
        let doc = loket_domain::CatalogueDocument::parse(SEED).map_err(|e| format!("{e:?}"))?;
        store.import(&doc).await?;
    }
    let doc = store.load().await?;
    let services: Vec<(String, String)> = doc
        .services
        .iter()
        .map(|s| (s.id.clone(), s.organization_id.clone()))
        .collect();
    let orgs: Vec<String> = doc.organizations.iter().map(|o| o.id.clone()).collect();
    let (start, end) = (amsterdam(2024, 1, 1), amsterdam(2027, 1, 1));
    let span = end - start;
    let mut dice = Dice(0x5eed_1e7c_0ffe_e000);
    let mut raw = Raw::open(url).await?;
    let begun = Instant::now();

    let channels = Channel::ALL;
    let groups = [
        None,
        Some("cross-border-workers"),
        Some("labour-migrants"),
        Some("expats"),
    ];
    let countries = [Some("NL"), Some("DE"), Some("BE"), Some("PL"), None];
    let mut batch = Vec::with_capacity(100_000);
    for i in 0..contacts {
        let (service, org) = &services[dice.below(services.len())];
        let at = start + (i as i64 * span) / contacts as i64;
        let named = dice.below(10) == 0;
        let c = Contact {
            id: format!("bench-c-{i}"),
            organization_id: org.clone(),
            service_id: service.clone(),
            registered_by: "bench".into(),
            at,
            channel: channels[dice.below(channels.len())],
            target_group: groups[dice.below(groups.len())].map(str::to_string),
            topics: Vec::new(),
            residence_country: countries[dice.below(countries.len())].map(str::to_string),
            work_country: countries[dice.below(3)].map(str::to_string),
            language: "nl".into(),
            outcome: [
                ContactOutcome::Answered,
                ContactOutcome::Referred,
                ContactOutcome::FollowUp,
            ][dice.below(3)],
            minutes: Some(10),
            person: named.then(|| ContactPerson {
                name: "Bench Person".into(),
                contact: format!("p{}@bench.test", dice.below(300_000)),
                basis: LegalBasis::Consent,
            }),
        };
        batch.push(format!(
            "({}, {}, {}, {}, {})",
            text(&c.id),
            text(&c.organization_id),
            text(&c.service_id),
            c.at,
            text(&serde_json::to_string(&c)?)
        ));
        if batch.len() == 100_000 || i + 1 == contacts {
            insert(
                &mut raw,
                "INSERT INTO contacts (id, organization_id, service_id, at, doc)",
                std::mem::take(&mut batch),
            )
            .await?;
        }
    }
    eprintln!("{contacts} contacts in {:.0?}", begun.elapsed());

    let paths: [&[Status]; 6] = [
        &[],
        &[Status::Received],
        &[Status::Accepted],
        &[Status::Accepted, Status::InProgress],
        &[Status::Accepted, Status::Completed],
        &[Status::Rejected],
    ];
    for i in 0..referrals {
        let receiver = &orgs[dice.below(orgs.len())];
        let service = services
            .iter()
            .find(|(_, o)| o == receiver)
            .map_or(services[0].0.clone(), |s| s.0.clone());
        let sender = (dice.below(10) != 0).then(|| orgs[dice.below(orgs.len())].clone());
        let at = start + (i as i64 * span) / referrals as i64;
        let day = chrono::DateTime::from_timestamp(at, 0)
            .unwrap_or_default()
            .date_naive();
        let request = ReferralRequest {
            service_id: service,
            name: format!("Person {i}"),
            contact: format!("+31 6 {i:08}"),
            language: "nl".into(),
            note: String::new(),
            basis: "consent".into(),
            purpose: "benchmark".into(),
            previous_id: None,
        };
        let source = match &sender {
            Some(org) => Source::Organization {
                organization_id: org.clone(),
                account_id: "bench".into(),
            },
            None => Source::FrontDoor,
        };
        let actor = Actor {
            account_id: "bench",
            organization_id: sender.as_deref(),
        };
        let (mut r, _) = referral::create(
            format!("bench-r-{i}"),
            &request,
            source,
            receiver.clone(),
            actor,
            at,
            day,
            ServiceLevel::default(),
        );
        let mut path: Vec<(Side, Status)> = paths[dice.below(paths.len())]
            .iter()
            .map(|s| (Side::Receiver, *s))
            .collect();
        if sender.is_some() && dice.below(20) == 0 {
            path = vec![(Side::Sender, Status::Cancelled)];
        }
        for (side, status) in path {
            let org = if side == Side::Receiver {
                r.receiver_org.clone()
            } else {
                sender.clone().unwrap_or_default()
            };
            let t = Transition {
                to: status,
                reason: matches!(status, Status::Rejected | Status::Failed)
                    .then_some(Reason::NoCapacity),
                outcome: (status == Status::Completed).then_some(Outcome::GotHelp),
            };
            if let Ok((next, _)) = referral::apply(
                &r,
                side,
                Actor {
                    account_id: "bench",
                    organization_id: Some(&org),
                },
                &t,
                at + 60,
                day,
                ServiceLevel::default(),
            ) {
                r = next;
            }
        }
        batch.push(format!(
            "({}, {}, {}, {}, {}, {}, NULL, NULL, {}, {}, {})",
            text(&r.id),
            r.version,
            r.sender_org().map_or("NULL".to_string(), text),
            text(&r.receiver_org),
            text(&r.service_id),
            text(r.status.code()),
            r.created_at,
            r.updated_at,
            text(&serde_json::to_string(&r)?)
        ));
        if batch.len() == 100_000 || i + 1 == referrals {
            insert(&mut raw, "INSERT INTO referrals (id, version, sender_org, receiver_org, service_id, status, due_on, assignee, created_at, updated_at, doc)", std::mem::take(&mut batch)).await?;
        }
    }
    eprintln!("{referrals} referrals, {:.0?} in all", begun.elapsed());

    for i in 0..placements {
        let (service, _) = &services[dice.below(services.len())];
        let day = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default()
            + chrono::Duration::days((i as i64 * 1096) / placements as i64);
        use chrono::Datelike;
        batch.push(format!(
            "({}, NULL, 'bench-employer', 'bench-vacancy', 'bench', {}, {}, {}, {})",
            text(&format!("bench-p-{i}")),
            text(service),
            text(&day.to_string()),
            day.year(),
            start
        ));
    }
    insert(&mut raw, "INSERT INTO placements (id, introduction_id, employer_id, vacancy_id, occupation, service_id, start_date, year, created_at)", std::mem::take(&mut batch)).await?;
    if raw.pg() {
        raw.run("ANALYZE".into()).await?;
    }
    eprintln!("{placements} placements, {:.0?} in all", begun.elapsed());

    let building = Instant::now();
    store
        .rebuild_tallies(chrono::Utc::now().timestamp())
        .await?;
    println!(
        "tallies built from the records in {:.1} s",
        building.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Each indicator's total and months, as exact numbers.
type Figures = BTreeMap<String, (u64, BTreeMap<String, u64>)>;

fn shown(s: Shown) -> u64 {
    match s {
        Shown::Count(n) => n,
        Shown::Rate { part, whole, .. } => part * 1_000_000 + whole,
        Shown::Hidden | Shown::None => 0,
    }
}

/// The figures of a year and the year before from the tallies, as the
/// dashboard counts them (exact, to compare).
async fn from_tallies(app: &App, year: i32) -> Result<Figures, Error> {
    let r = loket_app::monitoring::results::results(
        app,
        &FiguresScope::Network,
        true,
        Period::year(year).ok_or("no such year")?,
    )
    .await?;
    let mut out = Figures::new();
    for line in r.lines {
        for (label, p) in [("now", &line.now), ("before", &line.before)] {
            let months = p
                .months
                .iter()
                .map(|(m, s)| (m.clone(), shown(*s)))
                .filter(|(_, n)| *n != 0)
                .collect();
            out.insert(
                format!("{} {label}", line.indicator.code),
                (shown(p.total), months),
            );
        }
    }
    Ok(out)
}

/// The same figures by a plain GROUP BY over the raw tables (per month).
async fn from_records(raw: &mut Raw, year: i32) -> Result<Figures, Error> {
    let json = |field: &str| {
        if raw.pg() {
            format!("(doc::jsonb)->>'{field}'")
        } else {
            format!("json_extract(doc, '$.{field}')")
        }
    };
    let person = if raw.pg() {
        "(doc::jsonb)->'person'->>'contact'".to_string()
    } else {
        "json_extract(doc, '$.person.contact')".to_string()
    };
    let (res, work, outcome) = (
        json("residence_country"),
        json("work_country"),
        json("outcome"),
    );
    let mut out = Figures::new();
    for (label, y) in [("now", year), ("before", year - 1)] {
        let case = (1..=12)
            .map(|m| {
                let (a, b) = (
                    amsterdam(y, m, 1),
                    if m == 12 {
                        amsterdam(y + 1, 1, 1)
                    } else {
                        amsterdam(y, m + 1, 1)
                    },
                );
                format!("WHEN {{t}} >= {a} AND {{t}} < {b} THEN '{y}-{m:02}'")
            })
            .collect::<Vec<_>>()
            .join(" ");
        let month_of = |t: &str| format!("CASE {} END", case.replace("{t}", t));
        let (from, to) = (amsterdam(y, 1, 1), amsterdam(y + 1, 1, 1));
        let within = |t: &str| format!("{t} >= {from} AND {t} < {to}");
        let per_month = |what: &str, table: &str, t: &str, filter: &str| {
            format!(
                "SELECT {m} AS month, CAST({what} AS BIGINT) FROM {table} WHERE {w}{filter} GROUP BY {m}",
                m = month_of(t),
                w = within(t)
            )
        };
        let mut put = |name: &str, rows: Vec<(String, i64)>, total: Option<u64>| {
            let months: BTreeMap<String, u64> = rows
                .into_iter()
                .filter(|(_, n)| *n != 0)
                .map(|(m, n)| (m, n as u64))
                .collect();
            let total = total.unwrap_or_else(|| months.values().sum());
            out.insert(format!("{name} {label}"), (total, months));
        };
        put(
            "contacts",
            raw.pairs(per_month("COUNT(*)", "contacts", "at", ""))
                .await?,
            None,
        );
        let across = format!(
            " AND {res} IS NOT NULL AND {work} IS NOT NULL AND {res} <> {work} AND {outcome} = 'referred'"
        );
        put(
            "mediated-across-border",
            raw.pairs(per_month("COUNT(*)", "contacts", "at", &across))
                .await?,
            None,
        );
        let key = format!("lower(trim({person}))");
        let named = raw
            .pairs(per_month(
                &format!("COUNT(DISTINCT {key})"),
                "contacts",
                "at",
                &format!(" AND {person} IS NOT NULL"),
            ))
            .await?;
        let anonymous = raw
            .pairs(per_month(
                "COUNT(*)",
                "contacts",
                "at",
                &format!(" AND {person} IS NULL"),
            ))
            .await?;
        let named_total = raw.pairs(format!("SELECT '', CAST(COUNT(DISTINCT {key}) AS BIGINT) FROM contacts WHERE {} AND {person} IS NOT NULL", within("at"))).await?;
        let mut people: BTreeMap<String, i64> = BTreeMap::new();
        for (m, n) in named.into_iter().chain(anonymous.iter().cloned()) {
            *people.entry(m).or_insert(0) += n;
        }
        let total =
            named_total.first().map_or(0, |r| r.1) + anonymous.iter().map(|r| r.1).sum::<i64>();
        put(
            "people-helped",
            people.into_iter().collect(),
            Some(total as u64),
        );
        put(
            "referrals-made",
            raw.pairs(per_month(
                "COUNT(*)",
                "referrals",
                "created_at",
                " AND sender_org IS NOT NULL",
            ))
            .await?,
            None,
        );
        put(
            "referrals-taken-up",
            raw.pairs(per_month(
                "COUNT(*)",
                "referrals",
                "created_at",
                " AND status IN ('accepted', 'in-progress', 'on-hold', 'completed', 'failed')",
            ))
            .await?,
            None,
        );
        let sent: i64 = raw
            .pairs(per_month(
                "COUNT(*)",
                "referrals",
                "created_at",
                " AND sender_org IS NOT NULL AND status <> 'cancelled'",
            ))
            .await?
            .iter()
            .map(|r| r.1)
            .sum();
        let closed: i64 = raw
            .pairs(per_month(
                "COUNT(*)",
                "referrals",
                "created_at",
                " AND sender_org IS NOT NULL AND status IN ('rejected', 'completed', 'failed')",
            ))
            .await?
            .iter()
            .map(|r| r.1)
            .sum();
        put(
            "loop-closure",
            Vec::new(),
            Some((closed * 1_000_000 + sent) as u64),
        );
        put("placements", raw.pairs(format!("SELECT substr(start_date, 1, 7), CAST(COUNT(*) AS BIGINT) FROM placements WHERE start_date >= '{y}-01-01' AND start_date <= '{y}-12-31' GROUP BY substr(start_date, 1, 7)")).await?, None);
        put("front-door-routings", raw.pairs(format!("SELECT substr(CAST(day AS TEXT), 1, 7), CAST(SUM(count) AS BIGINT) FROM front_door_routes WHERE CAST(day AS TEXT) >= '{y}-01-01' AND CAST(day AS TEXT) <= '{y}-12-31' GROUP BY substr(CAST(day AS TEXT), 1, 7)")).await?, None);
    }
    Ok(out)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i]
}

async fn compare(url: &str, runs: usize) -> Result<(), Error> {
    let store = open(url).await?;
    let app = App::new(store).await?;
    let mut times = Vec::with_capacity(runs);
    let mut tallied = Figures::new();
    for _ in 0..runs {
        let t = Instant::now();
        tallied = from_tallies(&app, 2026).await?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    // A region's funder: people are counted as distinct keys there (the counts
    // kept as people come exist for the network and each organisation only).
    let mut region_times = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        let scope = FiguresScope::Region("zuid-limburg".into());
        let year = Period::year(2026).ok_or("no such year")?;
        loket_app::monitoring::results::results(&app, &scope, false, year).await?;
        region_times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    region_times.sort_by(f64::total_cmp);
    println!(
        "results for 2026 and 2025, region zuid-limburg (as its funder sees them): p50 {:.1} ms, p99 {:.1} ms over 20 runs",
        percentile(&region_times, 0.5),
        percentile(&region_times, 0.99)
    );
    let mut raw = Raw::open(url).await?;
    let mut plain_times = Vec::new();
    let mut recounted = Figures::new();
    for _ in 0..3 {
        let t = Instant::now();
        recounted = from_records(&mut raw, 2026).await?;
        plain_times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    plain_times.sort_by(f64::total_cmp);
    let mut differences = 0;
    for (name, value) in &recounted {
        if tallied.get(name) != Some(value) {
            differences += 1;
            eprintln!(
                "differs: {name}: tallies {:?}, recount {value:?}",
                tallied.get(name)
            );
        }
    }
    let contacts = tallied.get("contacts now").map_or(0, |v| v.0);
    let people = tallied.get("people-helped now").map_or(0, |v| v.0);
    println!(
        "results for 2026 and 2025 (8 indicators, network): tallies p50 {:.1} ms, p99 {:.1} ms over {runs} runs; plain GROUP BY median {:.0} ms over 3 runs; ratio {:.0}x; figures equal: {} (contacts 2026: {contacts}, people helped 2026: {people})",
        percentile(&times, 0.5),
        percentile(&times, 0.99),
        percentile(&plain_times, 0.5),
        percentile(&plain_times, 0.5) / percentile(&times, 0.5),
        if differences == 0 {
            "yes".to_string()
        } else {
            format!("NO, {differences} differ")
        }
    );
    if differences > 0 {
        return Err("the tallies and the recount differ".into());
    }
    Ok(())
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    let args: Vec<String> = std::env::args().collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        [_, "fill", url, c, r, p] => fill(url, c.parse()?, r.parse()?, p.parse()?).await,
        [_, "compare", url, runs] => compare(url, runs.parse()?).await,
        [_, "rebuild", url] => {
            let t = Instant::now();
            open(url).await?.rebuild_tallies(chrono::Utc::now().timestamp()).await?;
            println!("tallies built from the records in {:.1} s", t.elapsed().as_secs_f64());
            Ok(())
        }
        _ => Err("usage: bench_monitoring fill <url> <contacts> <referrals> <placements> | compare <url> <runs>".into()),
    }
}
