//! What every operation of the OpenAPI document says besides its own annotation,
//! derived from the route table and the layers every request passes, so the
//! document declares every answer the server can give:
//! - a path parameter for every `{name}` in the path;
//! - for routes that need a caller (`Access::Allowed`): the bearer token, and
//!   401 (no or an unknown token) and 403 (the token or role does not allow it);
//! - 404 for paths with an identifier; 400 where parameters or a body are read;
//!   409 and 422 where an `Idempotency-Key` is honoured (in progress; reused
//!   with another body);
//!   408, 413 and 503 (busy) for bodies; 429 (the per-address limit) and 503
//!   (the database did not answer) everywhere;
//! - every error as `application/problem+json` with the [`Problem`] schema;
//! - the limits the server checks on `page`, `per_page` and `lang`.

use crate::routes::{Access, RouteEntry};
use utoipa::openapi::path::{Operation, Parameter, ParameterBuilder, ParameterIn};
use utoipa::openapi::request_body::RequestBody;
use utoipa::openapi::security::SecurityRequirement;
use utoipa::openapi::{
    ContentBuilder, ObjectBuilder, OpenApi, Ref, RefOr, Required, ResponseBuilder, Schema, Type,
};

const PROBLEM: &str = "application/problem+json";

/// Applies the rules above to every operation of `doc`.
pub(crate) fn complete(doc: &mut OpenApi, routes: &[RouteEntry]) {
    for (path, item) in doc.paths.paths.iter_mut() {
        let ids = path_parameters(path);
        for (method, op) in [("GET", item.get.as_mut()), ("POST", item.post.as_mut())] {
            let Some(op) = op else { continue };
            let access = routes
                .iter()
                .find(|r| r.method == method && r.path == path)
                .map(|r| r.access);
            complete_operation(op, &ids, access);
        }
    }
}

fn path_parameters(path: &str) -> Vec<String> {
    path.split('/')
        .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
        .map(str::to_string)
        .collect()
}

fn string_schema() -> Schema {
    Schema::Object(ObjectBuilder::new().schema_type(Type::String).build())
}

fn complete_operation(op: &mut Operation, ids: &[String], access: Option<Access>) {
    let params = op.parameters.get_or_insert_with(Vec::new);
    for id in ids {
        if !params
            .iter()
            .any(|p| p.parameter_in == ParameterIn::Path && &p.name == id)
        {
            params.push(
                ParameterBuilder::new()
                    .name(id)
                    .parameter_in(ParameterIn::Path)
                    .required(Required::True)
                    .schema(Some(string_schema()))
                    .build(),
            );
        }
    }
    for p in params.iter_mut() {
        limit_parameter(p);
    }
    let reads_input = !params.is_empty() || op.request_body.is_some();
    let mut errors: Vec<(&str, &str)> = vec![
        (
            "429",
            "Too many requests from this address; see Retry-After",
        ),
        (
            "503",
            "The database did not answer, or the server is busy; try again",
        ),
    ];
    if reads_input {
        errors.push(("400", "Invalid parameters or body; every problem is named"));
    }
    if !ids.is_empty() {
        errors.push(("404", "No such record"));
    }
    if op.request_body.is_some() {
        errors.push(("408", "The body did not arrive in time"));
        errors.push(("413", "The body is larger than the server accepts"));
        require_json_body(op.request_body.as_mut());
    }
    let idempotent = params
        .iter()
        .any(|p| p.parameter_in == ParameterIn::Header && p.name == "Idempotency-Key");
    if idempotent {
        errors.push((
            "409",
            "A request with this Idempotency-Key is still being answered",
        ));
        errors.push((
            "422",
            "This Idempotency-Key was used before with another body",
        ));
    }
    if matches!(access, Some(Access::Allowed(..))) {
        errors.push(("401", "No API token, or an unknown one"));
        errors.push((
            "403",
            "The token's scopes or the caller's roles do not allow this",
        ));
        let bearer = SecurityRequirement::new("bearer", Vec::<String>::new());
        let security = op.security.get_or_insert_with(Vec::new);
        if security.is_empty() {
            security.push(bearer);
        }
    }
    for (status, description) in errors {
        op.responses
            .responses
            .entry(status.to_string())
            .or_insert_with(|| problem_response(description));
    }
    // Errors the annotations name are problem+json too.
    for (status, response) in op.responses.responses.iter_mut() {
        if status.starts_with('2') {
            continue;
        }
        if let RefOr::T(r) = response {
            let description = r.description.clone();
            *response = problem_response(&description);
        }
    }
}

fn problem_response(description: &str) -> RefOr<utoipa::openapi::Response> {
    RefOr::T(
        ResponseBuilder::new()
            .description(description)
            .content(
                PROBLEM,
                ContentBuilder::new()
                    .schema(Some(RefOr::Ref(Ref::from_schema_name("Problem"))))
                    .build(),
            )
            .build(),
    )
}

/// A body is required where one is declared.
fn require_json_body(body: Option<&mut RequestBody>) {
    if let Some(body) = body {
        body.required = Some(Required::True);
    }
}

fn enumeration(values: &[&str]) -> Schema {
    Schema::Object(
        ObjectBuilder::new()
            .schema_type(Type::String)
            .enum_values(Some(values.iter().copied()))
            .build(),
    )
}

/// The limits the server checks on the common query parameters.
fn limit_parameter(p: &mut Parameter) {
    if p.parameter_in != ParameterIn::Query {
        return;
    }
    let integer = |min: f64, max: f64| {
        Schema::Object(
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .minimum(Some(min))
                .maximum(Some(max))
                .build(),
        )
    };
    match p.name.as_str() {
        "page" => p.schema = Some(RefOr::T(integer(1.0, 100_000.0))),
        "per_page" => {
            let max = match &p.schema {
                // An annotation that names its own maximum keeps it.
                Some(RefOr::T(Schema::Object(o))) => match o.maximum {
                    Some(utoipa::Number::Int(m)) => m as f64,
                    Some(utoipa::Number::UInt(m)) => m as f64,
                    Some(utoipa::Number::Float(m)) => m,
                    None => 100.0,
                },
                _ => 100.0,
            };
            p.schema = Some(RefOr::T(integer(1.0, max)));
        }
        "view" => {
            p.schema = Some(RefOr::T(enumeration(&[
                "open", "new", "due", "overdue", "mine", "all", "sent",
            ])))
        }
        "kind" => {
            p.schema = Some(RefOr::T(enumeration(&["occupation", "skill"])));
            p.required = Required::True;
        }
        "modified_after" => {
            let format = |f: &str| {
                Schema::Object(
                    ObjectBuilder::new()
                        .schema_type(Type::String)
                        .format(Some(utoipa::openapi::SchemaFormat::Custom(f.into())))
                        .build(),
                )
            };
            p.schema = Some(RefOr::T(Schema::AnyOf(
                utoipa::openapi::schema::AnyOfBuilder::new()
                    .item(format("date"))
                    .item(format("date-time"))
                    .build(),
            )))
        }
        "postcode" => {
            p.schema = Some(RefOr::T(Schema::Object(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .pattern(Some(loket_domain::area::POSTCODE_PATTERN))
                    .build(),
            )))
        }
        "lang" => {
            p.schema = Some(RefOr::T(Schema::Object(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .enum_values(Some(["nl", "en", "de", "fr", "pl", "ro", "bg"]))
                    .build(),
            )))
        }
        _ => {}
    }
}
