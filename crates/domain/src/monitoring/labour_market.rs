//! Labour-market insight from the platform's own records: open vacancies
//! against registered candidates per sector, occupation and area (where the
//! shortage and the mismatch are), and the front door's questions per topic and
//! region, with those that fell back to a generalist (gaps in the menu).
//! Counting is here; what an aggregate-only audience may see of it too
//! (candidates are people: small counts hidden, and where a line adds up to a
//! published total, no hidden count can be worked back out).

use crate::disclosure::{protect_line, protect_table, too_small};
use std::collections::{BTreeMap, BTreeSet};

/// What counts of a candidate: the occupations they seek and where they live
/// (a region's code, `abroad:{country}`, or empty when unknown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CandidateFacts {
    pub occupations: Vec<String>,
    pub area: String,
}

/// What counts of an open vacancy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VacancyFacts {
    pub occupation: String,
    pub sector: String,
    pub area: String,
    pub positions: u64,
}

/// Demand and supply for one sector, occupation or area.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    pub key: String,
    pub vacancies: u64,
    pub positions: u64,
    /// Candidates who fit: for a sector, those seeking an occupation the
    /// sector's vacancies ask for; for an occupation, those seeking it; for an
    /// area, those living there.
    pub candidates: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Supply {
    pub sectors: Vec<Row>,
    pub occupations: Vec<Row>,
    pub areas: Vec<Row>,
    pub candidates: u64,
    pub vacancies: u64,
    pub positions: u64,
}

fn add_vacancy(rows: &mut BTreeMap<String, Row>, key: &str, v: &VacancyFacts) {
    let row = rows.entry(key.to_string()).or_default();
    row.vacancies += 1;
    row.positions += v.positions;
}

/// Counts demand (open vacancies and their positions) against supply
/// (candidates) per sector, occupation and area. Candidates stream past once.
pub fn supply_and_demand(
    vacancies: &[VacancyFacts],
    candidates: impl IntoIterator<Item = CandidateFacts>,
) -> Supply {
    let (mut sectors, mut occupations, mut areas) =
        (BTreeMap::new(), BTreeMap::new(), BTreeMap::new());
    let mut sectors_of: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for v in vacancies {
        add_vacancy(&mut sectors, &v.sector, v);
        add_vacancy(&mut occupations, &v.occupation, v);
        add_vacancy(&mut areas, &v.area, v);
        sectors_of
            .entry(v.occupation.as_str())
            .or_default()
            .insert(v.sector.as_str());
    }
    let mut total = 0;
    for c in candidates {
        total += 1;
        let sought: BTreeSet<&str> = c.occupations.iter().map(String::as_str).collect();
        let mut fits: BTreeSet<&str> = BTreeSet::new();
        for o in &sought {
            occupations.entry(o.to_string()).or_default().candidates += 1;
            fits.extend(sectors_of.get(o).into_iter().flatten().copied());
        }
        for s in fits {
            sectors.entry(s.to_string()).or_default().candidates += 1;
        }
        areas.entry(c.area.clone()).or_default().candidates += 1;
    }
    let rows = |m: BTreeMap<String, Row>| {
        m.into_iter()
            .map(|(key, row)| Row { key, ..row })
            .collect::<Vec<_>>()
    };
    Supply {
        sectors: rows(sectors),
        occupations: rows(occupations),
        areas: rows(areas),
        candidates: total,
        vacancies: vacancies.len() as u64,
        positions: vacancies.iter().map(|v| v.positions).sum(),
    }
}

/// A count as published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Count(u64),
    Hidden,
}

impl Cell {
    pub fn count(self) -> Option<u64> {
        match self {
            Cell::Count(n) => Some(n),
            Cell::Hidden => None,
        }
    }
}

/// A row as an audience sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    pub key: String,
    pub vacancies: u64,
    pub positions: u64,
    pub candidates: Cell,
    /// Positions minus candidates (a shortage when above zero), when both are shown.
    pub gap: Option<i64>,
}

