#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // a benchmark: a failed expectation is the failure
//! Matching at scale, side by side with PostgreSQL, in one run on the same data:
//!
//! 1. writes N synthetic candidates and M vacancies (skewed skills, Euregio homes and
//!    languages: `loket_matching::synthetic`) into loket's schema on a fresh PostgreSQL
//!    database, and the same candidates into a flat table with GIN indexes on skills,
//!    occupations, ISCO groups and languages (the best SQL can do);
//! 2. builds the matching index from the database, as a node does at start (time, memory);
//! 3. asks the top 100 candidates for 1,000 vacancies with all filters: latency on one
//!    thread, then throughput on two;
//! 4. asks the same as one SQL query (same filters, same scoring) for 200 of them, and
//!    compares the answers.
//!
//!     scripts/bench-matching [candidates] [vacancies]

use chrono::{Datelike, NaiveDate};
use loket_domain::Text;
use loket_domain::talent::candidate::{CandidateProfile, PURPOSE};
use loket_domain::talent::employer::{EmployerDetails, Sector, Size};
use loket_domain::talent::vacancy::{Contract, VacancyDetails};
use loket_matching::permit::{PermitOffer, threshold};
use loket_matching::synthetic::{Generator, PLACES, Rng};
use loket_matching::{
    Candidate, Concept, Kind, Nationality, Scheme, Settings, Vacancy, Vocabulary, WorkPlace,
};
use loket_store::CatalogueStore;
use loket_store::talent::TalentStore;
use loket_store_postgres::PostgresStore;
use sqlx::Row;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

const T0: i64 = 1_795_000_000;
const EMPLOYERS: usize = 2_000;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn percentile(sorted: &[f64], q: f64) -> f64 {
    sorted[((sorted.len() as f64 * q).ceil() as usize).clamp(1, sorted.len()) - 1]
}

/// COPY text format: tabs, newlines and backslashes escaped.
fn field(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('\t', "\\t")
        .replace('\n', "\\n")
}

fn int_array(values: impl IntoIterator<Item = u32>) -> String {
    format!(
        "{{{}}}",
        values
            .into_iter()
            .map(|v| v.to_string())
            .collect::<Vec<_>>()
            .join(",")
    )
}

struct Copy<'a> {
    copy: sqlx::postgres::PgCopyIn<&'a mut sqlx::PgConnection>,
    buffer: String,
}

