//! Disclosure control for a two-way table whose row totals, column totals and
//! grand total are published with it (e.g. contacts by organisation × quarter).
//!
//! Think of the table with its margins as a grid where every row and every
//! column adds up (a margin is the sum of its line). The hidden cells are edges
//! of a graph between row and column lines. What is published pins a hidden
//! cell exactly when its edge is on no cycle of that graph (a bridge): any cycle
//! lets its cells move by one up and one down in turn while every line still
//! adds up, and since hidden cells are never zero, both directions stay
//! possible. So: hide what is under the threshold (cells and margins), then, as
//! long as a hidden cell is a bridge, hide one more cell in its row or column
//! (the smallest non-zero one, preferring one that closes a cycle; the first of
//! equals) until no hidden cell is a bridge. The same data gives the same
//! pattern. Tables of one release that share only margins (every table adds up
//! to the same grand total) are protected by protecting each.

use super::too_small;

/// Which cells are hidden, and which margins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TablePattern {
    pub hidden: Vec<Vec<bool>>,
    pub row_totals: Vec<bool>,
    pub column_totals: Vec<bool>,
    pub total: bool,
}

/// The table with its margins: `rows + 1` lines of `columns + 1` values.
fn extended(cells: &[Vec<u64>], columns: usize) -> Vec<Vec<u64>> {
    let mut e: Vec<Vec<u64>> = cells
        .iter()
        .map(|r| {
            let mut line: Vec<u64> = (0..columns)
                .map(|j| r.get(j).copied().unwrap_or(0))
                .collect();
            line.push(line.iter().sum());
            line
        })
        .collect();
    let margin: Vec<u64> = (0..=columns)
        .map(|j| e.iter().map(|r| r[j]).sum())
        .collect();
    e.push(margin);
    e
}

/// The lines reachable from `start` over hidden cells without the cell
/// `(i, j)`. Nodes: rows `0..rows`, then columns `rows..rows + columns`.
fn reachable(hidden: &[Vec<bool>], start: usize, (i, j): (usize, usize)) -> Vec<bool> {
    let rows = hidden.len();
    let columns = hidden.first().map_or(0, Vec::len);
    let mut seen = vec![false; rows + columns];
    let mut stack = vec![start];
    seen[start] = true;
    while let Some(node) = stack.pop() {
        let next: Vec<usize> = if node < rows {
            (0..columns)
                .filter(|&c| hidden[node][c] && (node, c) != (i, j))
                .map(|c| rows + c)
                .collect()
        } else {
            let c = node - rows;
            (0..rows)
                .filter(|&r| hidden[r][c] && (r, c) != (i, j))
                .collect()
        };
        for n in next {
            if !seen[n] {
                seen[n] = true;
                stack.push(n);
            }
        }
    }
    seen
}

/// The cell to hide so that the hidden cell `(i, j)` is no longer pinned, or
/// `None` when it is on a cycle already. Best is a cell joining the two sides
/// the cell `(i, j)` alone connects (that closes a cycle through it); else a
/// cell of its row or column, which grows a side. Inner cells come before
/// totals (a total appears in other tables too), a cell whose other line
/// already holds a hidden one before one that does not, then the smallest
/// count, then the first.
fn partner(
    e: &[Vec<u64>],
    hidden: &[Vec<bool>],
    i: usize,
    j: usize,
) -> Option<Option<(usize, usize)>> {
    let rows = e.len();
    let columns = e.first().map_or(0, Vec::len);
    let side_a = reachable(hidden, i, (i, j));
    if side_a[rows + j] {
        return None;
    }
    let side_b = reachable(hidden, rows + j, (i, j));
    let open = |r: usize, c: usize| !hidden[r][c] && e[r][c] > 0;
    let is_total = |r: usize, c: usize| r + 1 == rows || c + 1 == columns;
    let line_has_hidden = |r: usize, c: usize| {
        let other_row = r != i && hidden[r].iter().any(|h| *h);
        let other_column = c != j && (0..rows).any(|x| hidden[x][c]);
        other_row || other_column
    };
    let order = |&(r, c): &(usize, usize)| (is_total(r, c), !line_has_hidden(r, c), e[r][c], r, c);
    let cells = || (0..rows).flat_map(|r| (0..columns).map(move |c| (r, c)));
    let closing = cells()
        .filter(|&(r, c)| open(r, c))
        .filter(|&(r, c)| (side_a[r] && side_b[rows + c]) || (side_b[r] && side_a[rows + c]))
        .min_by_key(order);
    let growing = || {
        cells()
            .filter(|&(r, c)| open(r, c) && (r == i || c == j))
            .min_by_key(order)
    };
    Some(closing.or_else(growing))
}

/// The suppression pattern of a table of counts published with its margins.
pub fn protect_table(cells: &[Vec<u64>], threshold: u64) -> TablePattern {
    let columns = cells.iter().map(Vec::len).max().unwrap_or(0);
    let e = extended(cells, columns);
    let mut hidden: Vec<Vec<bool>> = e
        .iter()
        .map(|r| r.iter().map(|&n| too_small(n, threshold)).collect())
        .collect();
    // Each round hides one more cell for the first pinned cell that can be
    // helped; it ends when none is pinned, or none can be helped (every other
    // count beside it is zero or hidden already).
    loop {
        let next = (0..e.len())
            .flat_map(|i| (0..=columns).map(move |j| (i, j)))
            .filter(|&(i, j)| hidden[i][j])
            .find_map(|(i, j)| partner(&e, &hidden, i, j).flatten());
        let Some((r, c)) = next else { break };
        hidden[r][c] = true;
    }
    let rows = cells.len();
    TablePattern {
        hidden: hidden[..rows]
            .iter()
            .map(|r| r[..columns].to_vec())
            .collect(),
        row_totals: hidden[..rows].iter().map(|r| r[columns]).collect(),
        column_totals: hidden[rows][..columns].to_vec(),
        total: hidden[rows][columns],
    }
}

