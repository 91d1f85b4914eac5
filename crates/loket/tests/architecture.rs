#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // tests: a failed expectation is the failure
//! The layout rules of the workspace, checked on the sources so that they hold
//! after every change (see docs/ARCHITECTURE.md):
//! - the application layer knows no HTTP, and the web tier no SQL;
//! - the web tier reaches the store only through the application layer;
//! - no module under `api/` imports a page module;
//! - no import circle between the modules of any crate;
//! - no source file over 800 lines outside tests and the contract suite;
//! - the two storage backends share no run of six identical lines but imports;
//! - every integration test target is run by the test command (`scripts/test`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("workspace root")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn crates() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(workspace().join("crates"))
        .expect("crates")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.join("Cargo.toml").exists())
        .collect();
    out.sort();
    out
}

/// The `[dependencies]` table of a crate's manifest (not dev-dependencies).
fn dependencies(krate: &str) -> Vec<String> {
    let text = std::fs::read_to_string(workspace().join("crates").join(krate).join("Cargo.toml"))
        .expect("manifest");
    let mut in_deps = false;
    let mut deps = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_deps = line == "[dependencies]";
        } else if in_deps && let Some((name, _)) = line.split_once('=') {
            // `loket-store.workspace = true` names `loket-store`.
            let name = name.trim();
            deps.push(name.strip_suffix(".workspace").unwrap_or(name).to_string());
        }
    }
    deps
}

#[test]
fn the_application_layer_knows_no_http_and_the_web_tier_no_sql() {
    let app = dependencies("app");
    for http in ["axum", "askama", "tower", "http", "hyper", "loket-web"] {
        assert!(
            !app.iter().any(|d| d == http),
            "loket-app depends on {http}"
        );
    }
    assert!(app.iter().any(|d| d == "loket-store"), "read {app:?}");
    let web = dependencies("web");
    assert!(
        !web.iter().any(|d| d == "sqlx"),
        "loket-web depends on sqlx"
    );
    assert!(web.iter().any(|d| d == "loket-app"), "read {web:?}");
}

#[test]
fn the_web_tier_reaches_the_store_only_through_use_cases() {
    let mut files = Vec::new();
    rust_files(&workspace().join("crates/web/src"), &mut files);
    assert!(files.len() > 30, "read only {} files", files.len());
    let mut offenders = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("source");
        for (n, line) in text.lines().enumerate() {
            if line.contains(".store.") || line.trim_start().starts_with(".store") {
                offenders.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "store calls in the web tier:\n{}",
        offenders.join("\n")
    );
}

#[test]
fn api_modules_import_no_page_module() {
    let mut files = Vec::new();
    rust_files(&workspace().join("crates/web/src/api"), &mut files);
    assert!(files.len() >= 5, "read only {} files", files.len());
    for file in &files {
        let text = std::fs::read_to_string(file).expect("source");
        assert!(
            !text.contains("crate::pages"),
            "{} imports a page module",
            file.display()
        );
    }
}

/// `crates/x/src/a/b.rs` → `a::b`; `a/mod.rs` → `a`; `lib.rs`/`main.rs` → ``.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).expect("inside src");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().unwrap_or_default();
    let stem = last.trim_end_matches(".rs");
    if !matches!(stem, "mod" | "lib" | "main") {
        parts.push(stem.to_string());
    }
    parts.join("::")
}

/// Every `crate::a::b::…` path in a source, cut to the longest known module.
fn referenced_modules(text: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut expand = |path: &str| {
        let segments: Vec<&str> = path.split("::").collect();
        for n in (1..=segments.len()).rev() {
            let candidate = segments[..n].join("::");
            if modules.contains(&candidate) {
                found.insert(candidate);
                return;
            }
        }
    };
    let mut rest = text;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        // `use crate::a::{b, c::d}` names modules inside the braces too.
        let end = rest
            .find(|c: char| {
                !(c.is_alphanumeric()
                    || c == '_'
                    || c == ':'
                    || c == '{'
                    || c == '}'
                    || c == ','
                    || c == ' '
                    || c == '\n')
            })
            .unwrap_or(rest.len());
        let path = &rest[..end];
        match path.split_once("::{") {
            Some((base, group)) => {
                let group = group.split('}').next().unwrap_or("");
                for item in group.split(',') {
                    let item = item.trim();
                    if item == "self" || item.is_empty() {
                        expand(base.trim());
                    } else {
                        expand(&format!("{}::{}", base.trim(), item));
                    }
                }
            }
            None => expand(path.split([' ', '\n', ',', '{', '}']).next().unwrap_or("")),
        }
    }
    found
}

fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        marks: &mut BTreeMap<String, Mark>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        marks.insert(node.to_string(), Mark::Open);
        stack.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            match marks.get(next).copied().unwrap_or(Mark::New) {
                Mark::Open => {
                    let from = stack.iter().position(|n| n == next).unwrap_or(0);
                    let mut cycle = stack[from..].to_vec();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                Mark::New => {
                    if let Some(c) = visit(next, graph, marks, stack) {
                        return Some(c);
                    }
                }
                Mark::Done => {}
            }
        }
        stack.pop();
        marks.insert(node.to_string(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    for node in graph.keys() {
        if marks.get(node).copied().unwrap_or(Mark::New) == Mark::New {
            let mut stack = Vec::new();
            if let Some(c) = visit(node, graph, &mut marks, &mut stack) {
                return Some(c);
            }
        }
    }
    None
}

#[test]
fn no_crate_has_an_import_circle_between_its_modules() {
    let mut checked = 0;
    for krate in crates() {
        let src = krate.join("src");
        let mut files = Vec::new();
        rust_files(&src, &mut files);
        let modules: BTreeSet<String> = files.iter().map(|f| module_of(&src, f)).collect();
        let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for file in &files {
            let me = module_of(&src, file);
            // Comments and doc links are no imports.
            let text: String = std::fs::read_to_string(file)
                .expect("source")
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            let mut targets = referenced_modules(&text, &modules);
            // `super::x` from a child is an edge to its parent module.
            if text.contains("super::") && !me.is_empty() {
                let is_mod = file.ends_with("mod.rs");
                let parent: Vec<&str> = me.split("::").collect();
                let up = if is_mod {
                    parent.len().saturating_sub(1)
                } else {
                    parent.len() - 1
                };
                targets.insert(parent[..up].join("::"));
            }
            // Ancestors are namespaces a child lives in, not imports: a parent that
            // declares and routes its children is no circle with them.
            targets.retain(|t| t != &me && !me.starts_with(&format!("{t}::")) && !t.is_empty());
            graph.insert(me, targets);
        }
        checked += graph.len();
        if let Some(cycle) = find_cycle(&graph) {
            panic!("{}: import circle {}", krate.display(), cycle.join(" → "));
        }
    }
    assert!(checked > 100, "read only {checked} modules");
}

#[test]
fn no_source_file_is_over_800_lines_outside_tests_and_the_contract_suite() {
    let mut long = Vec::new();
    let mut read = 0;
    for krate in crates() {
        if krate.ends_with("store-contract") {
            continue;
        }
        let mut files = Vec::new();
        rust_files(&krate.join("src"), &mut files);
        for file in files {
            read += 1;
            let lines = std::fs::read_to_string(&file)
                .expect("source")
                .lines()
                .count();
            if lines > 800 {
                long.push(format!("{} ({lines} lines)", file.display()));
            }
        }
    }
    assert!(read > 100, "read only {read} files");
    assert!(long.is_empty(), "over 800 lines:\n{}", long.join("\n"));
}

#[test]
fn the_backends_share_no_six_identical_lines_but_imports() {
    let read = |backend: &str| -> Vec<String> {
        std::fs::read_to_string(workspace().join(format!("crates/{backend}/src/lib.rs")))
            .expect("backend")
            .lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty() && !l.starts_with("use ") && !l.starts_with("//"))
            .collect()
    };
    let (sqlite, postgres) = (read("store-sqlite"), read("store-postgres"));
    assert!(sqlite.len() > 20 && postgres.len() > 20);
    let windows: BTreeSet<&[String]> = postgres.windows(6).collect();
    let shared: Vec<String> = sqlite
        .windows(6)
        .filter(|w| windows.contains(w))
        .map(|w| w.join(" / "))
        .collect();
    assert!(shared.is_empty(), "shared runs:\n{}", shared.join("\n"));
}

#[test]
fn every_integration_test_runs_in_the_test_command() {
    let script = std::fs::read_to_string(workspace().join("scripts/test")).expect("scripts/test");
    let mut missing = Vec::new();
    for krate in crates() {
        let Ok(entries) = std::fs::read_dir(krate.join("tests")) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "rs") {
                let name = path
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or_default()
                    .to_string();
                if !script.contains(&format!("--test {name}")) {
                    missing.push(path.display().to_string());
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "tests the test command never runs: {missing:?}"
    );
}