impl<'a> Copy<'a> {
    async fn begin(conn: &'a mut sqlx::PgConnection, statement: &str) -> Copy<'a> {
        Copy {
            copy: conn.copy_in_raw(statement).await.unwrap(),
            buffer: String::with_capacity(1 << 23),
        }
    }

    async fn row(&mut self, fields: &[&str]) {
        self.buffer.push_str(&fields.join("\t"));
        self.buffer.push('\n');
        if self.buffer.len() > 1 << 22 {
            self.copy
                .send(std::mem::take(&mut self.buffer).into_bytes())
                .await
                .unwrap();
        }
    }

    async fn finish(mut self) {
        if !self.buffer.is_empty() {
            self.copy
                .send(std::mem::take(&mut self.buffer).into_bytes())
                .await
                .unwrap();
        }
        self.copy.finish().await.unwrap();
    }
}

/// Municipality codes of the synthetic places, by coordinates.
fn municipality_codes(areas: &loket_domain::area::Areas) -> HashMap<(u32, u32), String> {
    PLACES
        .iter()
        .map(|p| {
            let code = areas
                .municipalities()
                .find(|m| m.name == p.0)
                .unwrap_or_else(|| panic!("{} is in the seed", p.0))
                .code
                .clone();
            ((p.2.to_bits(), p.3.to_bits()), code)
        })
        .collect()
}

fn profile(
    c: &Candidate,
    esco: &Vocabulary,
    codes: &HashMap<(u32, u32), String>,
) -> CandidateProfile {
    let municipality = codes
        .get(&(c.home.latitude.to_bits(), c.home.longitude.to_bits()))
        .cloned();
    CandidateProfile {
        occupations: c
            .occupations
            .iter()
            .map(|o| esco.uri(o.concept).unwrap())
            .collect(),
        skills: c.skills.iter().map(|s| esco.uri(*s).unwrap()).collect(),
        experience_years: c.experience_years,
        eqf: c.eqf,
        languages: c.languages.clone(),
        residence_country: municipality
            .as_deref()
            .map_or("IN", |m| &m[..2])
            .replace("GM", "NL"),
        municipality,
        nationality: c.nationality,
        work_authorised: c.work_authorised,
        age_band: c.age_band,
        recent_graduate: c.recent_graduate,
        max_commute_km: c.max_commute_km,
        will_relocate: c.will_relocate,
        desired_salary: c.desired_salary,
        available_from: c.available_from,
    }
}

fn details(v: &Vacancy, esco: &Vocabulary, codes: &HashMap<(u32, u32), String>) -> VacancyDetails {
    let occupation = esco.uri(v.occupation.unwrap().concept).unwrap();
    VacancyDetails {
        title: Text::new(
            esco.label(v.occupation.unwrap().concept).unwrap(),
            "",
            "",
            "",
        ),
        description: Text::default(),
        occupation,
        essential_skills: v
            .essential_skills
            .iter()
            .map(|s| esco.uri(*s).unwrap())
            .collect(),
        optional_skills: v
            .optional_skills
            .iter()
            .map(|s| esco.uri(*s).unwrap())
            .collect(),
        eqf: v.eqf,
        experience_years: v.experience_years,
        languages: v.languages.clone(),
        municipality: codes[&(
            v.workplace.latitude.to_bits(),
            v.workplace.longitude.to_bits(),
        )]
            .clone(),
        work_place: v.work_place,
        hours_per_week: 36,
        contract: Contract::Permanent,
        salary_min: v.salary_min,
        salary_max: v.salary_max,
        start: v.start,
        positions: 1,
        sponsors_permit: v.sponsors_permit,
    }
}

/// Each language at every level up to the candidate's: `nl:1` … `nl:5` for Dutch C1, so that
/// "at least B1" is containment of `nl:3` (which GIN answers).
fn language_tokens(c: &Candidate) -> String {
    let tokens: Vec<String> = c
        .languages
        .iter()
        .flat_map(|l| (1..=l.level as u8).map(move |n| format!("\"{}:{n}\"", l.language)))
        .collect();
    format!("{{{}}}", tokens.join(","))
}

const SQL: &str = r#"
SELECT id, score FROM (
  SELECT id,
      40.0 * (CASE WHEN cardinality($1::int[]) = 0 THEN 1.0
                   ELSE (SELECT count(*) FROM unnest(skills) s WHERE s = ANY($1))::float8 / cardinality($1::int[]) END)
    + 10.0 * (CASE WHEN cardinality($2::int[]) = 0 THEN 1.0
                   ELSE (SELECT count(*) FROM unnest(skills) s WHERE s = ANY($2))::float8 / cardinality($2::int[]) END)
    + 20.0 * (CASE WHEN occupations && ARRAY[$3::int] THEN 1.0
                   WHEN $4 >= 0 AND isco && ARRAY[$4::int] THEN 0.5 ELSE 0.0 END)
    + 10.0 * (CASE WHEN $9 = 0 OR eqf >= $9 THEN 1.0 WHEN eqf + 1 = $9 THEN 0.5 ELSE 0.0 END)
    + 10.0 * (CASE WHEN $10 = 0 THEN 1.0 ELSE least(1.0, years::float8 / $10) END)
    + 10.0 * (CASE WHEN salary = 0 OR $11 >= salary THEN 1.0 ELSE $11::float8 / salary END) AS score
  FROM bench_candidates
  WHERE (skills && ($1::int[] || $2::int[]) OR occupations && ARRAY[$3::int] OR ($4 >= 0 AND isco && ARRAY[$4::int]))
    AND langs @> $5::text[]
    AND ($6 OR relocate
         OR 6371.0 * sqrt(power(radians(lon - $8) * cos(radians((lat + $7) / 2)), 2) + power(radians(lat - $7), 2)) <= max_km)
    AND ($12::date IS NULL OR available_from IS NULL OR available_from <= $12::date)
    AND (eu OR authorised
         OR (recent AND $13) OR (NOT recent AND under30 AND $14) OR (NOT recent AND NOT under30 AND $15)
         OR (eqf >= 6 AND ((recent AND $16) OR (NOT recent AND $17))))
) matched ORDER BY score DESC, id LIMIT 100"#;

async fn sql_top(pool: &sqlx::PgPool, v: &Vacancy) -> Vec<String> {
    let offer: PermitOffer = v.permit_offer(today());
    let ok = |scheme: Scheme, needs_recognition: bool| {
        v.sponsors_permit
            && (!needs_recognition || v.employer_recognised_sponsor)
            && offer.max_monthly_salary >= threshold(scheme, offer.year).monthly_gross
    };
    let ints = |c: &[Concept]| c.iter().map(|c| c.0 as i32).collect::<Vec<i32>>();
    let langs: Vec<String> = v
        .languages
        .iter()
        .map(|l| format!("{}:{}", l.language, l.level as u8))
        .collect();
    let needed_by = v.start.map(|s| s + chrono::Days::new(30));
    sqlx::query(SQL)
        .bind(ints(&v.essential_skills))
        .bind(ints(&v.optional_skills))
        .bind(v.occupation.map_or(-1, |o| o.concept.0 as i32))
        .bind(v.occupation.and_then(|o| o.isco).map_or(-1, i32::from))
        .bind(langs)
        .bind(v.work_place == WorkPlace::Remote)
        .bind(f64::from(v.workplace.latitude))
        .bind(f64::from(v.workplace.longitude))
        .bind(v.eqf.map_or(0, i32::from))
        .bind(i32::from(v.experience_years))
        .bind(v.salary_max as i32)
        .bind(needed_by)
        .bind(ok(Scheme::HighlySkilledReduced, true))
        .bind(ok(Scheme::HighlySkilledUnder30, true))
        .bind(ok(Scheme::HighlySkilled30Plus, true))
        .bind(ok(Scheme::BlueCardReduced, false))
        .bind(ok(Scheme::BlueCard, false))
        .fetch_all(pool)
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.get::<String, _>(0))
        .collect()
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let url = args.first().expect("the PostgreSQL database URL").clone();
    let n_candidates: usize = args.get(1).map_or(1_000_000, |a| a.parse().unwrap());
    let n_vacancies: usize = args.get(2).map_or(100_000, |a| a.parse().unwrap());
    let store = Arc::new(PostgresStore::connect(&url).await.unwrap());
    store.migrate().await.unwrap();
    store.import(&loket_store_contract::seed()).await.unwrap();
    let areas = loket_store_contract::seed().areas();
    let codes = municipality_codes(&areas);
    let esco = Arc::new(Vocabulary::esco().unwrap());
    let (occupations, skills): (Vec<Concept>, Vec<Concept>) = {
        let all: Vec<Concept> = (0..esco.len() as u32).map(Concept).collect();
        let occ = all
            .iter()
            .copied()
            .filter(|c| esco.kind(*c) == Some(Kind::Occupation))
            .collect();
        let sk = all
            .iter()
            .copied()
            .filter(|c| esco.kind(*c) == Some(Kind::Skill))
            .collect();
        (occ, sk)
    };
    let generator = Generator::new(1, &occupations, &skills);
    let mut rng = Rng::new(2);

