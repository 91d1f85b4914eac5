//! The contract of events: an event is stored with all its dates or not at
//! all; people registering at the same moment are placed in order, exactly as
//! many confirmed as there are places; a cancellation offers the freed place
//! to the next in line, held until the offer ends; a moved or cancelled date
//! says so with a higher sequence; the check-in records who came.

use loket_store::Store;
use loket_store::events::{
    EventDate, LinkMail, NewRegistration, Registration, RegistrationStatus, Reminder, StoredEvent,
};

const NOW: i64 = 1_790_000_000;
const DAY: i64 = 86_400;

fn event(id: &str, capacity: i64) -> StoredEvent {
    StoredEvent {
        id: id.into(),
        organisation_id: "expat-centre".into(),
        region: "zuid-limburg".into(),
        title: "Meet & Greet".into(),
        description: "Drinks for internationals".into(),
        location_id: Some("loc-1".into()),
        online_url: None,
        languages: vec!["en".into(), "nl".into()],
        target_groups: vec!["expat".into()],
        topics: vec!["living".into()],
        first_start: "2026-12-03T19:00".into(),
        first_end: "2026-12-03T21:00".into(),
        rule: Some("FREQ=MONTHLY;BYDAY=1TH;COUNT=2".into()),
        except_days: vec![],
        capacity,
        hold_hours: 24,
        sequence: 0,
        cancelled: false,
        created_by: "organiser".into(),
        created_at: NOW,
        updated_at: NOW,
    }
}

fn date(event: &str, n: i64, capacity: i64) -> EventDate {
    EventDate {
        id: format!("{event}-d{n}"),
        event_id: event.into(),
        recurrence_id: format!("2027-0{n}-01T19:00"),
        starts_at: NOW + (10 + 30 * n) * DAY,
        ends_at: NOW + (10 + 30 * n) * DAY + 7200,
        capacity,
        taken: 0,
        sequence: 0,
        cancelled: false,
        attended: 0,
        no_shows: 0,
    }
}

fn person(date_id: &str, n: usize, party: i64) -> NewRegistration {
    NewRegistration {
        id: format!("{date_id}-r{n}"),
        date_id: date_id.into(),
        party,
        name: format!("Person {n}"),
        email: format!("p{n}@example.nl"),
        lang: "en".into(),
        checkin_code: format!("{date_id}-code-{n}"),
        link_hash: format!("{date_id}-link-{n}"),
        mail_if_confirmed: format!("{{\"to\":\"p{n}@example.nl\",\"subject\":\"confirmed\"}}"),
        mail_if_waiting: format!("{{\"to\":\"p{n}@example.nl\",\"subject\":\"waiting\"}}"),
    }
}

fn offer_mail(r: &Registration) -> LinkMail {
    LinkMail {
        link_hash: format!("offer-{}", r.id),
        mail_job: format!("{{\"to\":\"{}\",\"subject\":\"a place for you\"}}", r.email),
    }
}

pub async fn an_event_is_stored_with_all_its_dates(store: &dyn Store) {
    let e = event("e1", 20);
    store
        .create_event(&e, &[date("e1", 1, 20), date("e1", 2, 20)])
        .await
        .expect("create");
    assert_eq!(store.event("e1").await.expect("read"), Some(e.clone()));
    assert_eq!(store.events().await.expect("all"), vec![e]);
    let dates = store.event_dates("e1").await.expect("dates");
    assert_eq!(dates, vec![date("e1", 1, 20), date("e1", 2, 20)]);
    assert_eq!(
        store.dates_from(NOW + 50 * DAY).await.expect("from").len(),
        1,
        "only the dates that have not ended"
    );
    // Two dates with the same place in the series: nothing is stored.
    let e2 = event("e2", 20);
    let mut twin = date("e2", 1, 20);
    twin.id = "e2-twin".into();
    assert!(
        store
            .create_event(&e2, &[date("e2", 1, 20), twin])
            .await
            .is_err()
    );
    assert_eq!(store.event("e2").await.expect("read"), None);
    assert!(store.event_dates("e2").await.expect("dates").is_empty());
}

