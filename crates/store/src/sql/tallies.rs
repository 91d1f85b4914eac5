//! The monitoring tallies on both sqlx backends: added in the transaction of the
//! record they count, read back per month for a period, and built from the
//! records once (after the migration that made the tables, or on request).
//!
//! Writes are upserts that add to what is there, so concurrent contacts on the
//! same day and organisation do not lose each other's counts.

use loket_domain::monitoring::rollup::{Kind, PersonDay, Tally};
use std::collections::HashMap;

/// How many rows go into one multi-row statement: sqlx looks up SQLite's
/// parameters by name, which costs more per row the more a statement has.
pub const CHUNK: usize = 60;

/// Sums tallies per key and per (day, kind, organisation).
pub fn prepared(tallies: Vec<Tally>) -> (Vec<Tally>, Vec<Tally>) {
    let detail = loket_domain::monitoring::rollup::sum(tallies);
    let mut daily: HashMap<(chrono::NaiveDate, Kind, String), i64> = HashMap::new();
    for t in &detail {
        *daily
            .entry((t.day, t.kind, t.organisation.clone()))
            .or_insert(0) += t.n;
    }
    let mut daily: Vec<Tally> = daily
        .into_iter()
        .filter(|(_, n)| *n != 0)
        .map(|((day, kind, organisation), n)| Tally {
            kind,
            day,
            organisation,
            service: String::new(),
            channel: String::new(),
            residence: String::new(),
            target_group: String::new(),
            n,
        })
        .collect();
    daily.sort();
    (detail, daily)
}

/// Daily tallies summed per month (`YYYY-MM`), kind and organisation.
pub fn monthly(daily: &[Tally]) -> Vec<(String, Kind, String, i64)> {
    let mut sums: HashMap<(String, Kind, String), i64> = HashMap::new();
    for t in daily {
        *sums
            .entry((
                t.day.format("%Y-%m").to_string(),
                t.kind,
                t.organisation.clone(),
            ))
            .or_insert(0) += t.n;
    }
    let mut out: Vec<(String, Kind, String, i64)> = sums
        .into_iter()
        .filter(|(_, n)| *n != 0)
        .map(|((m, k, o), n)| (m, k, o, n))
        .collect();
    out.sort();
    out
}

/// Whether a period is made of whole months (then the monthly table answers).
pub fn whole_months(first: chrono::NaiveDate, last: chrono::NaiveDate) -> bool {
    use chrono::Datelike;
    first.day() == 1 && last.succ_opt().is_some_and(|next| next.day() == 1)
}

/// The scopes and periods a person day counts in: the network and its
/// organisation, its year and its month.
pub fn seen_in(d: &PersonDay) -> [(String, String); 4] {
    let (year, month) = (
        d.day.format("%Y").to_string(),
        d.day.format("%Y-%m").to_string(),
    );
    [
        (String::new(), year.clone()),
        (String::new(), month.clone()),
        (d.organisation.clone(), year),
        (d.organisation.clone(), month),
    ]
}

/// The first and last day (`YYYY-MM-DD`, compared as text) of a period
/// `YYYY` or `YYYY-MM`.
pub fn period_days(period: &str) -> (String, String) {
    if period.len() == 4 {
        (format!("{period}-01-01"), format!("{period}-12-31"))
    } else {
        (format!("{period}-01"), format!("{period}-31"))
    }
}

/// Sums person days per key.
pub fn prepared_people(days: Vec<(PersonDay, i64)>) -> Vec<(PersonDay, i64)> {
    let mut sums: HashMap<PersonDay, i64> = HashMap::new();
    for (d, n) in days {
        *sums.entry(d).or_insert(0) += n;
    }
    let mut out: Vec<(PersonDay, i64)> = sums.into_iter().filter(|(_, n)| *n != 0).collect();
    out.sort();
    out
}

