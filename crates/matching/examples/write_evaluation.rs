#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // a generator run by hand: a failure is the message
//! Writes the labelled evaluation set `crates/matching/evaluation/talent-matching.json`:
//! 30 vacancies (3 per trade, 10 trades) × 300 candidates (30 per trade), as texts and as
//! profiles, with grades from the explicit rules in [`grade`].
//!
//!     cargo run -p loket-matching --example write_evaluation
//!
//! Deterministic: rerunning writes the same file. Review changes to the rules by reading the
//! diff of the file.

use chrono::NaiveDate;
use loket_matching::evaluation::{Dataset, LabelledCandidate, LabelledVacancy};
use loket_matching::synthetic::{Generator, PLACES, Rng};
use loket_matching::{
    AgeBand, Candidate, Cefr, FilterSettings, Kind, LanguageLevel, Nationality, Vacancy,
    Vocabulary, WorkPlace, check,
};
use std::collections::BTreeMap;

struct Trade {
    occupation: &'static str,
    title: &'static str,
    eqf: u8,
    /// Most typical first.
    skills: &'static [&'static str],
}

const OCCUPATION: &str = "http://data.europa.eu/esco/occupation/";
const SKILL: &str = "http://data.europa.eu/esco/skill/";
/// Transversal skills many people list: communication, teamwork principles.
const TRANSVERSAL: [&str; 2] = [
    "15d76317-c71a-4fa2-aadc-2ecc34e627b7",
    "a5b0cd5c-e13a-4ab3-8d93-4d242adcfb01",
];

