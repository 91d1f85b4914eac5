//! Disclosure control for audiences that see aggregates only (funders): no count
//! under the threshold is shown (primary suppression), and no hidden count can be
//! worked back out from what is shown (secondary suppression).
//!
//! A line is a table's counts that add up to a published total ("contacts by
//! service" adds up to "client contacts"). One hidden count in such a line is the
//! total minus the others, so a line never hides exactly one: a second count is
//! hidden with it, the smallest non-zero one (the least information lost; the
//! first of equals, so the same data always gives the same pattern). With two or
//! more hidden counts, each of them at least one, any of them could be one more
//! and another one less: none is determined. Zeros are shown; a line with a
//! single non-zero count hides its total instead.

pub mod table;

pub use table::{TablePattern, protect_table};

/// Which counts of a line are hidden, and whether its total must be hidden too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinePattern {
    pub hidden: Vec<bool>,
    pub total_hidden: bool,
}

/// Whether a count is too small to show: above zero and under the threshold.
pub fn too_small(n: u64, threshold: u64) -> bool {
    n > 0 && n < threshold
}

/// The suppression pattern of a line of counts whose total is published.
pub fn protect_line(cells: &[u64], threshold: u64) -> LinePattern {
    let mut hidden: Vec<bool> = cells.iter().map(|&n| too_small(n, threshold)).collect();
    let total: u64 = cells.iter().sum();
    let mut total_hidden = too_small(total, threshold);
    if hidden.iter().filter(|h| **h).count() == 1 && !total_hidden {
        let partner = cells
            .iter()
            .enumerate()
            .filter(|(i, n)| !hidden[*i] && **n > 0)
            .min_by_key(|(i, n)| (**n, *i))
            .map(|(i, _)| i);
        match partner {
            Some(i) => hidden[i] = true,
            None => total_hidden = true,
        }
    }
    LinePattern {
        hidden,
        total_hidden,
    }
}

/// Whether a rate may be shown: its numerator and what remains of its base are
/// each at least the threshold, so that neither "how many did" nor "how many did
/// not" can be read from it.
pub fn rate_shown(part: u64, whole: u64, threshold: u64) -> bool {
    part >= threshold && whole.saturating_sub(part) >= threshold
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn one_small_count_takes_the_smallest_other_with_it() {
        let p = protect_line(&[12, 2, 7, 0, 30], 5);
        assert_eq!(p.hidden, [false, true, true, false, false]);
        assert!(!p.total_hidden);
        // Equal candidates: the first of them, every time.
        assert_eq!(
            protect_line(&[9, 3, 9], 5).hidden,
            [true, true, false],
            "the first of equals"
        );
        // Two small counts protect each other; nothing more is hidden.
        assert_eq!(protect_line(&[1, 4, 100], 5).hidden, [true, true, false]);
        // Nothing small, nothing hidden.
        assert_eq!(protect_line(&[5, 6, 0], 5).hidden, [false, false, false]);
    }

    #[test]
    fn a_small_total_is_hidden_with_its_counts() {
        let p = protect_line(&[3, 0, 0], 5);
        assert_eq!(p.hidden, [true, false, false]);
        assert!(p.total_hidden);
    }

    #[test]
    fn a_rate_needs_enough_who_did_and_who_did_not() {
        assert!(rate_shown(10, 20, 5));
        assert!(!rate_shown(4, 40, 5), "four who did");
        assert!(!rate_shown(38, 40, 5), "two who did not");
        assert!(!rate_shown(0, 3, 5));
    }

    /// Every value a hidden count can take given what is shown: the other counts,
    /// and the total unless it is hidden. Counted by enumerating every assignment
    /// of the hidden counts, independently of how the pattern was chosen.
    fn possible_values(cells: &[u64], p: &LinePattern, which: usize) -> Vec<u64> {
        let hidden: Vec<usize> = (0..cells.len()).filter(|i| p.hidden[*i]).collect();
        let shown_sum: u64 = (0..cells.len())
            .filter(|i| !p.hidden[*i])
            .map(|i| cells[i])
            .sum();
        let total: u64 = cells.iter().sum();
        // Without a published total a hidden count is bounded only by what it
        // could be at most; one above the true value is enough to show it is open.
        let cap = if p.total_hidden {
            total + 1
        } else {
            total - shown_sum
        };
        let mut values = std::collections::BTreeSet::new();
        let mut assignment = vec![0u64; hidden.len()];
        fn walk(
            k: usize,
            assignment: &mut Vec<u64>,
            cap: u64,
            exact: Option<u64>,
            at: usize,
            values: &mut std::collections::BTreeSet<u64>,
        ) {
            if k == assignment.len() {
                let sum: u64 = assignment.iter().sum();
                if exact.is_none_or(|e| e == sum) {
                    values.insert(assignment[at]);
                }
                return;
            }
            let used: u64 = assignment[..k].iter().sum();
            for v in 0..=cap.saturating_sub(used) {
                assignment[k] = v;
                walk(k + 1, assignment, cap, exact, at, values);
            }
            assignment[k] = 0;
        }
        let at = hidden.iter().position(|i| *i == which).expect("hidden");
        let exact = (!p.total_hidden).then_some(cap);
        walk(0, &mut assignment, cap, exact, at, &mut values);
        values.into_iter().collect()
    }

    proptest! {
        #[test]
        fn no_hidden_count_can_be_worked_back_out(
            cells in proptest::collection::vec(0u64..9, 1..6),
            threshold in 2u64..6,
        ) {
            let p = protect_line(&cells, threshold);
            for (i, &n) in cells.iter().enumerate() {
                prop_assert!(!too_small(n, threshold) || p.hidden[i], "a small count is hidden");
                if p.hidden[i] {
                    let values = possible_values(&cells, &p, i);
                    prop_assert!(values.contains(&n), "the true value is possible");
                    prop_assert!(values.len() >= 2, "cell {i} of {cells:?} is determined: {values:?}");
                }
            }
            prop_assert_eq!(protect_line(&cells, threshold), p, "the same data, the same pattern");
        }
    }
}