/// `VALUES ($1, $2, ...), (...)` for `rows` rows of `columns` columns.
pub fn values(rows: usize, columns: usize) -> String {
    (0..rows)
        .map(|r| {
            let cells: Vec<String> = (1..=columns)
                .map(|c| format!("${}", r * columns + c))
                .collect();
            format!("({})", cells.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A tally read back: kind, month's first day or day, organisation, service,
/// channel, residence, target group, count.
pub type TallyRow = (String, String, String, String, String, String, String, i64);

pub fn tally(row: TallyRow) -> crate::StoreResult<Tally> {
    let (kind, day, organisation, service, channel, residence, target_group, n) = row;
    Ok(Tally {
        kind: Kind::parse(&kind)
            .ok_or_else(|| crate::StoreError::Corrupt(format!("tally kind {kind:?}")))?,
        day: chrono::NaiveDate::parse_from_str(&day, "%Y-%m-%d")
            .map_err(|_| crate::StoreError::Corrupt(format!("tally day {day:?}")))?,
        organisation,
        service,
        channel,
        residence,
        target_group,
        n,
    })
}

/// The tallies of a sqlx backend: the writes (inherent, called inside the
/// record's transaction) and the build from the records.
#[macro_export]
macro_rules! sqlx_tally_impls {
    ($store:ty, db = $db:ty) => {
        impl $store {
            /// Adds tallies (negative ones take a contribution back).
            pub(crate) async fn add_tallies(
                tx: &mut ::sqlx::Transaction<'_, $db>,
                tallies: Vec<loket_domain::monitoring::rollup::Tally>,
            ) -> $crate::StoreResult<()> {
                let (detail, daily) = $crate::sql::tallies::prepared(tallies);
                for chunk in detail.chunks($crate::sql::tallies::CHUNK) {
                    let sql = format!(
                        "INSERT INTO monitoring_tallies (kind, day, organisation, service, channel, residence, target_group, n) VALUES {} \
                         ON CONFLICT (kind, day, organisation, service, channel, residence, target_group) \
                         DO UPDATE SET n = monitoring_tallies.n + excluded.n",
                        $crate::sql::tallies::values(chunk.len(), 8)
                    );
                    let mut q = ::sqlx::query(::sqlx::AssertSqlSafe(sql));
                    for t in chunk {
                        q = q
                            .bind(t.kind.code())
                            .bind(t.day.to_string())
                            .bind(&t.organisation)
                            .bind(&t.service)
                            .bind(&t.channel)
                            .bind(&t.residence)
                            .bind(&t.target_group)
                            .bind(t.n);
                    }
                    q.execute(&mut **tx).await.map_err($crate::sql::db)?;
                }
                for chunk in daily.chunks($crate::sql::tallies::CHUNK) {
                    let sql = format!(
                        "INSERT INTO monitoring_daily (day, kind, organisation, n) VALUES {} \
                         ON CONFLICT (day, kind, organisation) DO UPDATE SET n = monitoring_daily.n + excluded.n",
                        $crate::sql::tallies::values(chunk.len(), 4)
                    );
                    let mut q = ::sqlx::query(::sqlx::AssertSqlSafe(sql));
                    for t in chunk {
                        q = q.bind(t.day.to_string()).bind(t.kind.code()).bind(&t.organisation).bind(t.n);
                    }
                    q.execute(&mut **tx).await.map_err($crate::sql::db)?;
                }
                for chunk in $crate::sql::tallies::monthly(&daily).chunks($crate::sql::tallies::CHUNK) {
                    let sql = format!(
                        "INSERT INTO monitoring_monthly (month, kind, organisation, n) VALUES {} \
                         ON CONFLICT (month, kind, organisation) DO UPDATE SET n = monitoring_monthly.n + excluded.n",
                        $crate::sql::tallies::values(chunk.len(), 4)
                    );
                    let mut q = ::sqlx::query(::sqlx::AssertSqlSafe(sql));
                    for (month, kind, organisation, n) in chunk {
                        q = q.bind(month).bind(kind.code()).bind(organisation).bind(*n);
                    }
                    q.execute(&mut **tx).await.map_err($crate::sql::db)?;
                }
                Ok(())
            }

            /// Adds (or, with a negative count, takes back) person days; a day
            /// left with no contact of that person goes.
            pub(crate) async fn add_person_days(
                tx: &mut ::sqlx::Transaction<'_, $db>,
                days: Vec<(loket_domain::monitoring::rollup::PersonDay, i64)>,
            ) -> $crate::StoreResult<()> {
                let days = $crate::sql::tallies::prepared_people(days);
                Self::insert_person_days(tx, days.clone()).await?;
                // A day left with no contact of the person goes (by its key, not
                // by a scan of the table).
                for (d, _) in days.iter().filter(|(_, n)| *n < 0) {
                    ::sqlx::query("DELETE FROM monitoring_people WHERE day = $1 AND organisation = $2 AND person_key = $3 AND n <= 0")
                        .bind(d.day.to_string())
                        .bind(&d.organisation)
                        .bind(d.person_key)
                        .execute(&mut **tx)
                        .await
                        .map_err($crate::sql::db)?;
                }
                for (d, n) in &days {
                    for (scope, period) in $crate::sql::tallies::seen_in(d) {
                        if *n > 0 {
                            Self::see_person(tx, &scope, &period, d.person_key).await?;
                        } else {
                            Self::unsee_person(tx, &scope, &period, d.person_key).await?;
                        }
                    }
                }
                Ok(())
            }

            /// The named people of a whole year for the network or one
            /// organisation, as counted when they came; `None` for any other
            /// period or scope (those count distinct keys).
            pub(crate) async fn counted_people(
                &self,
                first: ::chrono::NaiveDate,
                last: ::chrono::NaiveDate,
                organisations: Option<&[String]>,
            ) -> $crate::StoreResult<Option<loket_domain::monitoring::rollup::NamedPeople>> {
                use ::chrono::Datelike;
                let scope = match organisations {
                    None => String::new(),
                    Some([one]) => one.clone(),
                    Some(_) => return Ok(None),
                };
                let whole_year = first.ordinal() == 1
                    && last.year() == first.year()
                    && last.succ_opt().is_some_and(|next| next.ordinal() == 1);
                if !whole_year {
                    return Ok(None);
                }
                let year = first.year().to_string();
                let rows: Vec<(String, i64)> = ::sqlx::query_as(
                    "SELECT period, n FROM monitoring_people_counts WHERE scope = $1 AND (period = $2 OR period LIKE $3)",
                )
                .bind(&scope)
                .bind(&year)
                .bind(format!("{year}-%"))
                .fetch_all(&self.pool)
                .await
                .map_err($crate::sql::db)?;
                let mut counted = loket_domain::monitoring::rollup::NamedPeople::default();
                for (period, n) in rows {
                    let n = u64::try_from(n).unwrap_or(0);
                    if period == year {
                        counted.total = n;
                    } else if n > 0 {
                        counted.months.insert(period, n);
                    }
                }
                Ok(Some(counted))
            }

            /// Adds to the person days, nothing else (the build counts the
            /// distinct people afterwards in one go).
            async fn insert_person_days(
                tx: &mut ::sqlx::Transaction<'_, $db>,
                days: Vec<(loket_domain::monitoring::rollup::PersonDay, i64)>,
            ) -> $crate::StoreResult<()> {
                let days = $crate::sql::tallies::prepared_people(days);
                for chunk in days.chunks($crate::sql::tallies::CHUNK) {
                    let sql = format!(
                        "INSERT INTO monitoring_people (day, organisation, person_key, n) VALUES {} \
                         ON CONFLICT (day, organisation, person_key) DO UPDATE SET n = monitoring_people.n + excluded.n",
                        $crate::sql::tallies::values(chunk.len(), 4)
                    );
                    let mut q = ::sqlx::query(::sqlx::AssertSqlSafe(sql));
                    for (d, n) in chunk {
                        q = q.bind(d.day.to_string()).bind(&d.organisation).bind(d.person_key).bind(*n);
                    }
                    q.execute(&mut **tx).await.map_err($crate::sql::db)?;
                }
                Ok(())
            }

            /// Counts a person once in a scope and period.
            async fn see_person(
                tx: &mut ::sqlx::Transaction<'_, $db>,
                scope: &str,
                period: &str,
                key: i64,
            ) -> $crate::StoreResult<()> {
                let new = ::sqlx::query("INSERT INTO monitoring_people_seen (scope, period, person_key) VALUES ($1, $2, $3) ON CONFLICT (scope, period, person_key) DO NOTHING")
                    .bind(scope)
                    .bind(period)
                    .bind(key)
                    .execute(&mut **tx)
                    .await
                    .map_err($crate::sql::db)?;
                if new.rows_affected() == 1 {
                    Self::count_person(tx, scope, period, 1).await?;
                }
                Ok(())
            }

            /// Stops counting a person in a scope and period when none of their
            /// days is left there.
            async fn unsee_person(
                tx: &mut ::sqlx::Transaction<'_, $db>,
                scope: &str,
                period: &str,
                key: i64,
            ) -> $crate::StoreResult<()> {
                let (first, last) = $crate::sql::tallies::period_days(period);
                let left: Option<i64> = ::sqlx::query_scalar(
                    "SELECT CAST(1 AS BIGINT) FROM monitoring_people WHERE person_key = $1 AND day >= $2 AND day <= $3 AND ($4 = '' OR organisation = $4) LIMIT 1",
                )
                .bind(key)
                .bind(first)
                .bind(last)
                .bind(scope)
                .fetch_optional(&mut **tx)
                .await
                .map_err($crate::sql::db)?;
                if left.is_some() {
                    return Ok(());
                }
                let gone = ::sqlx::query("DELETE FROM monitoring_people_seen WHERE scope = $1 AND period = $2 AND person_key = $3")
                    .bind(scope)
                    .bind(period)
                    .bind(key)
                    .execute(&mut **tx)
                    .await
                    .map_err($crate::sql::db)?;
                if gone.rows_affected() == 1 {
                    Self::count_person(tx, scope, period, -1).await?;
                }
                Ok(())
            }

            async fn count_person(
                tx: &mut ::sqlx::Transaction<'_, $db>,
                scope: &str,
                period: &str,
                n: i64,
            ) -> $crate::StoreResult<()> {
                ::sqlx::query("INSERT INTO monitoring_people_counts (scope, period, n) VALUES ($1, $2, $3) ON CONFLICT (scope, period) DO UPDATE SET n = monitoring_people_counts.n + excluded.n")
                    .bind(scope)
                    .bind(period)
                    .bind(n)
                    .execute(&mut **tx)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(())
            }

            /// What a contact adds, inside its transaction.
            pub(crate) async fn tally_contact(
                tx: &mut ::sqlx::Transaction<'_, $db>,
                c: &loket_domain::contact::Contact,
                sign: i64,
            ) -> $crate::StoreResult<()> {
                let (tallies, person) = loket_domain::monitoring::rollup::of_contact(c);
                let tallies = tallies
                    .into_iter()
                    .map(|t| loket_domain::monitoring::rollup::Tally { n: t.n * sign, ..t })
                    .collect();
                Self::add_tallies(tx, tallies).await?;
                if let Some(p) = person {
                    Self::add_person_days(tx, vec![(p, sign)]).await?;
                }
                Ok(())
            }

            /// The organisation of a service, for a placement's tally.
            pub(crate) async fn service_organisation(
                tx: &mut ::sqlx::Transaction<'_, $db>,
                service_id: &str,
            ) -> $crate::StoreResult<String> {
                let org: Option<String> = ::sqlx::query_scalar("SELECT organization_id FROM services WHERE id = $1")
                    .bind(service_id)
                    .fetch_optional(&mut **tx)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(org.unwrap_or_default())
            }

            /// Rebuilds every tally from the records, in one transaction:
            /// contacts and referrals a window of time at a time, so memory
            /// stays bounded however many there are.
            /// With `only_if_missing`, a build that was done (or is being done
            /// by another process: the row's key makes the second wait and then
            /// find it) is left alone.
            pub(crate) async fn build_tallies(&self, at: i64, only_if_missing: bool) -> $crate::StoreResult<()> {
                use loket_domain::monitoring::rollup;
                const WINDOW: i64 = 14 * 86_400;
                let mut tx = self.pool.begin().await.map_err($crate::sql::db)?;
                if !only_if_missing {
                    ::sqlx::query("DELETE FROM monitoring_tallies_built")
                        .execute(&mut *tx)
                        .await
                        .map_err($crate::sql::db)?;
                }
                let claimed = ::sqlx::query("INSERT INTO monitoring_tallies_built (id, built_at) VALUES (1, $1) ON CONFLICT (id) DO NOTHING")
                    .bind(at)
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                if claimed.rows_affected() == 0 {
                    return Ok(());
                }
                for table in ["monitoring_tallies", "monitoring_daily", "monitoring_monthly", "monitoring_people", "monitoring_people_seen", "monitoring_people_counts"] {
                    ::sqlx::query(::sqlx::AssertSqlSafe(format!("DELETE FROM {table}")))
                        .execute(&mut *tx)
                        .await
                        .map_err($crate::sql::db)?;
                }
                for (table, column) in [("contacts", "at"), ("referrals", "created_at")] {
                    let range: (Option<i64>, Option<i64>) = ::sqlx::query_as(::sqlx::AssertSqlSafe(format!(
                        "SELECT MIN({column}), MAX({column}) FROM {table}"
                    )))
                    .fetch_one(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                    let (Some(first), Some(last)) = range else { continue };
                    let mut from = first;
                    while from <= last {
                        let docs: Vec<String> = ::sqlx::query_scalar(::sqlx::AssertSqlSafe(format!(
                            "SELECT doc FROM {table} WHERE {column} >= $1 AND {column} < $2"
                        )))
                        .bind(from)
                        .bind(from + WINDOW)
                        .fetch_all(&mut *tx)
                        .await
                        .map_err($crate::sql::db)?;
                        let mut tallies = Vec::new();
                        let mut people = Vec::new();
                        for doc in &docs {
                            if table == "contacts" {
                                let c: loket_domain::contact::Contact = $crate::sql::from_json(doc)?;
                                let (t, p) = rollup::of_contact(&c);
                                tallies.extend(t);
                                people.extend(p.map(|p| (p, 1)));
                            } else {
                                tallies.extend(rollup::of_referral(&$crate::sql::referrals::referral(doc)?));
                            }
                        }
                        Self::add_tallies(&mut tx, tallies).await?;
                        Self::insert_person_days(&mut tx, people).await?;
                        from += WINDOW;
                    }
                }
                let placements: Vec<(String, String, Option<String>)> = ::sqlx::query_as(
                    "SELECT p.start_date, p.service_id, s.organization_id FROM placements p LEFT JOIN services s ON s.id = p.service_id",
                )
                .fetch_all(&mut *tx)
                .await
                .map_err($crate::sql::db)?;
                let mut tallies = Vec::new();
                for (start, service, org) in placements {
                    let day = ::chrono::NaiveDate::parse_from_str(&start, "%Y-%m-%d")
                        .map_err(|_| $crate::StoreError::Corrupt(format!("placement date {start:?}")))?;
                    tallies.push(rollup::of_placement(day, &org.unwrap_or_default(), &service));
                }
                Self::add_tallies(&mut tx, tallies).await?;
                for (scope, period) in [("''", 4), ("''", 7), ("organisation", 4), ("organisation", 7)] {
                    ::sqlx::query(::sqlx::AssertSqlSafe(format!(
                        "INSERT INTO monitoring_people_seen (scope, period, person_key) \
                         SELECT DISTINCT {scope}, substr(day, 1, {period}), person_key FROM monitoring_people"
                    )))
                    .execute(&mut *tx)
                    .await
                    .map_err($crate::sql::db)?;
                }
                ::sqlx::query(
                    "INSERT INTO monitoring_people_counts (scope, period, n) \
                     SELECT scope, period, COUNT(*) FROM monitoring_people_seen GROUP BY scope, period",
                )
                .execute(&mut *tx)
                .await
                .map_err($crate::sql::db)?;
                tx.commit().await.map_err($crate::sql::db)
            }
        }
    };
}
