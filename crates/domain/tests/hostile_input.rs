#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // a test: a failed expectation is the failure
//! Property tests over input nobody should send: the catalogue importer and the
//! postcode rule never panic, and every refusal names what is wrong.

use loket_domain::CatalogueDocument;
use proptest::prelude::*;
use serde_json::Value;

const SEED: &str = include_str!("../../../seed/limburg-catalogue.json");

fn seed() -> Value {
    serde_json::from_str(SEED).expect("the seed is JSON")
}

/// Any JSON value, a few levels deep.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,40}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,12}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Every path to a value in `v`, as JSON pointers.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                pointers(
                    x,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                pointers(x, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

fn refused_clearly(result: Result<CatalogueDocument, Vec<loket_domain::DocumentError>>) {
    if let Err(problems) = result {
        assert!(!problems.is_empty(), "a refusal names at least one problem");
        for p in &problems {
            assert!(
                !p.message.trim().is_empty(),
                "every problem says what is wrong: {p:?}"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_text_is_imported_or_refused_with_reasons(text in ".{0,400}") {
        refused_clearly(CatalogueDocument::parse(&text));
    }

    #[test]
    fn the_seed_with_one_value_replaced_is_imported_or_refused_with_reasons(
        pick in any::<prop::sample::Index>(),
        replacement in json_value(),
    ) {
        let mut doc = seed();
        let mut all = Vec::new();
        pointers(&doc, String::new(), &mut all);
        let at = all[pick.index(all.len())].clone();
        if at.is_empty() {
            doc = replacement;
        } else if let Some(slot) = doc.pointer_mut(&at) {
            *slot = replacement;
        }
        refused_clearly(CatalogueDocument::parse(&doc.to_string()));
    }

    #[test]
    fn the_seed_with_a_record_removed_or_doubled_is_imported_or_refused_with_reasons(
        list in prop::sample::select(vec!["organizations", "services", "locations", "taxonomy_terms", "municipalities", "regions"]),
        pick in any::<prop::sample::Index>(),
        double in any::<bool>(),
    ) {
        let mut doc = seed();
        if let Some(Value::Array(records)) = doc.get_mut(list) && !records.is_empty() {
            let i = pick.index(records.len());
            if double {
                let copy = records[i].clone();
                records.push(copy);
            } else {
                records.remove(i);
            }
        }
        refused_clearly(CatalogueDocument::parse(&doc.to_string()));
    }

    /// The server's postcode rule and the pattern in the OpenAPI document agree on
    /// every string: what one accepts, the other does.
    #[test]
    fn the_postcode_rule_and_its_published_pattern_agree(
        s in prop_oneof![
            "\\s?(NL-?)?[0-9]{4}\\s?[A-Za-z]{2}\\s?",
            "(DE?-?)?[0-9]{5}",
            "(BE?-?)?[0-9]{4}",
            "[0-9A-Za-z \\-]{0,9}",
            ".{0,10}",
        ]
    ) {
        let pattern = regex::Regex::new(loket_domain::area::POSTCODE_PATTERN).unwrap();
        prop_assert_eq!(
            loket_domain::area::postcode_country(&s).is_some(),
            pattern.is_match(&s),
            "{:?}", s
        );
    }
}
