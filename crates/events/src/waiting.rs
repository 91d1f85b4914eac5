//! The rules of registration: who gets a place and who waits, and who is
//! offered a place that came free. The store applies them under a lock on the
//! date, so people registering at the same moment are placed in order.

/// Where a new registration lands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    Confirmed,
    Waiting,
}

/// Places are first come, first served: a party gets places while they last
/// and nobody is waiting before it; otherwise it joins the waiting list.
pub fn place(capacity: u32, taken: u32, party: u32, someone_waiting: bool) -> Placement {
    if !someone_waiting && taken.saturating_add(party) <= capacity {
        Placement::Confirmed
    } else {
        Placement::Waiting
    }
}

/// Who is offered the places that are free, from the waiting list in its
/// order (`(registration, party size)`): the first whose party fits, then the
/// next that fits what is left. A party too large keeps its place in line.
pub fn offers(free: u32, line: &[(String, u32)]) -> Vec<&str> {
    let mut left = free;
    let mut chosen = Vec::new();
    for (id, party) in line {
        if left == 0 {
            break;
        }
        if *party <= left {
            left -= party;
            chosen.push(id.as_str());
        }
    }
    chosen
}

/// The largest party one registration may bring.
pub const MAX_PARTY: u32 = 10;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_go_in_order_and_nobody_jumps_the_waiting_list() {
        assert_eq!(place(20, 19, 1, false), Placement::Confirmed);
        assert_eq!(place(20, 20, 1, false), Placement::Waiting);
        assert_eq!(place(20, 19, 2, false), Placement::Waiting);
        // One place free but someone waits already: the newcomer waits too.
        assert_eq!(place(20, 19, 1, true), Placement::Waiting);
    }

    #[test]
    fn freed_places_go_to_the_first_in_line_that_fits() {
        let line = vec![
            ("a".to_string(), 3),
            ("b".to_string(), 1),
            ("c".to_string(), 1),
            ("d".to_string(), 2),
        ];
        assert_eq!(offers(2, &line), ["b", "c"]);
        assert_eq!(offers(3, &line), ["a"]);
        assert_eq!(offers(5, &line), ["a", "b", "c"]);
        assert!(offers(0, &line).is_empty());
    }
}