#[cfg(test)]
// Grids read best by their coordinates.
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::needless_range_loop)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    #[test]
    fn a_lone_small_cell_takes_three_others_with_it() {
        // The 2 could be worked out from its row and from its column: a cycle
        // of four hidden cells protects it.
        let p = protect_table(&[vec![2, 10, 20], vec![15, 30, 40]], 5);
        assert_eq!(
            p.hidden,
            vec![vec![true, true, false], vec![true, true, false]]
        );
        assert!(
            !p.total && p.row_totals == [false, false] && p.column_totals == [false, false, false]
        );
    }

    #[test]
    fn a_small_margin_is_hidden_and_protected_too() {
        // Row 0 adds up to 3: the margin is hidden, and so must be the cells
        // that would give it away.
        let p = protect_table(&[vec![1, 2], vec![20, 30]], 5);
        assert!(p.row_totals[0]);
        assert!(p.hidden[0][0] && p.hidden[0][1]);
    }

    /// Every value each hidden number (cell or margin) can take given what is
    /// published, found by enumerating the hidden cells independently of how
    /// the pattern was chosen. A hidden cell without any published total above
    /// it is open anyway; it is tried up to one above the grand total.
    fn possible(cells: &[Vec<u64>], p: &TablePattern) -> BTreeSet<(usize, usize, u64)> {
        let rows = cells.len();
        let columns = cells[0].len();
        let e = extended(cells, columns);
        let hidden_at = |i: usize, j: usize| -> bool {
            match (i == rows, j == columns) {
                (false, false) => p.hidden[i][j],
                (false, true) => p.row_totals[i],
                (true, false) => p.column_totals[j],
                (true, true) => p.total,
            }
        };
        let inner: Vec<(usize, usize)> = (0..rows)
            .flat_map(|i| (0..columns).map(move |j| (i, j)))
            .filter(|&(i, j)| p.hidden[i][j])
            .collect();
        let cap = |i: usize, j: usize| -> u64 {
            if !p.row_totals[i] {
                e[i][columns]
            } else if !p.column_totals[j] {
                e[rows][j]
            } else if !p.total {
                e[rows][columns]
            } else {
                e[rows][columns] + 1
            }
        };
        let mut grid = e.clone();
        let mut out = BTreeSet::new();
        fn walk(
            k: usize,
            inner: &[(usize, usize)],
            grid: &mut Vec<Vec<u64>>,
            cap: &dyn Fn(usize, usize) -> u64,
            hidden_at: &dyn Fn(usize, usize) -> bool,
            e: &[Vec<u64>],
            out: &mut BTreeSet<(usize, usize, u64)>,
        ) {
            let rows = e.len() - 1;
            let columns = e[0].len() - 1;
            if k == inner.len() {
                for line in grid.iter_mut().take(rows) {
                    line[columns] = line[..columns].iter().sum();
                }
                let margin: Vec<u64> = (0..=columns)
                    .map(|j| grid[..rows].iter().map(|line| line[j]).sum())
                    .collect();
                grid[rows] = margin;
                let consistent = (0..=rows)
                    .all(|i| (0..=columns).all(|j| hidden_at(i, j) || grid[i][j] == e[i][j]));
                if consistent {
                    for i in 0..=rows {
                        for j in 0..=columns {
                            if hidden_at(i, j) {
                                out.insert((i, j, grid[i][j]));
                            }
                        }
                    }
                }
                return;
            }
            let (i, j) = inner[k];
            for v in 0..=cap(i, j) {
                grid[i][j] = v;
                walk(k + 1, inner, grid, cap, hidden_at, e, out);
            }
            grid[i][j] = e[i][j];
        }
        walk(0, &inner, &mut grid, &cap, &hidden_at, &e, &mut out);
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn no_hidden_number_is_determined_by_the_published_ones(
            rows in 1usize..3,
            columns in 1usize..4,
            values in proptest::collection::vec(0u64..5, 9),
            threshold in 2u64..5,
        ) {
            let cells: Vec<Vec<u64>> = (0..rows)
                .map(|i| (0..columns).map(|j| values[i * 3 + j]).collect())
                .collect();
            let p = protect_table(&cells, threshold);
            prop_assert_eq!(&protect_table(&cells, threshold), &p, "the same data, the same pattern");
            let e = extended(&cells, columns);
            let values = possible(&cells, &p);
            for i in 0..=rows {
                for j in 0..=columns {
                    let hidden = match (i == rows, j == columns) {
                        (false, false) => p.hidden[i][j],
                        (false, true) => p.row_totals[i],
                        (true, false) => p.column_totals[j],
                        (true, true) => p.total,
                    };
                    prop_assert!(!too_small(e[i][j], threshold) || hidden, "a small number is hidden");
                    if hidden {
                        let seen: Vec<u64> = values.iter().filter(|(r, c, _)| (*r, *c) == (i, j)).map(|t| t.2).collect();
                        prop_assert!(seen.contains(&e[i][j]), "the true value is possible");
                        prop_assert!(seen.len() >= 2, "({i}, {j}) of {cells:?} is determined: {seen:?}, pattern {p:?}");
                    }
                }
            }
        }
    }
}