const TRADES: &[Trade] = &[
    Trade {
        occupation: "8d3e8aaa-791b-4c75-a465-f3f827028f50",
        title: "Verpleegkundige / nurse",
        eqf: 6,
        skills: &[
            "1fd57242-267e-46df-bd8c-849fdd593a50",
            "0450eaee-1a00-4622-8f4e-5356fce816d2",
            "516e324b-03fc-4d3b-9986-e46e9834cd43",
            "a28e8141-89ee-4b24-a3bb-1aebcc56c72d",
            "0bb3792c-0a17-4e48-a8b3-5603bb12a660",
            "b55f61a4-5f9e-4741-ba95-9ac04b64119b",
            "d429b19a-132f-44d3-971b-bb0ccd94f979",
            "f7464f30-662b-4177-85a0-3df9693e9e58",
            "fa845322-85c4-42cb-b230-c1d43d308f02",
            "79fc83a3-9c76-4e21-b766-2e9c0f8d31eb",
        ],
    },
    Trade {
        occupation: "18e14e61-495b-44cc-a7c6-df4c625934ba",
        title: "Gespecialiseerd verpleegkundige / specialist nurse",
        eqf: 6,
        skills: &[
            "d429b19a-132f-44d3-971b-bb0ccd94f979",
            "1fd57242-267e-46df-bd8c-849fdd593a50",
            "0450eaee-1a00-4622-8f4e-5356fce816d2",
            "516e324b-03fc-4d3b-9986-e46e9834cd43",
            "fa845322-85c4-42cb-b230-c1d43d308f02",
            "79fc83a3-9c76-4e21-b766-2e9c0f8d31eb",
            "4d3f3068-9b6a-4f33-bfa5-a7b298bfd303",
            "f7464f30-662b-4177-85a0-3df9693e9e58",
        ],
    },
    Trade {
        occupation: "87d0795a-d41f-47ee-979f-0ab7d73836e7",
        title: "Zorgassistent / nurse assistant",
        eqf: 3,
        skills: &[
            "0450eaee-1a00-4622-8f4e-5356fce816d2",
            "a28e8141-89ee-4b24-a3bb-1aebcc56c72d",
            "f7464f30-662b-4177-85a0-3df9693e9e58",
            "b55f61a4-5f9e-4741-ba95-9ac04b64119b",
            "0bb3792c-0a17-4e48-a8b3-5603bb12a660",
            "2b1ce548-4e16-45fb-bfb2-f3141c8efe8d",
        ],
    },
    Trade {
        occupation: "bea705fe-06ac-4147-b8e0-6e8ac1208d8f",
        title: "Magazijnmedewerker / warehouse worker",
        eqf: 2,
        skills: &[
            "28cb374e-6261-4133-8371-f9a5470145da",
            "089ddb19-1c7a-43ff-ba64-070f7ce4787a",
            "de804504-bd5c-465d-b54f-9da299d8ee90",
            "048affec-04db-4bd5-b7a6-c666d16c0fef",
            "042f91e3-cccc-4d51-b635-bb14ffe90cfc",
            "ee5e2297-39cc-4ed6-89e5-d58016118a7f",
            "e3b4b533-cc4d-4c70-adb6-128120f40c88",
            "5aaf2780-04d7-4bbf-8b06-af36eafe8eba",
        ],
    },
    Trade {
        occupation: "aacc3918-b5d3-484b-9480-5d29aa550d74",
        title: "Supply chain manager",
        eqf: 6,
        skills: &[
            "f929c89e-c363-4132-a918-e021d57b307c",
            "020b3c27-bae1-4b85-9d6f-eccee0f5ed99",
            "e843973c-23dd-416a-8a9c-9e89512542fb",
            "953c0b65-537a-42fe-a90b-26cd36c64361",
            "5f2efbdf-08a2-49cd-9c06-bd284e4f0fbf",
            "5aaf2780-04d7-4bbf-8b06-af36eafe8eba",
            "fa7be6bf-f906-4b8e-857d-48a9a7da901c",
        ],
    },
    Trade {
        occupation: "f2b15a0e-e65a-438a-affb-29b9d50b77d1",
        title: "Software developer",
        eqf: 6,
        skills: &[
            "3bddfd7c-ab6d-40c2-883d-5e97fb7640ba",
            "8ff015a0-98ea-4d80-a23e-1f68110a919e",
            "ccd0a1d9-afda-43d9-b901-96344886e14d",
            "2522a6ce-3202-4ac8-9f5b-b9cb5a3a83a1",
            "0a9acb6b-1139-4be9-b431-3a80a959f2f4",
            "9b9de2a4-d8af-4a7b-933a-a8334ae60067",
            "c062bab3-3ea0-4291-9220-a2d8fef4bead",
        ],
    },
    Trade {
        occupation: "d3edb8f8-3a06-47a0-8fb9-9b212c006aa2",
        title: "Data analyst",
        eqf: 6,
        skills: &[
            "2b92a5b2-6758-4ee3-9fb4-b6387a55cc8f",
            "7ee4c2ea-b349-4bd2-81a3-ec31475d4833",
            "25f0ea33-b4a2-4f31-b7b4-7d20e827b180",
            "cc7370dd-69fa-4c67-a96f-d4d135d38700",
            "ccd0a1d9-afda-43d9-b901-96344886e14d",
            "c062bab3-3ea0-4291-9220-a2d8fef4bead",
            "4d3f3068-9b6a-4f33-bfa5-a7b298bfd303",
        ],
    },
    Trade {
        occupation: "0044c991-c26f-4261-a213-4bd1c0564a4c",
        title: "Laboratory assistant",
        eqf: 4,
        skills: &[
            "0b917c3e-e49f-40d9-8f95-3bc8e9c06fd2",
            "1618ee1c-6753-456e-a171-3d7e5f75404a",
            "35f1dcdc-577f-46c6-96d9-6c7a64501de9",
            "70bc4cfe-16c8-4433-a873-15ea8620453e",
            "0450eaee-1a00-4622-8f4e-5356fce816d2",
            "4d3f3068-9b6a-4f33-bfa5-a7b298bfd303",
        ],
    },
    Trade {
        occupation: "e3dc66de-99c7-4607-a82b-7244036d316d",
        title: "Food production operator",
        eqf: 3,
        skills: &[
            "fa46ff13-5ad7-4a11-85d6-4b0614e411de",
            "3f4e4eab-a8e0-4aed-b8bb-79afe7c890e3",
            "5ba1d5b9-3f8d-46ca-bf9f-2e9ca65d1350",
            "9b67cbf3-085c-4578-8a8e-8d130ed3fced",
            "f2536b0a-068b-48ed-910f-231bfa0ec032",
            "c6f3b73c-bf11-42a1-abd3-e3539d0853bf",
        ],
    },
    Trade {
        occupation: "b21aac17-8237-4264-bc2c-0e315346fd8f",
        title: "Procesoperator chemie / chemical plant control room operator",
        eqf: 4,
        skills: &[
            "74aa00bc-db99-4984-8817-7df2ca954ea1",
            "624b124f-6d1d-4d50-b775-f7c81c4f0cb5",
            "ee8fee1a-75c1-43fb-b08d-779929f99249",
            "4ef70fd4-d340-4524-b7ad-f9f7baeab96c",
            "e3b4b533-cc4d-4c70-adb6-128120f40c88",
        ],
    },
];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn language_name(code: &str) -> &'static str {
    match code {
        "nl" => "Dutch",
        "de" => "German",
        "fr" => "French",
        _ => "English",
    }
}