pub async fn registering_at_the_same_moment_confirms_exactly_the_places_in_order(
    store: &dyn Store,
) {
    store
        .create_event(&event("rush", 30), &[date("rush", 1, 30)])
        .await
        .expect("create");
    let mails_before = store.pending_jobs("mail").await.expect("jobs");
    let people: Vec<NewRegistration> = (0..200).map(|n| person("rush-d1", n, 1)).collect();
    let attempts = people.iter().map(|p| store.register(p, NOW));
    let placed = crate::referrals::futures_join_all(attempts).await;
    let placed: Vec<Registration> = placed
        .into_iter()
        .map(|r| r.expect("no error").expect("placed"))
        .collect();
    let confirmed = placed
        .iter()
        .filter(|r| r.status == RegistrationStatus::Confirmed)
        .count();
    let waiting = placed
        .iter()
        .filter(|r| r.status == RegistrationStatus::Waiting)
        .count();
    assert_eq!((confirmed, waiting), (30, 170));
    // In order: the first 30 numbers have the places, the numbers run 1..=200.
    let stored = store.registrations("rush-d1").await.expect("list");
    let positions: Vec<i64> = stored.iter().map(|r| r.position).collect();
    assert_eq!(positions, (1..=200).collect::<Vec<i64>>());
    assert!(
        stored[..30]
            .iter()
            .all(|r| r.status == RegistrationStatus::Confirmed)
    );
    assert!(
        stored[30..]
            .iter()
            .all(|r| r.status == RegistrationStatus::Waiting)
    );
    assert_eq!(
        store
            .event_date("rush-d1")
            .await
            .expect("date")
            .expect("some")
            .taken,
        30
    );
    assert_eq!(
        store.pending_jobs("mail").await.expect("jobs") - mails_before,
        200,
        "one mail per registration"
    );
}

