//! The ways to reach a service, ready for a page: call, e-mail, website, visit
//! (with directions), in the order a visitor tries them.

use crate::present::Tr;
use crate::present::names::area_name;
use loket_domain::reach::Reach;
use loket_domain::search::CatalogueIndex;
use loket_domain::{Address, Organization, Service};

pub struct PhoneView {
    /// As written in the catalogue, for reading.
    pub number: String,
    /// For the `tel:` link: digits and a leading `+` only.
    pub dial: String,
    pub note: String,
}

pub struct VisitView {
    pub name: String,
    pub address: String,
    /// The postcode or house number still awaits the organisation's confirmation.
    pub incomplete: bool,
    pub directions: String,
}

pub struct ReachView {
    pub phones: Vec<PhoneView>,
    pub email: Option<String>,
    pub website: Option<WebsiteView>,
    pub visits: Vec<VisitView>,
    /// Nothing but the callback request: the page says so and what to do instead.
    pub none: bool,
}

pub struct WebsiteView {
    pub href: String,
    /// The host name, short enough for a phone screen.
    pub label: String,
}

pub(crate) fn reach_view(idx: &CatalogueIndex, tr: &Tr, s: &Service) -> ReachView {
    view(idx, tr, &Reach::of(idx, s))
}

pub(crate) fn organization_reach_view(
    idx: &CatalogueIndex,
    tr: &Tr,
    o: &Organization,
) -> ReachView {
    view(idx, tr, &Reach::of_organization(idx, o))
}

fn view(idx: &CatalogueIndex, tr: &Tr, r: &Reach) -> ReachView {
    ReachView {
        phones: r
            .phones
            .iter()
            .map(|p| PhoneView {
                number: p.number.clone(),
                dial: dial(&p.number),
                note: p.description.get(tr.lang).to_string(),
            })
            .collect(),
        email: r.email.map(str::to_string),
        website: r.website.map(|w| WebsiteView {
            href: w.to_string(),
            label: host(w),
        }),
        visits: r
            .visits
            .iter()
            .filter_map(|l| {
                let a = l.address.as_ref()?;
                let place = l
                    .municipality
                    .as_deref()
                    .map(|m| area_name(idx, m, tr.lang))
                    .unwrap_or_default();
                Some(VisitView {
                    name: l.name.get(tr.lang).to_string(),
                    address: address_line(a, &place),
                    incomplete: a.postal_code.trim().is_empty(),
                    directions: directions(a),
                })
            })
            .collect(),
        none: r.is_empty(),
    }
}

pub(crate) fn dial(number: &str) -> String {
    number
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect()
}

fn host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split('/').next().unwrap_or(rest);
    host.strip_prefix("www.").unwrap_or(host).to_string()
}

fn address_line(a: &Address, place: &str) -> String {
    let town = if a.postal_code.trim().is_empty() {
        a.city.clone()
    } else {
        format!("{} {}", a.postal_code, a.city)
    };
    let mut line = format!("{}, {town}", a.address_1);
    if !place.is_empty() && !a.city.contains(place) && !place.contains(&a.city) {
        line.push_str(&format!(" ({place})"));
    }
    line
}

/// A route planner link (Google Maps URLs: no key, opens the maps app on a phone).
fn directions(a: &Address) -> String {
    let place = format!(
        "{}, {} {}, {}",
        a.address_1, a.postal_code, a.city, a.country
    );
    let query = crate::present::query_string(&[("api", "1"), ("destination", &place)]);
    format!("https://www.google.com/maps/dir/?{query}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_dial_as_digits_and_hosts_are_short() {
        assert_eq!(dial("+31 43 350 4040"), "+31433504040");
        assert_eq!(dial("14 043"), "14043");
        assert_eq!(host("https://www.uwv.nl/"), "uwv.nl");
        assert_eq!(host("https://grenzarbeit.eu/ebc/"), "grenzarbeit.eu");
    }
}
