#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // tests: a failed expectation is the failure
//! `loket region add | list | set-status` as an operator uses them, against two
//! running nodes on one database: a region goes live on both without a restart,
//! and a bad file changes nothing and names every problem.

mod support;

use loket_domain::CatalogueDocument;
use loket_domain::area::{Municipality, Region};
use loket_domain::region::{LabourMarketRegion, MenuEntry, RegionLook, RegionStatus};
use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn loket(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_loket"))
        .current_dir(dir)
        .args(args)
        .env("LOKET_DATABASE_URL", "sqlite://loket.db")
        .output()
        .expect("run loket")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn status(port: u16, path: &str) -> u16 {
    let reply = support::request(
        port,
        &format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
    )
    .unwrap_or_default();
    reply
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

/// Waits until `path` answers `want` on `port`; the time it took, or `None`.
fn until(port: u16, path: &str, want: u16, within: Duration) -> Option<Duration> {
    let started = Instant::now();
    while started.elapsed() < within {
        if status(port, path) == want {
            return Some(started.elapsed());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    None
}

/// A region in North-East Brabant with its own work centre (a copy of Midden-Limburg's).
fn brabant() -> (LabourMarketRegion, CatalogueDocument) {
    let seed = loket_store_contract::seed();
    let mut catalogue = CatalogueDocument::empty();
    let nl = seed.regions.iter().find(|r| r.code == "NL").expect("NL");
    catalogue.regions.push(Region {
        code: "noordoost-brabant".into(),
        kind: "labour-market-region".into(),
        parent: Some("NL".into()),
        country: "NL".into(),
        name: loket_domain::Text::new("Noordoost-Brabant", "North-East Brabant", "", ""),
        centroid: nl.centroid,
    });
    catalogue.municipalities.push(Municipality {
        code: "GM0796".into(),
        country: "NL".into(),
        name: "'s-Hertogenbosch".into(),
        region: "noordoost-brabant".into(),
        centroid: nl.centroid,
        postcodes: vec!["5200-5249".into()],
        names: Default::default(),
    });
    let mut org = seed
        .organizations
        .iter()
        .find(|o| o.key == "werkcentrum-ml")
        .expect("org")
        .clone();
    org.id = "6b0c4d2e-0000-4000-8000-00000000b001".into();
    org.key = "werkcentrum-nob".into();
    org.name = "Werkcentrum Noordoost-Brabant".into();
    let mut walkin = seed
        .services
        .iter()
        .find(|s| s.key == "werkcentrum-ml-walkin")
        .expect("service")
        .clone();
    walkin.id = "6b0c4d2e-0000-4000-8000-00000000b002".into();
    walkin.key = "werkcentrum-nob-walkin".into();
    walkin.organization_id = org.id.clone();
    walkin.service_areas = vec!["noordoost-brabant".into()];
    walkin.locations.clear();
    let region = LabourMarketRegion {
        code: "noordoost-brabant".into(),
        name: loket_domain::Text::new("Noordoost-Brabant", "North-East Brabant", "", ""),
        municipalities: vec!["GM0796".into()],
        areas_abroad: vec![],
        generalists: vec![walkin.id.clone()],
        languages: vec![loket_domain::Lang::Nl, loket_domain::Lang::En],
        host: None,
        look: RegionLook {
            name: Some("loket Noordoost-Brabant".into()),
            colour: Some("#1d4e2a".into()),
            logo: Some(
                loket_domain::logo::RegionLogo::from_bytes(
                    br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#1d4e2a"/></svg>"##,
                )
                .expect("an svg logo"),
            ),
        },
        status: RegionStatus::Live,
        menu: vec![MenuEntry {
            service: walkin.id.clone(),
            contributor: org.id.clone(),
        }],
    };
    catalogue.organizations.push(org);
    catalogue.services.push(walkin);
    (region, catalogue)
}

fn write_file(dir: &Path, name: &str, region: &LabourMarketRegion, catalogue: &CatalogueDocument) {
    let file = serde_json::json!({ "region": region, "catalogue": catalogue });
    std::fs::write(
        dir.join(name),
        serde_json::to_vec_pretty(&file).expect("json"),
    )
    .expect("write");
}

#[test]
fn a_region_added_from_a_file_is_live_on_every_running_node_without_a_restart() {
    let dir = tempfile::tempdir().expect("tempdir");
    let first = support::start_in(dir.path(), &[]);
    let second = support::start_in(dir.path(), &[]);
    assert_eq!(status(second.port, "/regio/noordoost-brabant"), 404);

    // A bad file: every problem named, nothing stored.
    let (good, catalogue) = brabant();
    let mut bad = good.clone();
    bad.code = "midden-limburg".into();
    bad.municipalities.push("GM9999".into());
    bad.menu.push(MenuEntry {
        service: "no-such-service".into(),
        contributor: bad.menu[0].contributor.clone(),
    });
    bad.look.colour = Some("#ffff00".into());
    bad.look.logo = Some(loket_domain::logo::RegionLogo {
        media_type: "image/png".into(),
        data: "R0lGODlhAQABAAAAACw=".into(), // a GIF
    });
    write_file(dir.path(), "bad.json", &bad, &catalogue);
    let refused = loket(dir.path(), &["region", "add", "bad.json"]);
    assert!(!refused.status.success());
    let text = stderr(&refused);
    for problem in [
        "a region with this code already exists",
        "unknown municipality code \"GM9999\"",
        "names a missing service \"no-such-service\"",
        "white text on #ffff00 has a contrast of",
        "region (midden-limburg): field `look.logo`: the logo must be a PNG or SVG image",
    ] {
        assert!(text.contains(problem), "{problem} in {text}");
    }
    let list = loket(dir.path(), &["region", "list"]);
    let listed = String::from_utf8_lossy(&list.stdout).into_owned();
    assert_eq!(
        listed.lines().count(),
        4,
        "a header and three regions: {listed}"
    );
    assert!(!listed.contains("Werkcentrum Noordoost") && !listed.contains("noordoost"));

    // The good file: live on the other node within seconds.
    write_file(dir.path(), "region.json", &good, &catalogue);
    let added = loket(dir.path(), &["region", "add", "region.json"]);
    assert!(added.status.success(), "{}", stderr(&added));
    let took = until(
        second.port,
        "/regio/noordoost-brabant",
        200,
        Duration::from_secs(10),
    );
    assert!(
        took.is_some(),
        "the new region is not live on the second node"
    );
    assert_eq!(status(first.port, "/regio/noordoost-brabant/voordeur"), 200);
    assert_eq!(
        status(second.port, "/regio/noordoost-brabant/logo"),
        200,
        "its logo travels with it"
    );
    let again = loket(dir.path(), &["region", "add", "region.json"]);
    assert!(stderr(&again).contains("a region with this code already exists"));

    // Back to draft: not public any more, on either node.
    let drafted = loket(
        dir.path(),
        &["region", "set-status", "noordoost-brabant", "draft"],
    );
    assert!(drafted.status.success(), "{}", stderr(&drafted));
    assert!(
        until(
            second.port,
            "/regio/noordoost-brabant",
            404,
            Duration::from_secs(10)
        )
        .is_some()
    );
    // A draft region without a generalist cannot go live.
    let refused = loket(
        dir.path(),
        &["region", "set-status", "noord-limburg", "live"],
    );
    assert!(!refused.status.success());
    assert!(
        stderr(&refused).contains("needs a generalist"),
        "{}",
        stderr(&refused)
    );
    let nonsense = loket(
        dir.path(),
        &["region", "set-status", "noord-limburg", "open"],
    );
    assert!(stderr(&nonsense).contains("use live or draft"));
    drop(first);
    drop(second);
}