fn languages_text(languages: &[LanguageLevel]) -> String {
    languages
        .iter()
        .map(|l| format!("{} ({})", language_name(l.language.as_str()), l.level))
        .collect::<Vec<_>>()
        .join(", ")
}

fn labels(esco: &Vocabulary, ids: &[String]) -> String {
    ids.iter()
        .map(|uri| esco.label(esco.lookup(Kind::Skill, uri).unwrap()).unwrap())
        .collect::<Vec<_>>()
        .join(", ")
}

fn occupation_label(esco: &Vocabulary, uri: &str) -> &'static str {
    esco.label(esco.occupation(uri).unwrap().concept).unwrap()
}

/// Three vacancies per trade, each with its own catch: Dutch only and no sponsorship;
/// German or English with a sponsoring recognised sponsor paying well; a sponsor that pays
/// below the threshold.
fn vacancies(esco: &Vocabulary, rng: &mut Rng) -> Vec<LabelledVacancy> {
    let mut out = Vec::new();
    for (t, trade) in TRADES.iter().enumerate() {
        for variant in 0..3 {
            let n_essential =
                (trade.skills.len() / 2 + rng.below(2) as usize).min(trade.skills.len());
            let essential: Vec<String> = trade.skills[..n_essential]
                .iter()
                .map(|s| format!("{SKILL}{s}"))
                .collect();
            let mut optional: Vec<String> = trade.skills[n_essential..]
                .iter()
                .take(2)
                .map(|s| format!("{SKILL}{s}"))
                .collect();
            if variant == 1 {
                optional.push(format!("{SKILL}{}", TRANSVERSAL[0]));
            }
            let (place, languages, sponsors, recognised, salary_min) = match variant {
                0 => (
                    PLACES[1 + rng.below(2) as usize].0,
                    vec![("nl", Cefr::B1)],
                    false,
                    false,
                    2_600,
                ),
                1 => (
                    PLACES[0].0,
                    vec![if t % 2 == 0 {
                        ("de", Cefr::B2)
                    } else {
                        ("en", Cefr::B2)
                    }],
                    true,
                    true,
                    5_200,
                ),
                _ => (
                    PLACES[4].0,
                    vec![("nl", Cefr::B2), ("en", Cefr::B1)],
                    true,
                    true,
                    3_000,
                ),
            };
            let salary_min = salary_min + u32::from(trade.eqf) * 150;
            let salary_max = salary_min + 900 + rng.below(4) as u32 * 100;
            let languages: Vec<LanguageLevel> = languages
                .into_iter()
                .map(|(code, level)| LanguageLevel {
                    language: code.parse().unwrap(),
                    level,
                })
                .collect();
            let start =
                (variant != 2).then(|| today() + chrono::Days::new(30 + 30 * variant as u64));
            let work_place = if variant == 1 && t >= 5 {
                WorkPlace::Hybrid
            } else {
                WorkPlace::OnSite
            };
            let occupation = format!("{OCCUPATION}{}", trade.occupation);
            let sponsor_text = match (recognised, sponsors) {
                (true, true) => "We are an IND recognised sponsor and will apply for your permit.",
                _ => "We cannot sponsor a work permit.",
            };
            let text = format!(
                "{title} in {place}. We are looking for a {occupation_label}. You have: {essential}. \
                 Nice to have: {optional}. Languages: {languages}. EQF level {eqf}, at least {years} \
                 years of experience. Salary EUR {salary_min} to {salary_max} gross per month. \
                 {sponsor_text}",
                title = trade.title,
                occupation_label = occupation_label(esco, &occupation),
                essential = labels(esco, &essential),
                optional = labels(esco, &optional),
                languages = languages_text(&languages),
                eqf = trade.eqf,
                years = variant,
            );
            out.push(LabelledVacancy {
                id: format!("v{:02}", out.len() + 1),
                text,
                occupation,
                essential_skills: essential,
                optional_skills: optional,
                eqf: Some(trade.eqf),
                experience_years: variant as u8,
                languages,
                place: place.to_string(),
                work_place,
                salary_min,
                salary_max,
                start,
                sponsors_permit: sponsors,
                employer_recognised_sponsor: recognised,
            });
        }
    }
    out
}