pub async fn a_freed_place_is_offered_to_the_next_in_line_until_the_offer_ends(store: &dyn Store) {
    store
        .create_event(&event("line", 2), &[date("line", 1, 2), date("line", 2, 2)])
        .await
        .expect("create");
    let d = "line-d1";
    for (n, party) in [(0, 1), (1, 1), (2, 2), (3, 1), (4, 1)] {
        store
            .register(&person(d, n, party), NOW)
            .await
            .expect("register")
            .expect("placed");
    }
    let r = |n: usize| format!("{d}-r{n}");
    // Person 0 cancels through their link: one place, too small for 2's party
    // of two, goes to 3; 2 keeps its place in line.
    let via_link = store
        .registration_by_link(&format!("{d}-link-0"))
        .await
        .expect("link")
        .expect("some");
    assert_eq!(via_link.id, r(0));
    let until = NOW + 10 + 24 * 3600; // held for the event's 24 hours
    let offered = store
        .cancel_registration(&r(0), NOW + 10, &offer_mail)
        .await
        .expect("cancel")
        .expect("was open");
    assert_eq!(
        offered.iter().map(|o| o.id.clone()).collect::<Vec<_>>(),
        [r(3)]
    );
    let three = store
        .registration(&r(3))
        .await
        .expect("read")
        .expect("some");
    assert_eq!(
        (three.status, three.offered_until),
        (RegistrationStatus::Offered, Some(until))
    );
    assert_eq!(
        store
            .registration_by_link(&format!("offer-{}", r(3)))
            .await
            .expect("link")
            .map(|x| x.id),
        Some(r(3))
    );
    assert!(
        store
            .cancel_registration(&r(0), NOW + 11, &offer_mail)
            .await
            .expect("again")
            .is_none(),
        "a registration is cancelled once"
    );
    // Someone new waits behind those already waiting.
    let late = store
        .register(&person(d, 5, 1), NOW + 12)
        .await
        .expect("register")
        .expect("placed");
    assert_eq!(late.status, RegistrationStatus::Waiting);
    // 3 lets the offer run out: the place goes to 4.
    assert!(
        store
            .expire_offers(until - 1, &offer_mail)
            .await
            .expect("early")
            .is_empty()
    );
    let next = store
        .expire_offers(until, &offer_mail)
        .await
        .expect("expire");
    assert_eq!(
        next.iter().map(|o| o.id.clone()).collect::<Vec<_>>(),
        [r(4)]
    );
    assert_eq!(
        store
            .registration(&r(3))
            .await
            .expect("read")
            .expect("some")
            .status,
        RegistrationStatus::Expired
    );
    assert!(
        !store
            .accept_offer(&r(3), until + 1)
            .await
            .expect("too late")
    );
    assert!(store.accept_offer(&r(4), until + 1).await.expect("in time"));
    assert!(!store.accept_offer(&r(4), until + 2).await.expect("once"));
    let date = store.event_date(d).await.expect("date").expect("some");
    assert_eq!(date.taken, 2, "1 and 4 hold the two places");
    // 1 cancels: the one place goes to 5 (the party of two still does not fit).
    let offered = store
        .cancel_registration(&r(1), until + 3, &offer_mail)
        .await
        .expect("cancel")
        .expect("was open");
    assert_eq!(
        offered.iter().map(|o| o.id.clone()).collect::<Vec<_>>(),
        [r(5)]
    );
    // 4 and 5 cancel: the party of two gets both places.
    store
        .cancel_registration(&r(4), until + 4, &offer_mail)
        .await
        .expect("cancel");
    let offered = store
        .cancel_registration(&r(5), until + 5, &offer_mail)
        .await
        .expect("cancel")
        .expect("was open");
    assert_eq!(
        offered.iter().map(|o| o.id.clone()).collect::<Vec<_>>(),
        [r(2)]
    );
    assert_eq!(
        store
            .event_date(d)
            .await
            .expect("date")
            .expect("some")
            .taken,
        2
    );
    // The other date of the series was never touched.
    assert_eq!(
        store
            .event_date("line-d2")
            .await
            .expect("date")
            .expect("some")
            .taken,
        0
    );
}

