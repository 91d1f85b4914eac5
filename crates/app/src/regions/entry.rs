//! The national entry: a postcode or municipality, in the Netherlands or across the
//! border, leads to the region whose front door serves it.

use loket_domain::search::CatalogueIndex;

/// Where a place leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// A live region serves it: its code, and the municipality found (if any).
    Region {
        code: String,
        municipality: Option<String>,
    },
    /// A known place, or a well-formed postcode, that no live region serves (yet).
    Outside { place: String },
    /// Nothing was given.
    Empty,
    /// Neither a postcode nor a municipality we know.
    Unknown,
}

/// Finds the region for `text`: a postcode (`6041 AB`, `52062`, `3620`) or a
/// municipality's name in any of its languages (`Roermond`, `Aken`, `Aachen`).
pub fn find(idx: &CatalogueIndex, text: &str) -> Entry {
    let text = text.trim();
    if text.is_empty() {
        return Entry::Empty;
    }
    let municipality = idx
        .areas
        .municipality_for_postcode(text)
        .or_else(|| idx.areas.municipality_named(text));
    match municipality {
        Some(m) => match idx.regions.region_of(&idx.areas, &m.code) {
            Some(r) if r.is_live() => Entry::Region {
                code: r.code.clone(),
                municipality: Some(m.code.clone()),
            },
            _ => Entry::Outside {
                place: m.code.clone(),
            },
        },
        None if loket_domain::area::postcode_country(text).is_some() => Entry::Outside {
            place: text.to_string(),
        },
        None => Entry::Unknown,
    }
}