/// Thirty candidates per trade: strong, medium and weak skill coverage; some who name a
/// neighbouring occupation; homes across NL, DE, BE and abroad.
fn candidates(esco: &Vocabulary, rng: &mut Rng, generator: &Generator) -> Vec<LabelledCandidate> {
    let homes: Vec<(&str, &str)> = PLACES.iter().map(|p| (p.0, p.1)).collect();
    let mut out = Vec::new();
    for (t, trade) in TRADES.iter().enumerate() {
        for n in 0..30 {
            let coverage = match n % 10 {
                0..4 => 75 + rng.below(26),
                4..7 => 40 + rng.below(31),
                _ => 10 + rng.below(26),
            } as usize;
            let count = ((trade.skills.len() * coverage).div_ceil(100)).max(1);
            let mut skills: Vec<String> = Vec::new();
            while skills.len() < count {
                let s = format!(
                    "{SKILL}{}",
                    trade.skills[rng.below(trade.skills.len() as u64) as usize]
                );
                if !skills.contains(&s) {
                    skills.push(s);
                }
            }
            if n % 10 >= 7 {
                let other = &TRADES[(t + 1 + rng.below(9) as usize) % TRADES.len()];
                skills.push(format!("{SKILL}{}", other.skills[0]));
            }
            if rng.chance(60) {
                skills.push(format!("{SKILL}{}", TRANSVERSAL[rng.below(2) as usize]));
            }
            // One in five names another occupation: the neighbouring trade (same ISCO group for
            // the two nurse trades) or a random one.
            let occupation = if rng.chance(20) {
                let other = if t <= 1 {
                    1 - t
                } else {
                    (t + 1 + rng.below(9) as usize) % TRADES.len()
                };
                TRADES[other].occupation
            } else {
                trade.occupation
            };
            let abroad = rng.chance(20);
            let (place, country) = if abroad {
                (
                    loket_matching::synthetic::ABROAD[rng.below(4) as usize].0,
                    "XX",
                )
            } else {
                homes[rng.below(homes.len() as u64) as usize]
            };
            let nationality = match (country, rng.below(100)) {
                ("XX", r) if r < 75 => Nationality::Other,
                (_, r) if r < 5 => Nationality::Other,
                _ => Nationality::EuEeaSwiss,
            };
            let languages = generator.languages(rng, country);
            let eqf = (i64::from(trade.eqf) + rng.below(3) as i64 - 1).clamp(1, 8) as u8;
            let years = (rng.below(16) * rng.below(16) / 15) as u8;
            let max_commute_km = rng.between(10, 60) as u16;
            let will_relocate = abroad && rng.chance(90) || rng.chance(8);
            let desired_salary = rng
                .chance(80)
                .then(|| 2_300 + u32::from(eqf) * 380 + rng.below(1_200) as u32);
            let available_from = rng
                .chance(50)
                .then(|| today() + chrono::Days::new(rng.below(150)));
            let occupation_uri = format!("{OCCUPATION}{occupation}");
            let text = format!(
                "{occupation} with {years} years of experience, EQF level {eqf}. Skills: {skills}. \
                 Languages: {languages}. Lives in {place}; {mobility}. {nationality}. {salary}{available}",
                occupation = occupation_label(esco, &occupation_uri),
                skills = labels(esco, &skills),
                languages = languages_text(&languages),
                mobility = if will_relocate {
                    "willing to relocate".to_string()
                } else {
                    format!("will commute up to {max_commute_km} km")
                },
                nationality = match nationality {
                    Nationality::EuEeaSwiss => "EU citizen",
                    Nationality::Other => "Non-EU citizen, needs a work permit",
                },
                salary = desired_salary
                    .map(|s| format!("Asks EUR {s} gross per month. "))
                    .unwrap_or_default(),
                available = available_from
                    .map(|d| format!("Available from {d}."))
                    .unwrap_or("Available now.".into()),
            );
            out.push(LabelledCandidate {
                id: format!("c{:03}", out.len() + 1),
                text,
                occupations: vec![occupation_uri],
                skills,
                experience_years: years,
                eqf,
                languages,
                nationality,
                work_authorised: false,
                age_band: if rng.chance(35) {
                    AgeBand::Under30
                } else {
                    AgeBand::From30
                },
                recent_graduate: rng.chance(15),
                place: place.to_string(),
                max_commute_km,
                will_relocate,
                desired_salary,
                available_from,
            });
        }
    }
    out
}