    // 1. Data, through COPY.
    let started = Instant::now();
    let mut conn = store.pool().acquire().await.unwrap();
    let employer_ids: Vec<String> = (0..EMPLOYERS)
        .map(|_| uuid::Uuid::new_v4().to_string())
        .collect();
    {
        let mut copy = Copy::begin(&mut conn, "COPY employers (id, kvk_number, doc, verified_at, verified_by, created_at, version) FROM STDIN").await;
        for (n, id) in employer_ids.iter().enumerate() {
            let details = EmployerDetails {
                name: format!("Employer {n}"),
                kvk_number: format!("{:08}", 10_000_000 + n),
                sector: Sector::ALL[n % Sector::ALL.len()],
                size: Size::Medium,
                municipality: "GM0935".into(),
                recognised_sponsor: n % 2 == 0,
            };
            let doc = field(&serde_json::to_string(&details).unwrap());
            copy.row(&[
                id,
                &details.kvk_number,
                &doc,
                &T0.to_string(),
                "bench",
                &T0.to_string(),
                "1",
            ])
            .await;
        }
        copy.finish().await;
    }
    sqlx::query("CREATE TABLE bench_candidates (id TEXT PRIMARY KEY, skills INT[] NOT NULL, occupations INT[] NOT NULL, isco INT[] NOT NULL, langs TEXT[] NOT NULL, lat FLOAT8 NOT NULL, lon FLOAT8 NOT NULL, max_km INT NOT NULL, relocate BOOLEAN NOT NULL, eu BOOLEAN NOT NULL, authorised BOOLEAN NOT NULL, under30 BOOLEAN NOT NULL, recent BOOLEAN NOT NULL, eqf INT NOT NULL, years INT NOT NULL, salary INT NOT NULL, available_from DATE)")
        .execute(&mut *conn)
        .await
        .unwrap();
    let mut candidates_flat = Vec::with_capacity(n_candidates);
    {
        let mut copy = Copy::begin(&mut conn, "COPY candidates (id, registered_by, name, email, profile, consent_at, consent_purpose, last_activity_at, created_at, updated_at, version) FROM STDIN").await;
        let t = T0.to_string();
        for n in 0..n_candidates {
            let c = generator.candidate(&mut rng);
            let id = uuid::Uuid::new_v4().to_string();
            let doc = field(&serde_json::to_string(&profile(&c, &esco, &codes)).unwrap());
            let name = format!("Candidate {n}");
            let email = format!("c{n}@example.org");
            copy.row(&[
                &id, "bench", &name, &email, &doc, &t, PURPOSE, &t, &t, &t, "1",
            ])
            .await;
            candidates_flat.push((id, c));
        }
        copy.finish().await;
    }
    {
        let mut copy = Copy::begin(&mut conn, "COPY bench_candidates FROM STDIN").await;
        for (id, c) in &candidates_flat {
            let isco: Vec<u32> = c
                .occupations
                .iter()
                .filter_map(|o| o.isco.map(u32::from))
                .collect();
            let eu = c.nationality == Nationality::EuEeaSwiss;
            let b = |v: bool| if v { "t" } else { "f" };
            copy.row(&[
                id,
                &int_array(c.skills.iter().map(|s| s.0)),
                &int_array(c.occupations.iter().map(|o| o.concept.0)),
                &int_array(isco),
                &language_tokens(c),
                &c.home.latitude.to_string(),
                &c.home.longitude.to_string(),
                &c.max_commute_km.to_string(),
                b(c.will_relocate),
                b(eu),
                b(c.work_authorised),
                b(c.age_band == loket_matching::AgeBand::Under30),
                b(c.recent_graduate),
                &c.eqf.to_string(),
                &c.experience_years.to_string(),
                &c.desired_salary.unwrap_or(0).to_string(),
                &c.available_from
                    .map_or("\\N".to_string(), |d| d.to_string()),
            ])
            .await;
        }
        copy.finish().await;
    }
    drop(candidates_flat);
    let mut vacancies = Vec::with_capacity(n_vacancies);
    {
        let mut copy = Copy::begin(&mut conn, "COPY vacancies (id, employer_id, status, doc, version, created_at, updated_at, published_at) FROM STDIN").await;
        let t = T0.to_string();
        for n in 0..n_vacancies {
            let v = generator.vacancy(&mut rng);
            // Sponsors are the even employers (verified, recognised).
            let employer =
                &employer_ids[(n * 2 + usize::from(!v.employer_recognised_sponsor)) % EMPLOYERS];
            let id = uuid::Uuid::new_v4().to_string();
            let doc = field(&serde_json::to_string(&details(&v, &esco, &codes)).unwrap());
            copy.row(&[&id, employer, "published", &doc, "1", &t, &t, &t])
                .await;
            vacancies.push(id);
        }
        copy.finish().await;
    }
    for ddl in [
        "CREATE INDEX bench_skills ON bench_candidates USING GIN (skills)",
        "CREATE INDEX bench_occupations ON bench_candidates USING GIN (occupations)",
        "CREATE INDEX bench_isco ON bench_candidates USING GIN (isco)",
        "CREATE INDEX bench_langs ON bench_candidates USING GIN (langs)",
        "ANALYZE",
    ] {
        sqlx::query(ddl).execute(&mut *conn).await.unwrap();
    }
    drop(conn);
    println!(
        "data: {n_candidates} candidates, {n_vacancies} vacancies, {EMPLOYERS} employers written and indexed in {:.0} s",
        started.elapsed().as_secs_f64()
    );

