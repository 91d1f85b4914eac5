#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The matching engine as staff and candidates notice it: who is filtered out and why, how
//! the rest is ranked and explained, and that the index ranks exactly like checking everyone.

use chrono::NaiveDate;
use loket_matching::permit::Obstacle;
use loket_matching::score::{Detail, OccupationFit};
use loket_matching::{
    AgeBand, Candidate, Cefr, Concept, Exclusion, FilterSettings, Kind, LanguageLevel, MatchIndex,
    Nationality, Occupation, Place, RightToWork, Settings, Vacancy, Vocabulary, Weights, WorkPlace,
    check, explain,
};

const HEERLEN: Place = Place {
    latitude: 50.89,
    longitude: 5.98,
};
const AACHEN: Place = Place {
    latitude: 50.78,
    longitude: 6.08,
};
const GENK: Place = Place {
    latitude: 50.97,
    longitude: 5.5,
};
const LIEGE: Place = Place {
    latitude: 50.63,
    longitude: 5.57,
};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn lang(code: &str, level: &str) -> LanguageLevel {
    LanguageLevel::new(code, level).unwrap()
}

const NURSE: Occupation = Occupation {
    concept: Concept(10),
    isco: Some(2221),
};
const SPECIALIST_NURSE: Occupation = Occupation {
    concept: Concept(11),
    isco: Some(2221),
};

fn nurse_vacancy() -> Vacancy {
    Vacancy {
        occupation: Some(NURSE),
        essential_skills: vec![Concept(100), Concept(101), Concept(102), Concept(103)],
        optional_skills: vec![Concept(200), Concept(201)],
        eqf: Some(6),
        experience_years: 3,
        languages: vec![lang("nl", "B1"), lang("de", "B2")],
        workplace: HEERLEN,
        work_place: WorkPlace::OnSite,
        salary_min: 3_400,
        salary_max: 4_600,
        start: Some(day("2027-02-01")),
        sponsors_permit: false,
        employer_recognised_sponsor: false,
    }
}

fn eu_nurse(home: Place) -> Candidate {
    Candidate {
        occupations: vec![NURSE],
        skills: vec![
            Concept(100),
            Concept(101),
            Concept(102),
            Concept(103),
            Concept(200),
        ],
        experience_years: 6,
        eqf: 6,
        languages: vec![lang("de", "C2"), lang("nl", "B2")],
        nationality: Nationality::EuEeaSwiss,
        work_authorised: false,
        age_band: AgeBand::From30,
        recent_graduate: false,
        home,
        max_commute_km: 40,
        will_relocate: false,
        desired_salary: Some(4_000),
        available_from: Some(day("2027-01-15")),
    }
}

fn today() -> NaiveDate {
    day("2026-11-22")
}

#[test]
fn a_candidate_who_fails_every_filter_is_told_every_reason() {
    let candidate = Candidate {
        nationality: Nationality::Other,
        languages: vec![lang("en", "C1"), lang("nl", "A2")],
        home: LIEGE,
        max_commute_km: 30,
        available_from: Some(day("2027-04-01")),
        ..eu_nurse(LIEGE)
    };
    let exclusions = check(
        &candidate,
        &nurse_vacancy(),
        today(),
        &FilterSettings::default(),
    )
    .expect_err("fails every filter");
    assert_eq!(exclusions.len(), 5, "{exclusions:?}");
    let Exclusion::RightToWork { no_route } = &exclusions[0] else {
        panic!("right to work first: {exclusions:?}");
    };
    assert_eq!(no_route.highly_skilled, Obstacle::NotRecognisedSponsor);
    assert!(exclusions.contains(&Exclusion::Language {
        language: "nl".parse().unwrap(),
        required: Cefr::B1,
        has: Some(Cefr::A2),
    }));
    assert!(exclusions.contains(&Exclusion::Language {
        language: "de".parse().unwrap(),
        required: Cefr::B2,
        has: None,
    }));
    assert!(exclusions.iter().any(|e| matches!(e,
        Exclusion::Commute { distance_km, max_km: 30 } if (*distance_km - 40.8).abs() < 0.2)));
    assert!(exclusions.contains(&Exclusion::Availability {
        available_from: day("2027-04-01"),
        needed_by: day("2027-03-03"),
    }));
}

