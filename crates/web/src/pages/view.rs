//! What templates need, prepared in Rust so the templates stay plain.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use loket_domain::Lang;
use loket_i18n::{FluentArg, I18n};
use std::sync::Arc;

/// Translates message keys for one language; templates call `tr.t("key")`.
#[derive(Clone)]
pub struct Tr {
    pub lang: Lang,
    i18n: Arc<I18n>,
}

impl Tr {
    pub fn new(i18n: Arc<I18n>, lang: Lang) -> Self {
        Tr { lang, i18n }
    }
    pub fn t(&self, key: &str) -> String {
        self.i18n.t(self.lang.code(), key)
    }
    pub fn n(&self, key: &str, name: &str, count: usize) -> String {
        self.i18n.t_args(
            self.lang.code(),
            key,
            &[(name, FluentArg::Num(count as i64))],
        )
    }
    pub fn s(&self, key: &str, args: &[(&str, String)]) -> String {
        let args: Vec<_> = args
            .iter()
            .map(|(k, v)| (*k, FluentArg::Str(v.clone())))
            .collect();
        self.i18n.t_args(self.lang.code(), key, &args)
    }
}

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
}

impl Layout {
    /// `path_and_query` is the current page, so switching language keeps filters.
    pub fn new(tr: Tr, title: String, nav: &'static str, path: &str, query: Option<&str>) -> Self {
        let kept: Vec<&str> = query
            .unwrap_or("")
            .split('&')
            .filter(|p| !p.is_empty() && !p.starts_with("lang="))
            .collect();
        let switch = [
            (Lang::Nl, "Nederlands"),
            (Lang::En, "English"),
            (Lang::De, "Deutsch"),
            (Lang::Fr, "Français"),
        ]
        .into_iter()
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
        Layout {
            lang: tr.lang.code(),
            tr,
            title,
            nav,
            switch,
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

/// Builds a URL query string, percent-encoding the values.
pub fn query_string(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Like [`query_string`], but keeps empty values as `key=` (a skipped question).
pub fn query_string_keep_empty(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| {
            if v.is_empty() {
                format!("{k}=")
            } else {
                format!("{k}={}", encode(v))
            }
        })
        .collect::<Vec<_>>()
        .join("&")
}

fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The translator for a visitor's language.
pub(crate) fn tr(state: &crate::AppState, lang: loket_domain::Lang) -> Tr {
    Tr::new(state.i18n.clone(), lang)
}