    // 2. The index, from the database.
    let rss_before = rss_mb();
    let started = Instant::now();
    let talent = loket_app::talent::TalentIndex::build(
        store.as_ref(),
        Arc::clone(&esco),
        &areas,
        Settings::default(),
    )
    .await
    .unwrap();
    let build = started.elapsed();
    let rss_after = rss_mb();
    let (queries, mut engine_ms) = {
        let index = talent.read();
        println!(
            "index: built from PostgreSQL in {:.1} s; {} candidates, {} vacancies; resident memory +{:.0} MB (counted: {:.0} MB)",
            build.as_secs_f64(),
            index.candidate_count(),
            index.vacancy_count(),
            rss_after - rss_before,
            index.heap_bytes() as f64 / 1e6
        );

        // 3. The engine.
        let mut pick = Rng::new(3);
        let queries: Vec<(String, Vacancy)> = (0..1_000)
            .map(|_| {
                let id = &vacancies[pick.below(vacancies.len() as u64) as usize];
                (
                    id.clone(),
                    index
                        .vacancy(&uuid::Uuid::parse_str(id).unwrap())
                        .unwrap()
                        .clone(),
                )
            })
            .collect();
        for (_, v) in queries.iter().take(50) {
            index.candidates_for(v, 100, today()); // warm-up
        }
        let engine_ms: Vec<f64> = queries
            .iter()
            .map(|(_, v)| {
                let t = Instant::now();
                std::hint::black_box(index.candidates_for(v, 100, today()));
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        (queries, engine_ms)
    };
    engine_ms.sort_by(f64::total_cmp);
    let talent = Arc::new(talent);
    let queries = Arc::new(queries);
    let window = Duration::from_secs(10);
    let started = Instant::now();
    let threads: Vec<_> = (0..2)
        .map(|t| {
            let (talent, queries) = (Arc::clone(&talent), Arc::clone(&queries));
            std::thread::spawn(move || {
                let mut done = 0usize;
                let mut i = t * 500;
                while started.elapsed() < window {
                    let index = talent.read();
                    std::hint::black_box(index.candidates_for(
                        &queries[i % queries.len()].1,
                        100,
                        today(),
                    ));
                    done += 1;
                    i += 1;
                }
                done
            })
        })
        .collect();
    let total: usize = threads.into_iter().map(|t| t.join().unwrap()).sum();
    let per_second = total as f64 / started.elapsed().as_secs_f64();
    println!(
        "engine, top 100 with all filters, 1,000 vacancies on one thread: p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms, max {:.2} ms; two threads: {:.0} queries/s",
        percentile(&engine_ms, 0.5),
        percentile(&engine_ms, 0.95),
        percentile(&engine_ms, 0.99),
        percentile(&engine_ms, 1.0),
        per_second
    );

    // 4. The same in SQL, for 200 of the vacancies.
    let pool = store.pool().clone();
    let mut sql_ms = Vec::new();
    let mut engine_same = Vec::new();
    let (mut agree, mut compared) = (0usize, 0usize);
    for (_, v) in queries.iter().take(200) {
        let t = Instant::now();
        let sql = sql_top(&pool, v).await;
        sql_ms.push(t.elapsed().as_secs_f64() * 1e3);
        let t = Instant::now();
        let engine: Vec<String> = talent
            .read()
            .candidates_for(v, 100, today())
            .into_iter()
            .map(|r| r.key.to_string())
            .collect();
        engine_same.push(t.elapsed().as_secs_f64() * 1e3);
        // Scores are f32 in the engine and f64 in SQL: compare the top ten as sets.
        let top: std::collections::HashSet<&String> = engine.iter().take(10).collect();
        agree += sql.iter().take(10).filter(|id| top.contains(id)).count();
        compared += engine.len().min(10).max(sql.len().min(10));
    }
    sql_ms.sort_by(f64::total_cmp);
    engine_same.sort_by(f64::total_cmp);
    println!(
        "PostgreSQL 15 with GIN, the same 200 queries: p50 {:.1} ms, p95 {:.1} ms; engine on them: p50 {:.2} ms, p95 {:.2} ms; engine faster by {:.0}x (p50) and {:.0}x (p95); top-10 agreement {:.1} %",
        percentile(&sql_ms, 0.5),
        percentile(&sql_ms, 0.95),
        percentile(&engine_same, 0.5),
        percentile(&engine_same, 0.95),
        percentile(&sql_ms, 0.5) / percentile(&engine_same, 0.5),
        percentile(&sql_ms, 0.95) / percentile(&engine_same, 0.95),
        100.0 * agree as f64 / compared.max(1) as f64
    );
    // 5. Freshness: a candidate written through the store, until this node's index has it,
    //    with the follower `loket serve` runs (every 250 ms).
    let follower = {
        let (talent, store, areas) = (Arc::clone(&talent), store.clone(), areas.clone());
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_millis(250));
            loop {
                tick.tick().await;
                let _ = talent.catch_up(store.as_ref(), &areas).await;
            }
        })
    };
    let mut fresh_ms = Vec::new();
    let sample = {
        let mut rng = Rng::new(9);
        generator.candidate(&mut rng)
    };
    for n in 0..20 {
        let details = loket_domain::talent::candidate::CandidateDetails {
            name: format!("Fresh {n}"),
            email: format!("fresh{n}@example.org"),
            phone: None,
            profile: profile(&sample, &esco, &codes),
        };
        let t = Instant::now();
        let record = store
            .create_candidate(
                &details,
                loket_store::talent::RegisteredBy::Staff("bench"),
                None,
                T0,
            )
            .await
            .unwrap();
        let key = uuid::Uuid::parse_str(&record.id).unwrap();
        while talent.read().candidate(&key).is_none() {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        fresh_ms.push(t.elapsed().as_secs_f64() * 1e3);
        tokio::time::sleep(Duration::from_millis(97)).await; // spread over the poll cycle
    }
    follower.abort();
    fresh_ms.sort_by(f64::total_cmp);
    println!(
        "freshness, 20 new candidates until matchable on the node (follower every 250 ms): p50 {:.0} ms, p95 {:.0} ms, max {:.0} ms",
        percentile(&fresh_ms, 0.5),
        percentile(&fresh_ms, 0.95),
        percentile(&fresh_ms, 1.0)
    );
    println!("year of the thresholds: {}", today().year());
}