#[test]
fn each_filter_holds_exactly_at_its_boundary() {
    let vacancy = nurse_vacancy();
    let settings = FilterSettings::default();
    let passes = |c: &Candidate| check(c, &vacancy, today(), &settings).is_ok();
    let base = eu_nurse(AACHEN);
    assert!(passes(&base));
    // Languages: exactly the required level is enough, one below is not.
    assert!(passes(&Candidate {
        languages: vec![lang("nl", "B1"), lang("de", "B2")],
        ..base.clone()
    }));
    assert!(!passes(&Candidate {
        languages: vec![lang("nl", "A2"), lang("de", "B2")],
        ..base.clone()
    }));
    // Commute: Aachen–Heerlen is 14.1 km as the crow flies, across the border.
    assert!(passes(&Candidate {
        max_commute_km: 15,
        ..base.clone()
    }));
    assert!(!passes(&Candidate {
        max_commute_km: 14,
        ..base.clone()
    }));
    assert!(passes(&Candidate {
        max_commute_km: 0,
        will_relocate: true,
        ..base.clone()
    }));
    let remote = Vacancy {
        work_place: WorkPlace::Remote,
        ..vacancy.clone()
    };
    assert!(
        check(
            &Candidate {
                max_commute_km: 0,
                ..base.clone()
            },
            &remote,
            today(),
            &settings
        )
        .is_ok()
    );
    // Availability: up to 30 days after the start date (configurable).
    assert!(passes(&Candidate {
        available_from: Some(day("2027-03-03")),
        ..base.clone()
    }));
    assert!(!passes(&Candidate {
        available_from: Some(day("2027-03-04")),
        ..base.clone()
    }));
    assert!(passes(&Candidate {
        available_from: None,
        ..base.clone()
    }));
    let strict = FilterSettings {
        availability_grace_days: 0,
    };
    let late = Candidate {
        available_from: Some(day("2027-02-02")),
        ..base.clone()
    };
    assert!(check(&late, &vacancy, today(), &strict).is_err());
}

#[test]
fn commutes_across_all_three_borders_are_judged_by_distance_not_by_country() {
    let vacancy = nurse_vacancy();
    let settings = FilterSettings::default();
    let cases = [
        (AACHEN, 15, true),
        (GENK, 35, true),
        (GENK, 34, false),
        (LIEGE, 41, true),
        (LIEGE, 40, false),
    ];
    for (home, max_km, ok) in cases {
        let candidate = Candidate {
            home,
            max_commute_km: max_km,
            ..eu_nurse(home)
        };
        let result = check(&candidate, &vacancy, today(), &settings);
        assert_eq!(
            result.is_ok(),
            ok,
            "{home:?} within {max_km} km: {result:?}"
        );
        if let Ok(admission) = result {
            assert!(
                admission
                    .commute_km
                    .is_some_and(|km| km <= f32::from(max_km))
            );
        }
    }
}

#[test]
fn the_explanation_has_every_factor_and_its_points_add_up() {
    let vacancy = nurse_vacancy();
    let candidate = Candidate {
        occupations: vec![SPECIALIST_NURSE],
        skills: vec![Concept(100), Concept(103), Concept(201)],
        experience_years: 1,
        eqf: 5,
        desired_salary: Some(5_750),
        ..eu_nurse(AACHEN)
    };
    let e = explain(&candidate, &vacancy, &Weights::default());
    assert_eq!(e.factors.len(), 6);
    let sum: f32 = e.factors.iter().map(|f| f.points).sum();
    assert!((sum - e.total).abs() < 1e-3);
    let max: f32 = e.factors.iter().map(|f| f.max_points).sum();
    assert!((max - 100.0).abs() < 1e-3);
    assert_eq!(
        e.factors[0].detail,
        Detail::EssentialSkills {
            matched: vec![Concept(100), Concept(103)],
            missing: vec![Concept(101), Concept(102)]
        }
    );
    assert_eq!(e.factors[0].fit, 0.5);
    assert_eq!(
        e.factors[1].detail,
        Detail::OptionalSkills {
            matched: vec![Concept(201)],
            missing: vec![Concept(200)]
        }
    );
    assert_eq!(
        e.factors[2].detail,
        Detail::Occupation {
            fit: OccupationFit::SameIscoGroup { isco: 2221 }
        }
    );
    assert_eq!(e.factors[2].fit, 0.5);
    assert_eq!(e.factors[3].fit, 0.5, "one EQF level below");
    assert!((e.factors[4].fit - 1.0 / 3.0).abs() < 1e-6, "1 of 3 years");
    assert!((e.factors[5].fit - 4_600.0 / 5_750.0).abs() < 1e-6);
    // 40·0.5 + 10·0.5 + 20·0.5 + 10·0.5 + 10/3 + 10·0.8
    assert!((e.total - 51.333).abs() < 0.01, "{}", e.total);
}

