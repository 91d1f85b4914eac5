//! What templates need, prepared in Rust so the templates stay plain.

use crate::present::Tr;
use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use loket_domain::Lang;

pub struct LangLink {
    pub code: &'static str,
    pub label: &'static str,
    pub href: String,
    pub current: bool,
}

/// The frame of every page: language, title, navigation, language switch.
pub struct Layout {
    pub tr: Tr,
    pub lang: &'static str,
    pub title: String,
    pub nav: &'static str,
    pub switch: Vec<LangLink>,
    /// The signed-in person, for the header; `None` for visitors.
    pub who: Option<crate::who::Who>,
    /// The deployment's name (its own, or loket's in the page's language).
    pub site_name: String,
    pub has_logo: bool,
    /// The logo's address: the deployment's, or a region's.
    pub logo_src: String,
    /// The page's path, to mark the current menu entry.
    pub path: String,
    /// The stylesheet of the look's design tokens: the deployment's, or a region's.
    pub look_css: String,
    /// Where the name in the header leads: the home page, or a region's.
    pub home: String,
}

/// The longest address the language links repeat (see [`Layout::new`]).
const MAX_ECHOED_ADDRESS: usize = 2048;

impl Layout {
    /// `path_and_query` is the current page, so switching language keeps filters.
    pub fn new(tr: Tr, title: String, nav: &'static str, path: &str, query: Option<&str>) -> Self {
        // An address longer than any link of ours is not repeated in each of the
        // language links: the switch then leads to the home page.
        let (path, query) = if path.len() + query.map_or(0, str::len) > MAX_ECHOED_ADDRESS {
            ("/", None)
        } else {
            (path, query)
        };
        let kept: Vec<&str> = query
            .unwrap_or("")
            .split('&')
            .filter(|p| !p.is_empty() && !p.starts_with("lang="))
            .collect();
        let switch = Lang::ALL
            .into_iter()
            .map(|l| (l, l.own_name()))
            .map(|(l, label)| {
                let mut q = kept.clone();
                let lang_param = format!("lang={}", l.code());
                q.push(&lang_param);
                LangLink {
                    code: l.code(),
                    label,
                    href: format!("{path}?{}", q.join("&")),
                    current: l == tr.lang,
                }
            })
            .collect();
        let look = crate::look::current();
        let site_name = look
            .name()
            .map_or_else(|| tr.t("site-name"), str::to_string);
        Layout {
            site_name,
            has_logo: look.has_logo(),
            logo_src: "/static/logo".into(),
            look_css: "/static/look.css".into(),
            home: "/".into(),
            path: path.to_string(),
            lang: tr.lang.code(),
            tr,
            title,
            nav,
            switch,
            who: crate::who::current(),
        }
    }
}

impl Layout {
    /// The frame of a region's public pages: its name, logo and colour, its home.
    pub fn in_region(mut self, region: &loket_domain::region::LabourMarketRegion) -> Self {
        self.site_name = region.display_name(self.tr.lang).to_string();
        self.has_logo = region.look.logo.is_some();
        self.logo_src = format!("{}/logo", region.path());
        self.look_css = format!("{}/look.css", region.path());
        self.home = region.path();
        self
    }

    /// The staff menu on staff pages for a signed-in person; public pages keep the public menu.
    pub fn staff_menu(&self) -> Option<&[crate::who::MenuItem]> {
        match (&self.who, self.nav) {
            (Some(w), "staff") => Some(&w.menu),
            _ => None,
        }
    }
}

/// An option of a `<select>`.
pub struct Opt {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub struct OptGroup {
    pub label: String,
    pub options: Vec<Opt>,
}

pub fn render(status: StatusCode, page: &impl Template) -> Response {
    match page.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template rendering failed");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                Html("<!doctype html><title>Error</title><p>Error</p>".to_string()),
            )
                .into_response()
        }
    }
}

/// What a page handler starts from: the visitor's language, its translator,
/// and the address of the page (for the frame's language switch and links).
pub struct Page {
    pub lang: Lang,
    pub tr: Tr,
    pub uri: axum::http::Uri,
}

impl axum::extract::FromRequestParts<crate::AppState> for Page {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &crate::AppState,
    ) -> Result<Self, Self::Rejection> {
        let lang = crate::lang::resolve(parts);
        // Behind a nested router the original address is the one people see.
        let uri = parts
            .extensions
            .get::<axum::extract::OriginalUri>()
            .map_or_else(|| parts.uri.clone(), |o| o.0.clone());
        Ok(Page {
            lang,
            tr: crate::present::tr(state, lang),
            uri,
        })
    }
}