/// The rows for an audience: exact, or (aggregates only) with candidate counts
/// under `threshold` hidden. `adds_up`: the candidates of the rows add up to
/// the published total (each candidate in one row), so one more is hidden
/// where a lone hidden count could be worked back out. Vacancies are public.
pub fn publish(rows: &[Row], exact: bool, threshold: u64, adds_up: bool) -> Vec<Published> {
    let counts: Vec<u64> = rows.iter().map(|r| r.candidates).collect();
    let hidden: Vec<bool> = match (exact, adds_up) {
        (true, _) => vec![false; rows.len()],
        (false, true) => protect_line(&counts, threshold).hidden,
        (false, false) => counts.iter().map(|&n| too_small(n, threshold)).collect(),
    };
    rows.iter()
        .zip(hidden)
        .map(|(r, hide)| {
            let candidates = if hide {
                Cell::Hidden
            } else {
                Cell::Count(r.candidates)
            };
            Published {
                key: r.key.clone(),
                vacancies: r.vacancies,
                positions: r.positions,
                gap: candidates.count().map(|c| r.positions as i64 - c as i64),
                candidates,
            }
        })
        .collect()
}

/// Whether the candidates' total may be shown to an aggregate-only audience.
pub fn total_shown(rows: &[Row], exact: bool, threshold: u64) -> bool {
    let counts: Vec<u64> = rows.iter().map(|r| r.candidates).collect();
    exact || !protect_line(&counts, threshold).total_hidden
}

/// One counted combination of the front door.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asked {
    pub topic: String,
    /// The front door (a region's code; empty for the deployment's own).
    pub door: String,
    pub fell_back: bool,
    pub count: u64,
}

/// A topic × front-door table with its margins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicTable {
    pub topics: Vec<String>,
    pub doors: Vec<String>,
    pub cells: Vec<Vec<Cell>>,
    pub topic_totals: Vec<Cell>,
    pub door_totals: Vec<Cell>,
    pub total: Cell,
}