#[test]
fn weights_come_from_configuration_and_change_the_order() {
    let vacancy = nurse_vacancy();
    let skilled = Candidate {
        experience_years: 0,
        ..eu_nurse(AACHEN)
    };
    let experienced = Candidate {
        skills: vec![Concept(100)],
        experience_years: 20,
        ..eu_nurse(AACHEN)
    };
    let settings: Settings = toml_like(40.0, 0.0);
    let mut index = MatchIndex::new(settings);
    index.upsert_candidate(1u32, skilled.clone());
    index.upsert_candidate(2u32, experienced.clone());
    let order = |index: &MatchIndex<u32>| -> Vec<u32> {
        index
            .candidates_for(&vacancy, 10, today())
            .iter()
            .map(|r| r.key)
            .collect()
    };
    assert_eq!(order(&index), vec![1, 2]);
    let mut index = MatchIndex::new(toml_like(1.0, 90.0));
    index.upsert_candidate(1u32, skilled);
    index.upsert_candidate(2u32, experienced);
    assert_eq!(order(&index), vec![2, 1]);
    assert!(
        Weights {
            salary: -1.0,
            ..Weights::default()
        }
        .check()
        .is_err()
    );
    assert!(Weights::default().check().is_ok());
}

fn toml_like(essential: f32, experience: f32) -> Settings {
    Settings {
        weights: Weights {
            essential_skills: essential,
            experience,
            ..Weights::default()
        },
        filters: FilterSettings::default(),
    }
}

#[test]
fn the_heerlen_nurse_vacancy_ranks_the_german_nurse_first_and_filters_out_the_indian_nurse() {
    let mut index = MatchIndex::new(Settings::default());
    let german = eu_nurse(AACHEN);
    let belgian = Candidate {
        skills: vec![Concept(100), Concept(101), Concept(102)],
        languages: vec![lang("nl", "C2"), lang("de", "B2"), lang("fr", "B1")],
        experience_years: 2,
        ..eu_nurse(GENK)
    };
    let indian = Candidate {
        nationality: Nationality::Other,
        languages: vec![lang("en", "C2"), lang("nl", "B1"), lang("de", "B2")],
        will_relocate: true,
        home: Place {
            latitude: 12.97,
            longitude: 77.59,
        },
        ..eu_nurse(AACHEN)
    };
    index.upsert_candidate("de", german);
    index.upsert_candidate("be", belgian);
    index.upsert_candidate("in", indian);
    let ranked = index.candidates_for(&nurse_vacancy(), 10, today());
    let keys: Vec<&str> = ranked.iter().map(|r| r.key).collect();
    assert_eq!(keys, vec!["de", "be"]);
    assert!(ranked[0].explanation.total > ranked[1].explanation.total);
    assert_eq!(ranked[0].admission.right_to_work, RightToWork::FreeMovement);
    let excluded = index.excluded_for(&nurse_vacancy(), 10, today());
    assert_eq!(excluded.len(), 1);
    assert_eq!(excluded[0].key, "in");
    let Exclusion::RightToWork { no_route } = &excluded[0].exclusions[0] else {
        panic!("{excluded:?}");
    };
    assert_eq!(no_route.highly_skilled, Obstacle::NotRecognisedSponsor);
}

#[test]
fn a_change_is_matchable_at_once_and_a_removal_is_gone_at_once() {
    let mut index = MatchIndex::new(Settings::default());
    let vacancy = nurse_vacancy();
    index.upsert_candidate(
        7u64,
        Candidate {
            skills: vec![],
            occupations: vec![],
            ..eu_nurse(AACHEN)
        },
    );
    assert!(
        index.candidates_for(&vacancy, 5, today()).is_empty(),
        "nothing in common yet"
    );
    index.upsert_candidate(7u64, eu_nurse(AACHEN));
    assert_eq!(index.candidates_for(&vacancy, 5, today()).len(), 1);
    assert_eq!(index.candidate_count(), 1);
    index.upsert_vacancy(9u64, vacancy.clone());
    assert_eq!(index.vacancies_for(&eu_nurse(AACHEN), 5, today())[0].key, 9);
    assert!(index.remove_candidate(&7));
    assert!(index.candidates_for(&vacancy, 5, today()).is_empty());
    assert!(index.remove_vacancy(&9));
    assert!(
        index
            .vacancies_for(&eu_nurse(AACHEN), 5, today())
            .is_empty()
    );
    assert!(!index.remove_candidate(&7));
}

