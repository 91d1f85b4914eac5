//! How a visitor can reach a service: the contact behind every channel.
//!
//! A service lists the channels it offers (walk-in, appointment, phone, e-mail,
//! online), but a channel is only a promise. The front door's promise is that a
//! visitor is never sent somewhere they cannot reach, so pages and the routing
//! use only the channels a contact stands behind:
//!
//! - phone: a phone number of the service, else of its organisation;
//! - e-mail: an address of the service, else of its organisation;
//! - online: a website of the service, its organisation, or one of its online locations;
//! - walk-in: a physical location of the service with a street address;
//! - appointment: any of the above, since an appointment has to be made somehow.
//!
//! Channel codes this module does not know are taken at their word.

use crate::catalogue::{Location, LocationType, Organization, Phone, Service};
use crate::search::CatalogueIndex;

/// The contacts of one service, the service's own first, its organisation's as fallback.
#[derive(Debug, Clone)]
pub struct Reach<'a> {
    pub phones: &'a [Phone],
    pub email: Option<&'a str>,
    pub website: Option<&'a str>,
    /// Physical locations with a street address: places to visit.
    pub visits: Vec<&'a Location>,
}

pub const KNOWN_CHANNELS: [&str; 5] = ["walk-in", "appointment", "phone", "email", "online"];

impl<'a> Reach<'a> {
    pub fn of(idx: &'a CatalogueIndex, s: &'a Service) -> Reach<'a> {
        let locations: Vec<&Location> = s
            .locations
            .iter()
            .filter_map(|id| idx.location(id))
            .collect();
        Reach::from_parts(s, idx.organization(&s.organization_id), &locations)
    }

    /// An organisation's own contacts and the places where it receives visitors.
    pub fn of_organization(idx: &'a CatalogueIndex, o: &'a Organization) -> Reach<'a> {
        let nonblank = |v: &'a Option<String>| v.as_deref().filter(|v| !v.trim().is_empty());
        Reach {
            phones: &o.phones,
            email: nonblank(&o.email),
            website: nonblank(&o.website),
            visits: idx
                .locations
                .iter()
                .filter(|l| l.organization_id == o.id && is_visit(l))
                .collect(),
        }
    }

    pub fn from_parts(
        s: &'a Service,
        org: Option<&'a Organization>,
        locations: &[&'a Location],
    ) -> Reach<'a> {
        let phones = match (&s.phones, org) {
            (own, _) if !own.is_empty() => own.as_slice(),
            (_, Some(o)) => o.phones.as_slice(),
            _ => &[],
        };
        let nonblank = |v: &'a Option<String>| v.as_deref().filter(|v| !v.trim().is_empty());
        let email = nonblank(&s.email).or_else(|| org.and_then(|o| nonblank(&o.email)));
        let website = nonblank(&s.url)
            .or_else(|| org.and_then(|o| nonblank(&o.website)))
            .or_else(|| {
                locations
                    .iter()
                    .filter(|l| l.location_type == LocationType::Virtual)
                    .find_map(|l| nonblank(&l.url))
            });
        let visits = locations.iter().copied().filter(|l| is_visit(l)).collect();
        Reach {
            phones,
            email,
            website,
            visits,
        }
    }

    /// Whether a contact stands behind `channel`.
    pub fn shows(&self, channel: &str) -> bool {
        match channel {
            "phone" => !self.phones.is_empty(),
            "email" => self.email.is_some(),
            "online" => self.website.is_some(),
            "walk-in" => !self.visits.is_empty(),
            "appointment" => !self.is_empty(),
            _ => true,
        }
    }

    /// No phone, e-mail, website or address: only loket's callback request remains.
    pub fn is_empty(&self) -> bool {
        self.phones.is_empty()
            && self.email.is_none()
            && self.website.is_none()
            && self.visits.is_empty()
    }

    /// The service's channels that a contact stands behind, in the service's order.
    pub fn channels<'s>(&self, s: &'s Service) -> impl Iterator<Item = &'s String> {
        s.channels.iter().filter(|c| self.shows(c))
    }

    /// The service's channels without a contact: promises the catalogue cannot keep.
    pub fn unkept<'s>(&self, s: &'s Service) -> impl Iterator<Item = &'s String> {
        s.channels.iter().filter(|c| !self.shows(c))
    }
}

/// A physical location with a street: somewhere a visitor can go.
fn is_visit(l: &Location) -> bool {
    l.location_type == LocationType::Physical
        && l.address
            .as_ref()
            .is_some_and(|a| !a.address_1.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::Address;
    use crate::text::Text;

    fn service(channels: &[&str]) -> Service {
        serde_json::from_value(serde_json::json!({
            "id": "s", "key": "s", "organization_id": "o",
            "name": {"nl": "Dienst"}, "description": {"nl": "Omschrijving"},
            "channels": channels, "last_modified": "2026-01-01T00:00:00Z"
        }))
        .unwrap()
    }

    fn organization() -> Organization {
        serde_json::from_value(serde_json::json!({
            "id": "o", "key": "o", "name": "Organisatie", "description": {"nl": "x"},
            "last_modified": "2026-01-01T00:00:00Z"
        }))
        .unwrap()
    }

    fn location(kind: LocationType, street: Option<&str>, url: Option<&str>) -> Location {
        Location {
            id: "l".into(),
            organization_id: "o".into(),
            location_type: kind,
            name: Text::new("Plek", "", "", ""),
            description: None,
            municipality: None,
            latitude: None,
            longitude: None,
            url: url.map(str::to_string),
            address: street.map(|s| Address {
                address_1: s.into(),
                city: "Kerkrade".into(),
                postal_code: String::new(),
                state_province: String::new(),
                country: "NL".into(),
            }),
            accessibility: None,
        }
    }

    #[test]
    fn a_claimed_channel_without_contact_is_not_shown() {
        let s = service(&["walk-in", "appointment", "phone", "email", "online"]);
        let o = organization();
        let town_only = location(LocationType::Physical, None, None);
        let r = Reach::from_parts(&s, Some(&o), &[&town_only]);
        assert!(r.is_empty());
        assert_eq!(r.channels(&s).count(), 0);
        assert_eq!(r.unkept(&s).count(), 5);
    }

    #[test]
    fn the_organisations_contacts_stand_in_for_the_service() {
        let s = service(&["phone", "email", "appointment", "walk-in"]);
        let mut o = organization();
        o.phones = vec![Phone {
            number: "+31 43 350 4040".into(),
            r#type: None,
            description: Text::default(),
        }];
        o.email = Some("post@maastricht.nl".into());
        let r = Reach::from_parts(&s, Some(&o), &[]);
        let shown: Vec<_> = r.channels(&s).map(String::as_str).collect();
        assert_eq!(shown, ["phone", "email", "appointment"]);
        assert_eq!(
            r.unkept(&s).map(String::as_str).collect::<Vec<_>>(),
            ["walk-in"]
        );
    }

    #[test]
    fn a_street_makes_a_visit_and_an_online_location_makes_a_website() {
        let s = service(&["walk-in", "online"]);
        let o = organization();
        let office = location(LocationType::Physical, Some("Eurode Business Center"), None);
        let site = location(LocationType::Virtual, None, Some("https://www.uwv.nl/"));
        let r = Reach::from_parts(&s, Some(&o), &[&office, &site]);
        assert_eq!(r.visits.len(), 1);
        assert_eq!(r.website, Some("https://www.uwv.nl/"));
        assert_eq!(r.unkept(&s).count(), 0);
    }
}
