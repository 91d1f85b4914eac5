#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The Dutch permit rules at every salary threshold boundary, by year, age band and scheme.

use loket_matching::permit::{PermitOffer, PermitProfile, THRESHOLDS, right_to_work, threshold};
use loket_matching::{AgeBand, Nationality, NoRoute, Obstacle, RightToWork, Scheme, Threshold};

fn person(age_band: AgeBand, recent_graduate: bool, eqf: u8) -> PermitProfile {
    PermitProfile {
        nationality: Nationality::Other,
        work_authorised: false,
        age_band,
        recent_graduate,
        eqf,
    }
}

fn offer(recognised_sponsor: bool, sponsors: bool, salary: u32, year: i32) -> PermitOffer {
    PermitOffer {
        employer_recognised_sponsor: recognised_sponsor,
        sponsors_permit: sponsors,
        max_monthly_salary: salary,
        year,
    }
}

/// The figures the issue gives, written out again so a typo in the table is caught.
const PUBLISHED: [(i32, Scheme, u32); 10] = [
    (2025, Scheme::HighlySkilled30Plus, 5_688),
    (2026, Scheme::HighlySkilled30Plus, 5_942),
    (2025, Scheme::HighlySkilledUnder30, 4_171),
    (2026, Scheme::HighlySkilledUnder30, 4_357),
    (2025, Scheme::HighlySkilledReduced, 2_989),
    (2026, Scheme::HighlySkilledReduced, 3_122),
    (2025, Scheme::BlueCard, 5_688),
    (2026, Scheme::BlueCard, 5_942),
    (2025, Scheme::BlueCardReduced, 4_551),
    (2026, Scheme::BlueCardReduced, 4_754),
];

#[test]
fn the_table_holds_the_published_thresholds() {
    for (year, scheme, euros) in PUBLISHED {
        assert_eq!(
            threshold(scheme, year),
            Threshold {
                scheme,
                year,
                monthly_gross: euros
            }
        );
    }
    assert_eq!(THRESHOLDS.len(), 2);
}

/// A person and an offer for which exactly `scheme` decides.
fn setting(scheme: Scheme) -> (PermitProfile, bool) {
    match scheme {
        // EQF 5: no Blue Card, so only the highly skilled migrant route is open.
        Scheme::HighlySkilled30Plus => (person(AgeBand::From30, false, 5), true),
        Scheme::HighlySkilledUnder30 => (person(AgeBand::Under30, false, 5), true),
        Scheme::HighlySkilledReduced => (person(AgeBand::From30, true, 5), true),
        // Not a recognised sponsor: only the Blue Card route is open.
        Scheme::BlueCard => (person(AgeBand::From30, false, 6), false),
        Scheme::BlueCardReduced => (person(AgeBand::Under30, true, 7), false),
    }
}

#[test]
fn at_the_threshold_is_enough_and_one_euro_below_is_not() {
    for (year, scheme, euros) in PUBLISHED {
        let (who, recognised) = setting(scheme);
        let expected = Threshold {
            scheme,
            year,
            monthly_gross: euros,
        };
        let granted = match scheme {
            Scheme::BlueCard | Scheme::BlueCardReduced => RightToWork::BlueCard {
                threshold: expected,
            },
            _ => RightToWork::HighlySkilledMigrant {
                threshold: expected,
            },
        };
        for salary in [euros, euros + 1, euros + 2_000] {
            assert_eq!(
                right_to_work(&who, &offer(recognised, true, salary, year)),
                Ok(granted),
                "{scheme:?} {year} at €{salary}"
            );
        }
        let below = right_to_work(&who, &offer(recognised, true, euros - 1, year));
        let shortfall = Obstacle::SalaryBelowThreshold {
            threshold: expected,
            offered: euros - 1,
        };
        let Err(no_route) = below else {
            panic!("{scheme:?} {year}: €{} should not be enough", euros - 1);
        };
        match scheme {
            Scheme::BlueCard | Scheme::BlueCardReduced => {
                assert_eq!(no_route.blue_card, shortfall, "{scheme:?} {year}");
                assert_eq!(no_route.highly_skilled, Obstacle::NotRecognisedSponsor);
            }
            _ => {
                assert_eq!(no_route.highly_skilled, shortfall, "{scheme:?} {year}");
                assert_eq!(no_route.blue_card, Obstacle::NoHigherEducation { eqf: 5 });
            }
        }
    }
}

#[test]
fn the_age_band_decides_between_the_two_highly_skilled_thresholds() {
    // €5,000 in 2026: above the under-30 threshold (4,357), below the 30+ one (5,942).
    let pay = offer(true, true, 5_000, 2026);
    assert!(matches!(
        right_to_work(&person(AgeBand::Under30, false, 5), &pay),
        Ok(RightToWork::HighlySkilledMigrant { .. })
    ));
    assert!(right_to_work(&person(AgeBand::From30, false, 5), &pay).is_err());
    // The reduced criterion applies at any age.
    assert!(
        right_to_work(
            &person(AgeBand::From30, true, 5),
            &offer(true, true, 3_122, 2026)
        )
        .is_ok()
    );
}

#[test]
fn the_year_decides_which_table_applies() {
    let who = person(AgeBand::From30, false, 5);
    // €5,800: enough in 2025 (5,688), not in 2026 (5,942).
    assert!(right_to_work(&who, &offer(true, true, 5_800, 2025)).is_ok());
    assert!(right_to_work(&who, &offer(true, true, 5_800, 2026)).is_err());
    // Before the table: its first year; after it: its latest year.
    assert_eq!(threshold(Scheme::HighlySkilled30Plus, 2024).year, 2025);
    assert_eq!(
        threshold(Scheme::HighlySkilled30Plus, 2031).monthly_gross,
        5_942
    );
}

#[test]
fn free_movement_and_existing_permits_need_no_sponsor_and_no_threshold() {
    let nothing = offer(false, false, 0, 2026);
    let eu = PermitProfile {
        nationality: Nationality::EuEeaSwiss,
        ..person(AgeBand::Under30, false, 3)
    };
    assert_eq!(right_to_work(&eu, &nothing), Ok(RightToWork::FreeMovement));
    let authorised = PermitProfile {
        work_authorised: true,
        ..person(AgeBand::From30, false, 3)
    };
    assert_eq!(
        right_to_work(&authorised, &nothing),
        Ok(RightToWork::AlreadyAuthorised)
    );
}

#[test]
fn an_employer_that_is_not_a_recognised_sponsor_closes_the_highly_skilled_route() {
    let nurse = person(AgeBand::From30, false, 6);
    let no_sponsor = right_to_work(&nurse, &offer(false, false, 4_200, 2026));
    assert_eq!(
        no_sponsor,
        Err(NoRoute {
            highly_skilled: Obstacle::NotRecognisedSponsor,
            blue_card: Obstacle::NoSponsorship
        })
    );
    // A recognised sponsor that does not sponsor this vacancy closes both routes too.
    let not_this_one = right_to_work(&nurse, &offer(true, false, 9_000, 2026));
    assert_eq!(
        not_this_one,
        Err(NoRoute {
            highly_skilled: Obstacle::NoSponsorship,
            blue_card: Obstacle::NoSponsorship
        })
    );
}