/// The rules a recruiter of the programme grades by.
///
/// 0: cannot take the job — no right to work under the IND rules (free movement, or a
///    recognised sponsor paying at least the threshold, or the Blue Card), a required language
///    below its level, too far to commute without relocating, or not available within 30 days
///    of the start — or nothing in common (no essential skill, not the same occupation or
///    ISCO group).
/// 3: the same occupation, at least 75 % of the essential skills, EQF at least the level asked.
/// 2: the same occupation or ISCO group with at least half the essential skills, or any
///    occupation with at least 75 % of them.
/// 1: otherwise (some essential skill or the same occupation or group).
/// A candidate whose EQF is two or more levels below the level asked gets at most 1.
fn grade(candidate: &Candidate, vacancy: &Vacancy) -> u8 {
    if check(candidate, vacancy, today(), &FilterSettings::default()).is_err() {
        return 0;
    }
    let essential = &vacancy.essential_skills;
    let have = essential
        .iter()
        .filter(|s| candidate.skills.contains(s))
        .count();
    let share = have as f64 / essential.len().max(1) as f64;
    let wanted = vacancy.occupation.unwrap();
    let same = candidate
        .occupations
        .iter()
        .any(|o| o.concept == wanted.concept);
    let group =
        wanted.isco.is_some() && candidate.occupations.iter().any(|o| o.isco == wanted.isco);
    if have == 0 && !same && !group {
        return 0;
    }
    let eqf_ok = vacancy.eqf.is_none_or(|e| candidate.eqf >= e);
    let far_below = vacancy.eqf.is_some_and(|e| candidate.eqf + 2 <= e);
    let g = if same && share >= 0.75 && eqf_ok {
        3
    } else if ((same || group) && share >= 0.5) || share >= 0.75 {
        2
    } else {
        1
    };
    if far_below { g.min(1) } else { g }
}

fn main() {
    let esco = Vocabulary::esco().unwrap();
    let generator = Generator::new(5, &[], &[]);
    let mut rng = Rng::new(2026);
    let vacancies = vacancies(&esco, &mut rng);
    let candidates = candidates(&esco, &mut rng, &generator);
    let profiles: Vec<Candidate> = candidates
        .iter()
        .map(|c| c.profile(&esco).unwrap())
        .collect();
    let mut grades = BTreeMap::new();
    for v in &vacancies {
        let vacancy = v.profile(&esco).unwrap();
        let graded: BTreeMap<String, u8> = candidates
            .iter()
            .zip(&profiles)
            .map(|(c, p)| (c.id.clone(), grade(p, &vacancy)))
            .filter(|(_, g)| *g > 0)
            .collect();
        grades.insert(v.id.clone(), graded);
    }
    let dataset = Dataset {
        about: vec![
            "Labelled evaluation set for loket's talent matching: 30 vacancies x 300 candidates.".into(),
            "Written by crates/matching/examples/write_evaluation.rs from explicit rules (see grade() there); grades 0-3, 0 omitted.".into(),
            "Occupations and skills: ESCO (This service uses the ESCO classification of the European Commission).".into(),
            "Texts carry the same facts as the profiles, for the BM25 text baseline.".into(),
        ],
        vacancies,
        candidates,
        grades,
    };
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/evaluation/talent-matching.json"
    );
    std::fs::create_dir_all(std::path::Path::new(path).parent().unwrap()).unwrap();
    std::fs::write(path, serde_json::to_string_pretty(&dataset).unwrap() + "\n").unwrap();
    println!("wrote {path}");
}