/// SplitMix64: a tiny seeded generator, so a failing seed replays.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    /// Up to `most` skills out of 40, the low numbers far more common (skewed like real skills).
    fn skills(&mut self, most: u64) -> Vec<Concept> {
        let n = self.below(most + 1);
        (0..n)
            .map(|_| Concept(1_000 + (self.below(40) * self.below(40) / 40) as u32))
            .collect()
    }
}

const LANGS: [&str; 4] = ["nl", "de", "fr", "en"];
const PLACES: [Place; 4] = [HEERLEN, AACHEN, GENK, LIEGE];

fn random_candidate(rng: &mut Rng) -> Candidate {
    let occupation = Occupation {
        concept: Concept(rng.below(8) as u32),
        isco: Some(2000 + rng.below(3) as u16),
    };
    Candidate {
        occupations: if rng.chance(80) {
            vec![occupation]
        } else {
            vec![]
        },
        skills: rng.skills(12),
        experience_years: rng.below(15) as u8,
        eqf: 1 + rng.below(8) as u8,
        languages: (0..1 + rng.below(3))
            .map(|_| LanguageLevel {
                language: LANGS[rng.below(4) as usize].parse().unwrap(),
                level: Cefr::ALL[rng.below(6) as usize],
            })
            .collect(),
        nationality: if rng.chance(70) {
            Nationality::EuEeaSwiss
        } else {
            Nationality::Other
        },
        work_authorised: rng.chance(10),
        age_band: if rng.chance(40) {
            AgeBand::Under30
        } else {
            AgeBand::From30
        },
        recent_graduate: rng.chance(20),
        home: PLACES[rng.below(4) as usize],
        max_commute_km: rng.below(60) as u16,
        will_relocate: rng.chance(15),
        desired_salary: rng.chance(70).then(|| 2_500 + rng.below(4_000) as u32),
        available_from: rng
            .chance(60)
            .then(|| day("2026-12-01") + chrono::Days::new(rng.below(200))),
    }
}

fn random_vacancy(rng: &mut Rng) -> Vacancy {
    let salary_min = 2_500 + rng.below(3_000) as u32;
    Vacancy {
        occupation: rng.chance(90).then(|| Occupation {
            concept: Concept(rng.below(8) as u32),
            isco: rng.chance(70).then(|| 2000 + rng.below(3) as u16),
        }),
        essential_skills: rng.skills(6),
        optional_skills: rng.skills(4),
        eqf: rng.chance(80).then(|| 1 + rng.below(8) as u8),
        experience_years: rng.below(6) as u8,
        languages: (0..rng.below(3))
            .map(|_| LanguageLevel {
                language: LANGS[rng.below(4) as usize].parse().unwrap(),
                level: Cefr::ALL[rng.below(4) as usize],
            })
            .collect(),
        workplace: PLACES[rng.below(4) as usize],
        work_place: if rng.chance(10) {
            WorkPlace::Remote
        } else {
            WorkPlace::OnSite
        },
        salary_min,
        salary_max: salary_min + rng.below(2_500) as u32,
        start: rng
            .chance(70)
            .then(|| day("2026-12-01") + chrono::Days::new(rng.below(200))),
        sponsors_permit: rng.chance(50),
        employer_recognised_sponsor: rng.chance(50),
    }
}

fn shares_something(c: &Candidate, v: &Vacancy) -> bool {
    let skill = v
        .essential_skills
        .iter()
        .chain(&v.optional_skills)
        .any(|s| c.skills.contains(s));
    let occupation = v.occupation.is_some_and(|o| {
        c.occupations
            .iter()
            .any(|co| co.concept == o.concept || (o.isco.is_some() && co.isco == o.isco))
    });
    skill || occupation
}