/// Questions per topic and front door (`fell_back_only`: only those that fell
/// back to a generalist), with margins; for an aggregate-only audience the
/// two-way table's suppression, so no hidden count follows from the margins.
pub fn topics(asked: &[Asked], fell_back_only: bool, exact: bool, threshold: u64) -> TopicTable {
    let chosen: Vec<&Asked> = asked
        .iter()
        .filter(|a| !fell_back_only || a.fell_back)
        .collect();
    let topics: Vec<String> = chosen
        .iter()
        .map(|a| a.topic.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let doors: Vec<String> = chosen
        .iter()
        .map(|a| a.door.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut counts = vec![vec![0u64; doors.len()]; topics.len()];
    for a in &chosen {
        if let (Ok(i), Ok(j)) = (topics.binary_search(&a.topic), doors.binary_search(&a.door)) {
            counts[i][j] += a.count;
        }
    }
    let pattern = (!exact).then(|| protect_table(&counts, threshold));
    let cell = |n: u64, hidden: bool| if hidden { Cell::Hidden } else { Cell::Count(n) };
    let row_sums: Vec<u64> = counts.iter().map(|r| r.iter().sum()).collect();
    let column_sums: Vec<u64> = (0..doors.len())
        .map(|j| counts.iter().map(|r| r[j]).sum())
        .collect();
    let p = pattern.as_ref();
    TopicTable {
        cells: counts
            .iter()
            .enumerate()
            .map(|(i, r)| {
                r.iter()
                    .enumerate()
                    .map(|(j, &n)| cell(n, p.is_some_and(|p| p.hidden[i][j])))
                    .collect()
            })
            .collect(),
        topic_totals: row_sums
            .iter()
            .enumerate()
            .map(|(i, &n)| cell(n, p.is_some_and(|p| p.row_totals[i])))
            .collect(),
        door_totals: column_sums
            .iter()
            .enumerate()
            .map(|(j, &n)| cell(n, p.is_some_and(|p| p.column_totals[j])))
            .collect(),
        total: cell(row_sums.iter().sum(), p.is_some_and(|p| p.total)),
        topics,
        doors,
    }
}

/// The topic a counted combination of answers (`k=v&…`) was about.
pub fn topic_of(combination: &str) -> String {
    combination
        .split('&')
        .find_map(|pair| pair.strip_prefix("topic="))
        .filter(|t| !t.is_empty())
        .unwrap_or("other")
        .to_string()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn vacancy(occupation: &str, sector: &str, area: &str, positions: u64) -> VacancyFacts {
        VacancyFacts {
            occupation: occupation.into(),
            sector: sector.into(),
            area: area.into(),
            positions,
        }
    }

    fn candidate(occupations: &[&str], area: &str) -> CandidateFacts {
        CandidateFacts {
            occupations: occupations.iter().map(|o| o.to_string()).collect(),
            area: area.into(),
        }
    }

    #[test]
    fn demand_and_supply_show_the_shortage_and_the_mismatch() {
        let vacancies = [
            vacancy("nurse", "care", "zuid-limburg", 4),
            vacancy("nurse", "care", "noord-limburg", 2),
            vacancy("engineer", "manufacturing", "zuid-limburg", 1),
        ];
        let candidates = [
            candidate(&["nurse"], "zuid-limburg"),
            candidate(&["nurse", "engineer"], "abroad:DE"),
            candidate(&["baker"], "zuid-limburg"),
        ];
        let s = supply_and_demand(&vacancies, candidates);
        assert_eq!((s.candidates, s.vacancies, s.positions), (3, 3, 7));
        let row = |rows: &[Row], key: &str| rows.iter().find(|r| r.key == key).cloned().unwrap();
        // Six nursing positions, two nurses: the shortage. A baker and no bakery: the mismatch.
        assert_eq!(
            row(&s.occupations, "nurse"),
            Row {
                key: "nurse".into(),
                vacancies: 2,
                positions: 6,
                candidates: 2
            }
        );
        assert_eq!(row(&s.occupations, "baker").positions, 0);
        // A candidate counts once per sector, however many of its occupations fit.
        assert_eq!(row(&s.sectors, "care").candidates, 2);
        assert_eq!(row(&s.sectors, "manufacturing").candidates, 1);
        assert_eq!(
            row(&s.areas, "zuid-limburg"),
            Row {
                key: "zuid-limburg".into(),
                vacancies: 2,
                positions: 5,
                candidates: 2
            }
        );
        assert_eq!(row(&s.areas, "abroad:DE").candidates, 1);
        let areas: u64 = s.areas.iter().map(|r| r.candidates).sum();
        assert_eq!(areas, s.candidates, "every candidate lives in one area");
    }

    #[test]
    fn an_aggregate_audience_sees_no_small_count_and_no_lone_hidden_one() {
        let rows: Vec<Row> = [("a", 40), ("b", 2), ("c", 9), ("d", 0)]
            .iter()
            .map(|(k, n)| Row {
                key: k.to_string(),
                vacancies: 1,
                positions: 10,
                candidates: *n,
            })
            .collect();
        let exact = publish(&rows, true, 5, true);
        assert_eq!(exact[1].candidates, Cell::Count(2));
        assert_eq!(exact[1].gap, Some(8));
        let shown = publish(&rows, false, 5, true);
        let cells: Vec<Cell> = shown.iter().map(|p| p.candidates).collect();
        // 2 is too small; 9 (the smallest other non-zero) goes with it, zeros stay.
        assert_eq!(
            cells,
            [Cell::Count(40), Cell::Hidden, Cell::Hidden, Cell::Count(0)]
        );
        assert_eq!(shown[1].gap, None);
        // Rows that need not add up hide only what is small.
        let loose: Vec<Cell> = publish(&rows, false, 5, false)
            .iter()
            .map(|p| p.candidates)
            .collect();
        assert_eq!(
            loose,
            [
                Cell::Count(40),
                Cell::Hidden,
                Cell::Count(9),
                Cell::Count(0)
            ]
        );
    }

    #[test]
    fn questions_per_topic_and_door_hide_what_the_margins_would_give_away() {
        let asked = |topic: &str, door: &str, fell_back, count| Asked {
            topic: topic.into(),
            door: door.into(),
            fell_back,
            count,
        };
        let all = [
            asked("tax", "zuid-limburg", false, 30),
            asked("tax", "noord-limburg", false, 20),
            asked("tax", "noord-limburg", true, 2),
            asked("housing", "zuid-limburg", true, 12),
            asked("housing", "noord-limburg", false, 25),
        ];
        let exact = topics(&all, false, true, 5);
        assert_eq!(exact.topics, ["housing", "tax"]);
        assert_eq!(exact.doors, ["noord-limburg", "zuid-limburg"]);
        assert_eq!(exact.cells[1], [Cell::Count(22), Cell::Count(30)]);
        assert_eq!(exact.total, Cell::Count(89));
        let gaps = topics(&all, true, false, 5);
        // Tax at Noord-Limburg fell back twice: hidden, and with it what would give it away.
        assert_eq!(gaps.cells[1][0], Cell::Hidden);
        assert!(gaps.topic_totals[1] == Cell::Hidden || gaps.door_totals[0] == Cell::Hidden);
        assert_eq!(topic_of("who=worker&topic=tax&channel=phone"), "tax");
        assert_eq!(topic_of("who=worker&topic=&channel="), "other");
    }
}
