//! What an organiser gives for an event, checked all at once.

use crate::schedule::{Schedule, ScheduleInput, ScheduleProblem};

/// The languages an event can be held in (the offered languages).
pub const LANGUAGES: [&str; 7] = ["nl", "en", "de", "fr", "pl", "ro", "bg"];
/// The most places one date may have.
pub const MAX_CAPACITY: u32 = 10_000;

/// An event as entered (text as typed; the app fills in the organiser).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventInput {
    pub title: String,
    pub description: String,
    /// A catalogue location's id, or empty for an online event.
    pub location_id: String,
    /// The address of an online event (https), or empty.
    pub online_url: String,
    pub languages: Vec<String>,
    pub target_groups: Vec<String>,
    pub topics: Vec<String>,
    /// Places per date.
    pub capacity: String,
    /// Hours a freed place is held for the next in line.
    pub hold_hours: String,
    pub schedule: ScheduleInput,
}

/// A checked event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventDraft {
    pub title: String,
    pub description: String,
    pub location_id: Option<String>,
    pub online_url: Option<String>,
    pub languages: Vec<String>,
    pub target_groups: Vec<String>,
    pub topics: Vec<String>,
    pub capacity: u32,
    pub hold_hours: u32,
    pub schedule: Schedule,
}

/// A problem with an event, next to its field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventProblem {
    pub field: &'static str,
    pub code: &'static str,
}

impl From<&ScheduleProblem> for EventProblem {
    fn from(p: &ScheduleProblem) -> Self {
        EventProblem {
            field: p.field(),
            code: p.code(),
        }
    }
}

fn problem(field: &'static str, code: &'static str) -> EventProblem {
    EventProblem { field, code }
}

impl EventInput {
    /// Checks everything; every problem at once.
    pub fn check(&self) -> Result<EventDraft, Vec<EventProblem>> {
        let mut problems = Vec::new();
        let title = self.title.trim().to_string();
        if title.is_empty() {
            problems.push(problem("title", "required"));
        } else if title.chars().count() > 200 {
            problems.push(problem("title", "too-long"));
        }
        let description = self.description.trim().to_string();
        if description.chars().count() > 5000 {
            problems.push(problem("description", "too-long"));
        }
        let location_id = some(&self.location_id);
        let online_url = some(&self.online_url);
        match (&location_id, &online_url) {
            (None, None) => problems.push(problem("location_id", "place-required")),
            (_, Some(url)) if !url.starts_with("https://") || url.contains(char::is_whitespace) => {
                problems.push(problem("online_url", "not-https"))
            }
            _ => {}
        }
        if self.languages.is_empty() {
            problems.push(problem("languages", "required"));
        } else if self
            .languages
            .iter()
            .any(|l| !LANGUAGES.contains(&l.as_str()))
        {
            problems.push(problem("languages", "unknown"));
        }
        let capacity = whole(&self.capacity);
        match capacity {
            None => problems.push(problem("capacity", "not-a-number")),
            Some(c) if c <= 0 => problems.push(problem("capacity", "at-least-one")),
            Some(c) if c > i64::from(MAX_CAPACITY) => {
                problems.push(problem("capacity", "too-large"))
            }
            _ => {}
        }
        let hold = if self.hold_hours.trim().is_empty() {
            Some(24)
        } else {
            whole(&self.hold_hours)
        };
        if !matches!(hold, Some(1..=168)) {
            problems.push(problem("hold_hours", "hold-range"));
        }
        let schedule = self.schedule.check();
        if let Err(ps) = &schedule {
            problems.extend(ps.iter().map(EventProblem::from));
        }
        match (schedule, capacity, hold) {
            (Ok(schedule), Some(capacity), Some(hold)) if problems.is_empty() => Ok(EventDraft {
                title,
                description,
                location_id,
                online_url,
                languages: self.languages.clone(),
                target_groups: self.target_groups.clone(),
                topics: self.topics.clone(),
                capacity: capacity as u32,
                hold_hours: hold as u32,
                schedule,
            }),
            _ => Err(problems),
        }
    }
}

fn some(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_string())
}

fn whole(text: &str) -> Option<i64> {
    text.trim().parse().ok()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn meet_and_greet() -> EventInput {
        EventInput {
            title: "Meet & Greet".into(),
            description: "Monthly drinks for internationals".into(),
            location_id: "loc-1".into(),
            languages: vec!["en".into(), "nl".into()],
            capacity: "20".into(),
            schedule: ScheduleInput {
                starts: "2027-01-07T19:00".into(),
                ends: "2027-01-07T21:00".into(),
                rule: "FREQ=MONTHLY;BYDAY=1TH;COUNT=12".into(),
                except: String::new(),
            },
            ..EventInput::default()
        }
    }

    #[test]
    fn a_monthly_meet_and_greet_is_accepted_with_a_day_to_claim_a_freed_place() {
        let d = meet_and_greet().check().unwrap();
        assert_eq!(d.capacity, 20);
        assert_eq!(d.hold_hours, 24);
        assert_eq!(d.schedule.dates().unwrap().len(), 12);
    }

    #[test]
    fn bad_input_names_every_field() {
        let mut e = meet_and_greet();
        e.title = " ".into();
        e.capacity = "0".into();
        e.location_id.clear();
        e.schedule.ends = "2027-01-07T18:00".into();
        e.schedule.rule = "FREQ=WEEKLY".into();
        let p = e.check().unwrap_err();
        let fields: Vec<(&str, &str)> = p.iter().map(|p| (p.field, p.code)).collect();
        assert_eq!(
            fields,
            [
                ("title", "required"),
                ("location_id", "place-required"),
                ("capacity", "at-least-one"),
                ("ends", "ends-before-start"),
                ("rule", "rule-never-ends"),
            ]
        );
        e = meet_and_greet();
        e.capacity = "-3".into();
        e.online_url = "http://example.org".into();
        let p = e.check().unwrap_err();
        assert_eq!(p.len(), 2);
    }
}