#[test]
fn the_index_ranks_exactly_like_checking_every_candidate() {
    for seed in 0..12u64 {
        let mut rng = Rng(seed);
        let settings = Settings::default();
        let mut index = MatchIndex::new(settings);
        let candidates: Vec<Candidate> = (0..1_500)
            .map(|_| random_candidate(&mut rng).normalise())
            .collect();
        for (n, c) in candidates.iter().enumerate() {
            index.upsert_candidate(n as u32, c.clone());
        }
        // Some changes and removals through the feed, as in production.
        let mut live: Vec<Option<Candidate>> = candidates.into_iter().map(Some).collect();
        for _ in 0..200 {
            let n = rng.below(live.len() as u64) as usize;
            if rng.chance(30) {
                index.remove_candidate(&(n as u32));
                live[n] = None;
            } else {
                let c = random_candidate(&mut rng);
                index.upsert_candidate(n as u32, c.clone());
                live[n] = Some(c.normalise());
            }
        }
        for _ in 0..25 {
            let vacancy = random_vacancy(&mut rng).normalise();
            let k = 1 + rng.below(40) as usize;
            let mut expected: Vec<(f32, u32)> = live
                .iter()
                .enumerate()
                .filter_map(|(n, c)| Some((n as u32, c.as_ref()?)))
                .filter(|(_, c)| shares_something(c, &vacancy))
                .filter(|(_, c)| check(c, &vacancy, today(), &settings.filters).is_ok())
                .map(|(n, c)| (explain(c, &vacancy, &settings.weights).total, n))
                .collect();
            expected.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            expected.truncate(k);
            let got: Vec<(f32, u32)> = index
                .candidates_for(&vacancy, k, today())
                .iter()
                .map(|r| (r.explanation.total, r.key))
                .collect();
            assert_eq!(got, expected, "seed {seed}, k {k}, vacancy {vacancy:?}");
        }
    }
}

#[test]
fn the_index_ranks_vacancies_for_a_candidate_exactly_like_checking_every_vacancy() {
    let mut rng = Rng(99);
    let settings = Settings::default();
    let mut index = MatchIndex::new(settings);
    let vacancies: Vec<Vacancy> = (0..800)
        .map(|_| random_vacancy(&mut rng).normalise())
        .collect();
    for (n, v) in vacancies.iter().enumerate() {
        index.upsert_vacancy(n as u32, v.clone());
    }
    for _ in 0..40 {
        let candidate = random_candidate(&mut rng).normalise();
        let mut expected: Vec<(f32, u32)> = vacancies
            .iter()
            .enumerate()
            .filter(|(_, v)| shares_something(&candidate, v))
            .filter(|(_, v)| check(&candidate, v, today(), &settings.filters).is_ok())
            .map(|(n, v)| (explain(&candidate, v, &settings.weights).total, n as u32))
            .collect();
        expected.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        expected.truncate(15);
        let got: Vec<(f32, u32)> = index
            .vacancies_for(&candidate, 15, today())
            .iter()
            .map(|r| (r.explanation.total, r.key))
            .collect();
        assert_eq!(got, expected);
    }
}

#[test]
fn every_ranked_result_carries_a_complete_explanation() {
    let mut rng = Rng(7);
    let mut index = MatchIndex::new(Settings::default());
    for n in 0..3_000u32 {
        index.upsert_candidate(n, random_candidate(&mut rng));
    }
    let mut seen = 0;
    for _ in 0..30 {
        let vacancy = random_vacancy(&mut rng).normalise();
        for ranked in index.candidates_for(&vacancy, 50, today()) {
            seen += 1;
            let candidate = index.candidate(&ranked.key).unwrap();
            let e = &ranked.explanation;
            assert_eq!(e.factors.len(), 6);
            let sum: f32 = e.factors.iter().map(|f| f.points).sum();
            assert!((sum - e.total).abs() < 1e-3);
            assert!(e.factors.iter().all(|f| (0.0..=1.0).contains(&f.fit)));
            let Detail::EssentialSkills { matched, missing } = &e.factors[0].detail else {
                panic!("essential skills first");
            };
            assert_eq!(
                matched.len() + missing.len(),
                vacancy.essential_skills.len()
            );
            assert!(matched.iter().all(|s| candidate.skills.contains(s)));
            assert!(missing.iter().all(|s| !candidate.skills.contains(s)));
            assert!(matches!(e.factors[1].detail, Detail::OptionalSkills { .. }));
            assert!(matches!(e.factors[2].detail, Detail::Occupation { .. }));
            assert!(matches!(e.factors[3].detail, Detail::Eqf { .. }));
            assert!(matches!(e.factors[4].detail, Detail::Experience { .. }));
            assert!(matches!(e.factors[5].detail, Detail::Salary { .. }));
            // The admission says why this person may work here and how far they travel.
            let right = ranked.admission.right_to_work;
            match candidate.nationality {
                Nationality::EuEeaSwiss => assert_eq!(right, RightToWork::FreeMovement),
                Nationality::Other => assert_ne!(right, RightToWork::FreeMovement),
            }
            assert_eq!(
                ranked.admission.commute_km.is_none(),
                vacancy.work_place == WorkPlace::Remote || candidate.will_relocate
            );
        }
    }
    assert!(
        seen > 200,
        "the random data should rank plenty of candidates ({seen})"
    );
}