pub async fn a_moved_or_cancelled_date_says_so_and_the_check_in_counts_who_came(store: &dyn Store) {
    store
        .create_event(&event("mv", 5), &[date("mv", 1, 5), date("mv", 2, 5)])
        .await
        .expect("create");
    let d1 = date("mv", 1, 5);
    assert!(
        store
            .move_date(
                "mv-d1",
                d1.starts_at + 3600,
                d1.ends_at + 3600,
                NOW + 1,
                &[]
            )
            .await
            .expect("move")
    );
    let moved = store
        .event_date("mv-d1")
        .await
        .expect("date")
        .expect("some");
    assert_eq!(
        (moved.starts_at, moved.sequence, moved.recurrence_id),
        (d1.starts_at + 3600, 1, d1.recurrence_id)
    );
    assert_eq!(
        store
            .event("mv")
            .await
            .expect("event")
            .expect("some")
            .updated_at,
        NOW + 1
    );
    assert!(
        !store
            .move_date("no-such-date", 1, 2, NOW, &[])
            .await
            .expect("none")
    );
    for n in 0..3 {
        store
            .register(&person("mv-d1", n, 1), NOW)
            .await
            .expect("register")
            .expect("placed");
    }
    store
        .record_attendance(
            "mv-d1",
            &["mv-d1-r0".to_string(), "mv-d1-r2".to_string()],
            NOW + 2,
        )
        .await
        .expect("check-in");
    let came: Vec<Option<bool>> = store
        .registrations("mv-d1")
        .await
        .expect("list")
        .iter()
        .map(|r| r.attended)
        .collect();
    assert_eq!(came, [Some(true), Some(false), Some(true)]);
    let counted = store
        .event_date("mv-d1")
        .await
        .expect("date")
        .expect("some");
    assert_eq!((counted.attended, counted.no_shows), (2, 1));
    // After the retention the people are gone and the counts stay.
    assert_eq!(
        store
            .erase_registrations_ended_before(moved.ends_at)
            .await
            .expect("erase"),
        0
    );
    assert_eq!(
        store
            .erase_registrations_ended_before(moved.ends_at + 1)
            .await
            .expect("erase"),
        3
    );
    assert!(store.registrations("mv-d1").await.expect("list").is_empty());
    assert!(
        store
            .registration_by_link("mv-d1-link-0")
            .await
            .expect("link")
            .is_none()
    );
    let kept = store
        .event_date("mv-d1")
        .await
        .expect("date")
        .expect("some");
    assert_eq!((kept.attended, kept.no_shows), (2, 1));
    assert!(
        store
            .cancel_date("mv-d2", NOW + 3, &["{}".to_string()])
            .await
            .expect("cancel")
    );
    assert!(
        !store
            .cancel_date("mv-d2", NOW + 4, &[])
            .await
            .expect("once")
    );
    let cancelled = store
        .event_date("mv-d2")
        .await
        .expect("date")
        .expect("some");
    assert!(cancelled.cancelled && cancelled.sequence == 1);
    assert_eq!(
        store
            .register(&person("mv-d2", 9, 1), NOW + 5)
            .await
            .expect("register"),
        None,
        "no registration for a cancelled date"
    );
    let begun = date("mv", 1, 5).starts_at + 3600;
    assert_eq!(
        store
            .register(&person("mv-d1", 8, 1), begun)
            .await
            .expect("register"),
        None,
        "no registration once the date has begun"
    );
}

pub async fn reminders_go_out_once_a_week_and_a_day_before_to_those_with_a_place(
    store: &dyn Store,
) {
    store
        .create_event(&event("rem", 1), &[date("rem", 1, 1)])
        .await
        .expect("create");
    let d = date("rem", 1, 1);
    store
        .register(&person("rem-d1", 0, 1), NOW)
        .await
        .expect("register")
        .expect("placed");
    store
        .register(&person("rem-d1", 1, 1), NOW)
        .await
        .expect("register")
        .expect("waits");
    let week_before = d.starts_at - 7 * DAY;
    let week_mail = |r: &Registration| LinkMail {
        link_hash: format!("week-{}", r.id),
        mail_job: "{}".into(),
    };
    let day_mail = |r: &Registration| LinkMail {
        link_hash: format!("day-{}", r.id),
        mail_job: "{}".into(),
    };
    let remind = |at: i64, which: Reminder, window: i64| {
        store.queue_reminders(
            which,
            at,
            at + window,
            at + window - 7 * DAY,
            at,
            &week_mail,
        )
    };
    // Too early: nothing.
    assert!(
        remind(week_before - DAY, Reminder::Week, 7 * DAY)
            .await
            .expect("early")
            .is_empty()
    );
    let sent = remind(week_before + 60, Reminder::Week, 7 * DAY)
        .await
        .expect("week");
    assert_eq!(
        sent.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        ["rem-d1-r0"],
        "only who has a place"
    );
    assert!(
        remind(week_before + 120, Reminder::Week, 7 * DAY)
            .await
            .expect("again")
            .is_empty(),
        "once"
    );
    let day_before = d.starts_at - DAY;
    let sent = store
        .queue_reminders(
            Reminder::Day,
            day_before + 60,
            day_before + 60 + DAY,
            d.starts_at,
            day_before + 60,
            &day_mail,
        )
        .await
        .expect("day");
    assert_eq!(sent.len(), 1);
    // Someone who registers after the week's reminder window gets no week reminder.
    assert!(
        store
            .queue_reminders(Reminder::Week, NOW, d.starts_at, NOW - 1, NOW, &week_mail)
            .await
            .expect("made later")
            .is_empty()
    );
}
