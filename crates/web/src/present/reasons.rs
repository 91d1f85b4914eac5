//! Why a service fits the visitor, one sentence per reason of the routing engine.

use crate::present::Tr;
use crate::present::names::{area_name, language_name, term_name};
use loket_domain::TaxonomyKind;
use loket_domain::search::CatalogueIndex;
use loket_routing::Reason;

/// One sentence per reason, in the visitor's language.
pub(crate) fn explain(idx: &CatalogueIndex, tr: &Tr, reason: &Reason) -> String {
    let lang = tr.lang;
    let place = |code: &str| area_name(idx, code, lang);
    let list = |items: Vec<String>| items.join(", ");
    match reason {
        Reason::TargetGroup(g) => tr.s(
            "reason-target-group",
            &[("group", term_name(idx, TaxonomyKind::TargetGroup, g, lang))],
        ),
        Reason::Topic { code, focused } => {
            let key = if *focused {
                "reason-topic-focused"
            } else {
                "reason-topic"
            };
            tr.s(
                key,
                &[("topic", term_name(idx, TaxonomyKind::Topic, code, lang))],
            )
        }
        Reason::ServesBoth { live, work } => tr.s(
            "reason-serves-both",
            &[("live", place(live)), ("work", place(work))],
        ),
        Reason::ServesLive(p) => tr.s("reason-serves-live", &[("place", place(p))]),
        Reason::ServesWork(p) => tr.s("reason-serves-work", &[("place", place(p))]),
        Reason::ServesCompany(p) => tr.s("reason-serves-company", &[("place", place(p))]),
        Reason::ServesStaffCountry(c) => tr.s("reason-serves-staff", &[("place", place(c))]),
        Reason::Border(countries) => tr.s(
            "reason-border",
            &[(
                "countries",
                countries
                    .iter()
                    .map(|c| place(c))
                    .collect::<Vec<_>>()
                    .join("–"),
            )],
        ),
        Reason::Language(langs) => tr.s(
            "reason-language",
            &[(
                "languages",
                list(langs.iter().map(|l| language_name(tr, l)).collect()),
            )],
        ),
        Reason::Channel(c) => tr.s(
            "reason-channel",
            &[("channel", term_name(idx, TaxonomyKind::Channel, c, lang))],
        ),
        Reason::FirstLine => tr.t("reason-first-line"),
        Reason::ResidenceCountryPays => tr.t("reason-residence-country"),
        Reason::EuNoPermitNeeded => tr.t("reason-eu-no-permit"),
        Reason::Generalist => tr.t("reason-generalist"),
    }
}
