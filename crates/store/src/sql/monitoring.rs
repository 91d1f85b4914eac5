//! The targets of the indicators, written once for both sqlx backends. Rows are
//! only added (the table refuses changes), so the history is the table.

/// A `monitoring_targets` row: indicator, scope, year, value, set by, set at.
pub type TargetRow = (String, String, i32, i64, String, i64);

pub fn target_record(row: TargetRow) -> crate::StoreResult<crate::monitoring::TargetRecord> {
    let (indicator, scope, year, value, set_by, set_at) = row;
    Ok(crate::monitoring::TargetRecord {
        target: loket_domain::monitoring::Target {
            indicator,
            scope: loket_domain::monitoring::TargetScope::parse(&scope)
                .ok_or_else(|| crate::StoreError::Corrupt(format!("target scope {scope:?}")))?,
            year,
            value: u64::try_from(value)
                .map_err(|_| crate::StoreError::Corrupt(format!("target value {value}")))?,
        },
        set_by,
        set_at,
    })
}

/// A `programme_milestones` row: milestone, status, owner, set by, set at.
pub type MilestoneRow = (String, String, String, String, i64);

pub fn milestone_record(
    row: MilestoneRow,
) -> crate::StoreResult<crate::monitoring::MilestoneRecord> {
    let (milestone, status, owner, set_by, set_at) = row;
    Ok(crate::monitoring::MilestoneRecord {
        status: loket_domain::monitoring::programme::Status::parse(&status)
            .ok_or_else(|| crate::StoreError::Corrupt(format!("milestone status {status:?}")))?,
        milestone,
        owner,
        set_by,
        set_at,
    })
}

/// A `programme_budget` row: action line, kind, cents, day, note, set by, set at.
pub type BudgetRow = (String, String, i64, String, String, String, i64);

pub fn budget_record(row: BudgetRow) -> crate::StoreResult<crate::monitoring::BudgetRecord> {
    let (action_line, kind, cents, on, note, set_by, set_at) = row;
    Ok(crate::monitoring::BudgetRecord {
        entry: loket_domain::monitoring::programme::BudgetEntry {
            kind: loket_domain::monitoring::programme::BudgetKind::parse(&kind)
                .ok_or_else(|| crate::StoreError::Corrupt(format!("budget kind {kind:?}")))?,
            on: ::chrono::NaiveDate::parse_from_str(&on, "%Y-%m-%d")
                .map_err(|_| crate::StoreError::Corrupt(format!("budget day {on:?}")))?,
            action_line,
            cents,
            note,
        },
        set_by,
        set_at,
    })
}