#[test]
fn the_esco_vocabulary_knows_occupations_and_skills_by_uri_and_suggests_as_you_type() {
    let esco = Vocabulary::esco().unwrap();
    assert!(esco.len() > 16_000);
    let nurse = esco
        .occupation("http://data.europa.eu/esco/occupation/8d3e8aaa-791b-4c75-a465-f3f827028f50")
        .unwrap();
    assert_eq!(nurse.isco, Some(2221));
    assert_eq!(
        esco.label(nurse.concept),
        Some("nurse responsible for general care")
    );
    let unknown = esco.lookup(Kind::Skill, "http://data.europa.eu/esco/skill/not-a-skill");
    assert!(
        unknown
            .unwrap_err()
            .to_string()
            .contains("is not a known ESCO skill")
    );
    // A skill is not an occupation.
    let german = "http://data.europa.eu/esco/skill/4812a4ea-dc55-4dc6-b9b0-4a59bba2c647";
    assert!(esco.lookup(Kind::Skill, german).is_ok());
    assert!(esco.lookup(Kind::Occupation, german).is_err());
    let suggestions = esco.suggest(Kind::Occupation, "nurse", 8);
    assert_eq!(suggestions.len(), 8);
    assert!(suggestions[0].label.starts_with("nurse"), "{suggestions:?}");
    assert!(
        suggestions
            .iter()
            .any(|s| s.label == "nurse responsible for general care")
    );
    let skills = esco.suggest(Kind::Skill, "nursing long-term", 5);
    assert_eq!(skills[0].label, "apply nursing care in long-term care");
    // A whole-word match before a longer word that starts the same.
    let java = esco.suggest(Kind::Skill, "Java", 5);
    assert_eq!(java[0].label, "Java (computer programming)", "{java:?}");
    // Dutch, German and French words find the concept (loket's own search words).
    for word in [
        "softwareontwikkelaar",
        "Softwareentwickler",
        "développeur logiciel",
    ] {
        let found = esco.suggest(Kind::Occupation, word, 3);
        assert_eq!(
            found.first().map(|s| s.label),
            Some("software developer"),
            "{word}"
        );
    }
    let dutch = esco.suggest(Kind::Skill, "Nederlands", 3);
    assert_eq!(dutch.first().map(|s| s.label), Some("Dutch"));
    assert!(esco.suggest(Kind::Skill, "   ", 5).is_empty());
    assert!(esco.suggest(Kind::Skill, "qqqzzz", 5).is_empty());
}

/// A candidate abroad is not "17,587 km away": no distance is computed from a
/// home outside the region. Without moving they cannot take on-site work; when
/// they will move, they pass and no commute is claimed.
#[test]
fn a_candidate_abroad_is_outside_the_region_not_a_distance() {
    let vacancy = nurse_vacancy();
    let settings = FilterSettings::default();
    let abroad = Candidate {
        home: Place::OUTSIDE_THE_REGION,
        will_relocate: false,
        ..eu_nurse(AACHEN)
    };
    assert_eq!(
        check(&abroad, &vacancy, today(), &settings),
        Err(vec![Exclusion::OutsideTheRegion])
    );
    assert!(!loket_matching::filter::passes(
        &abroad,
        &vacancy,
        today(),
        &settings
    ));
    let moving = Candidate {
        will_relocate: true,
        ..abroad
    };
    let admitted = check(&moving, &vacancy, today(), &settings).expect("admitted when moving");
    assert_eq!(admitted.commute_km, None);
    assert!(loket_matching::filter::passes(
        &moving,
        &vacancy,
        today(),
        &settings
    ));
}