/// The storage of targets for a sqlx backend.
#[macro_export]
macro_rules! sqlx_monitoring_impls {
    ($store:ty) => {
        #[$crate::sql::async_trait]
        impl $crate::monitoring::MonitoringStore for $store {
            async fn set_target(
                &self,
                target: &loket_domain::monitoring::Target,
                set_by: &str,
                at: i64,
            ) -> $crate::StoreResult<()> {
                let value = i64::try_from(target.value).map_err(|_| $crate::StoreError::Rejected {
                    record: format!("target {}", target.indicator),
                    field: "value".into(),
                    message: "is too large".into(),
                })?;
                ::sqlx::query("INSERT INTO monitoring_targets (indicator, scope, year, value, set_by, set_at) VALUES ($1, $2, $3, $4, $5, $6)")
                    .bind(&target.indicator)
                    .bind(target.scope.code())
                    .bind(target.year)
                    .bind(value)
                    .bind(set_by)
                    .bind(at)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(())
            }

            async fn targets(&self, year: i32) -> $crate::StoreResult<Vec<$crate::monitoring::TargetRecord>> {
                let rows: Vec<$crate::sql::monitoring::TargetRow> = ::sqlx::query_as(
                    "SELECT indicator, scope, year, value, set_by, set_at FROM monitoring_targets t \
                     WHERE year = $1 AND id = (SELECT MAX(id) FROM monitoring_targets u \
                     WHERE u.year = t.year AND u.indicator = t.indicator AND u.scope = t.scope) \
                     ORDER BY indicator, scope",
                )
                .bind(year)
                .fetch_all(&self.pool)
                .await
                .map_err($crate::sql::db)?;
                rows.into_iter().map($crate::sql::monitoring::target_record).collect()
            }

            async fn target_history(
                &self,
                indicator: &str,
                scope: &str,
                year: i32,
            ) -> $crate::StoreResult<Vec<$crate::monitoring::TargetRecord>> {
                let rows: Vec<$crate::sql::monitoring::TargetRow> = ::sqlx::query_as(
                    "SELECT indicator, scope, year, value, set_by, set_at FROM monitoring_targets \
                     WHERE indicator = $1 AND scope = $2 AND year = $3 ORDER BY id DESC",
                )
                .bind(indicator)
                .bind(scope)
                .bind(year)
                .fetch_all(&self.pool)
                .await
                .map_err($crate::sql::db)?;
                rows.into_iter().map($crate::sql::monitoring::target_record).collect()
            }

            async fn routings_per_day(
                &self,
                first: ::chrono::NaiveDate,
                last: ::chrono::NaiveDate,
            ) -> $crate::StoreResult<Vec<$crate::monitoring::DayCount>> {
                let rows: Vec<(::chrono::NaiveDate, String, i64)> = ::sqlx::query_as(
                    "SELECT day, region, CAST(SUM(count) AS BIGINT) FROM front_door_routes \
                     WHERE day >= $1 AND day <= $2 GROUP BY day, region ORDER BY day, region",
                )
                .bind(first)
                .bind(last)
                .fetch_all(&self.pool)
                .await
                .map_err($crate::sql::db)?;
                Ok(rows
                    .into_iter()
                    .map(|(day, region, count)| $crate::monitoring::DayCount {
                        day,
                        region,
                        count: u64::try_from(count).unwrap_or(0),
                    })
                    .collect())
            }

            async fn set_milestone(
                &self,
                programme: &str,
                milestone: &str,
                status: loket_domain::monitoring::programme::Status,
                owner: &str,
                set_by: &str,
                at: i64,
            ) -> $crate::StoreResult<()> {
                ::sqlx::query("INSERT INTO programme_milestones (programme, milestone, status, owner, set_by, set_at) VALUES ($1, $2, $3, $4, $5, $6)")
                    .bind(programme)
                    .bind(milestone)
                    .bind(status.code())
                    .bind(owner)
                    .bind(set_by)
                    .bind(at)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(())
            }

            async fn milestones(&self, programme: &str) -> $crate::StoreResult<Vec<$crate::monitoring::MilestoneRecord>> {
                let rows: Vec<$crate::sql::monitoring::MilestoneRow> = ::sqlx::query_as(
                    "SELECT milestone, status, owner, set_by, set_at FROM programme_milestones m \
                     WHERE programme = $1 AND id = (SELECT MAX(id) FROM programme_milestones n \
                     WHERE n.programme = m.programme AND n.milestone = m.milestone) ORDER BY milestone",
                )
                .bind(programme)
                .fetch_all(&self.pool)
                .await
                .map_err($crate::sql::db)?;
                rows.into_iter().map($crate::sql::monitoring::milestone_record).collect()
            }

            async fn add_budget(
                &self,
                programme: &str,
                entry: &loket_domain::monitoring::programme::BudgetEntry,
                set_by: &str,
                at: i64,
            ) -> $crate::StoreResult<()> {
                ::sqlx::query("INSERT INTO programme_budget (programme, action_line, kind, cents, on_day, note, set_by, set_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                    .bind(programme)
                    .bind(&entry.action_line)
                    .bind(entry.kind.code())
                    .bind(entry.cents)
                    .bind(entry.on.to_string())
                    .bind(&entry.note)
                    .bind(set_by)
                    .bind(at)
                    .execute(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                Ok(())
            }

            async fn budget(&self, programme: &str) -> $crate::StoreResult<Vec<$crate::monitoring::BudgetRecord>> {
                let rows: Vec<$crate::sql::monitoring::BudgetRow> = ::sqlx::query_as(
                    "SELECT action_line, kind, cents, on_day, note, set_by, set_at FROM programme_budget \
                     WHERE programme = $1 ORDER BY id",
                )
                .bind(programme)
                .fetch_all(&self.pool)
                .await
                .map_err($crate::sql::db)?;
                rows.into_iter().map($crate::sql::monitoring::budget_record).collect()
            }

            async fn monthly_tallies(
                &self,
                first: ::chrono::NaiveDate,
                last: ::chrono::NaiveDate,
            ) -> $crate::StoreResult<Vec<loket_domain::monitoring::rollup::Tally>> {
                let whole = $crate::sql::tallies::whole_months(first, last);
                let sql = if whole {
                    "SELECT kind, month || '-01', organisation, '', '', '', '', n \
                     FROM monitoring_monthly WHERE month >= $1 AND month <= $2"
                } else {
                    "SELECT kind, substr(day, 1, 7) || '-01', organisation, '', '', '', '', CAST(SUM(n) AS BIGINT) \
                     FROM monitoring_daily WHERE day >= $1 AND day <= $2 \
                     GROUP BY kind, substr(day, 1, 7), organisation"
                };
                let (from, to) = if whole {
                    (first.format("%Y-%m").to_string(), last.format("%Y-%m").to_string())
                } else {
                    (first.to_string(), last.to_string())
                };
                let rows: Vec<$crate::sql::tallies::TallyRow> = ::sqlx::query_as(sql)
                .bind(from)
                .bind(to)
                .fetch_all(&self.pool)
                .await
                .map_err($crate::sql::db)?;
                rows.into_iter().map($crate::sql::tallies::tally).collect()
            }

            async fn detailed_tallies(
                &self,
                kind: loket_domain::monitoring::rollup::Kind,
                first: ::chrono::NaiveDate,
                last: ::chrono::NaiveDate,
            ) -> $crate::StoreResult<Vec<loket_domain::monitoring::rollup::Tally>> {
                let rows: Vec<$crate::sql::tallies::TallyRow> = ::sqlx::query_as(
                    "SELECT kind, substr(day, 1, 7) || '-01', organisation, service, channel, residence, target_group, CAST(SUM(n) AS BIGINT) \
                     FROM monitoring_tallies WHERE kind = $1 AND day >= $2 AND day <= $3 \
                     GROUP BY kind, substr(day, 1, 7), organisation, service, channel, residence, target_group",
                )
                .bind(kind.code())
                .bind(first.to_string())
                .bind(last.to_string())
                .fetch_all(&self.pool)
                .await
                .map_err($crate::sql::db)?;
                rows.into_iter().map($crate::sql::tallies::tally).collect()
            }

            async fn named_people(
                &self,
                first: ::chrono::NaiveDate,
                last: ::chrono::NaiveDate,
                organisations: Option<&[String]>,
            ) -> $crate::StoreResult<loket_domain::monitoring::rollup::NamedPeople> {
                if let Some(counted) = self.counted_people(first, last, organisations).await? {
                    return Ok(counted);
                }
                // The organisations are bound, never written into the SQL.
                let within = match organisations {
                    None => String::new(),
                    Some(list) if list.is_empty() => " AND 1 = 0".to_string(),
                    Some(list) => format!(
                        " AND organisation IN ({})",
                        (0..list.len()).map(|i| format!("${}", i + 3)).collect::<Vec<_>>().join(", ")
                    ),
                };
                let bind_all = |sql: String| {
                    let mut q = ::sqlx::query_as::<_, (String, i64)>(::sqlx::AssertSqlSafe(sql))
                        .bind(first.to_string())
                        .bind(last.to_string());
                    for o in organisations.unwrap_or(&[]) {
                        q = q.bind(o.clone());
                    }
                    q
                };
                let months = bind_all(format!(
                    "SELECT substr(day, 1, 7), CAST(COUNT(DISTINCT person_key) AS BIGINT) FROM monitoring_people \
                     WHERE day >= $1 AND day <= $2{within} GROUP BY substr(day, 1, 7)"
                ))
                .fetch_all(&self.pool)
                .await
                .map_err($crate::sql::db)?;
                let total = bind_all(format!(
                    "SELECT '', CAST(COUNT(DISTINCT person_key) AS BIGINT) FROM monitoring_people \
                     WHERE day >= $1 AND day <= $2{within}"
                ))
                .fetch_one(&self.pool)
                .await
                .map_err($crate::sql::db)?;
                Ok(loket_domain::monitoring::rollup::NamedPeople {
                    total: u64::try_from(total.1).unwrap_or(0),
                    months: months
                        .into_iter()
                        .map(|(m, n)| (m, u64::try_from(n).unwrap_or(0)))
                        .collect(),
                })
            }

            async fn rebuild_tallies(&self, at: i64) -> $crate::StoreResult<()> {
                self.build_tallies(at, false).await
            }

            async fn ensure_tallies(&self, at: i64) -> $crate::StoreResult<()> {
                let built: Option<i64> = ::sqlx::query_scalar("SELECT built_at FROM monitoring_tallies_built WHERE id = 1")
                    .fetch_optional(&self.pool)
                    .await
                    .map_err($crate::sql::db)?;
                if built.is_none() {
                    self.build_tallies(at, true).await?;
                }
                Ok(())
            }
        }
    };
}
