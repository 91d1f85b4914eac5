//! The OpenAPI 3.1 document, generated from the handlers' annotations.

use super::hsds;
use crate::problem::{InvalidParam, Problem};
use axum::Json;
use axum::response::IntoResponse;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "loket API",
        description = "The regional service catalogue of Limburg and the Euregio Meuse-Rhine, following the Open Referral HSDS 3.1 API profile."
    ),
    paths(
        super::api_root,
        super::list_services,
        super::get_service,
        super::list_organizations,
        super::get_organization,
        super::list_taxonomies,
        super::get_taxonomy,
        super::list_terms,
        super::get_term,
        super::list_service_at_locations,
        super::get_service_at_location,
        super::catalogue_document,
        super::regions::list,
        super::regions::lookup,
        super::regions::services,
        super::front_door::questions,
        super::front_door::routes,
        super::front_door::insights,
        super::crossborder::explain,
        super::events::list,
        super::events::get,
        super::contacts::create_contact,
        super::referrals::list,
        super::referrals::create,
        super::referrals::get,
        super::referrals::transition,
        super::talent::suggest,
        super::talent::create_vacancy,
        super::talent::create_candidate,
        super::talent::matches,
        super::talent::propose,
        super::results::list,
        super::results::breakdown,
    ),
    components(schemas(
        super::front_door::RouteResponse,
        super::front_door::RoutedService,
        super::front_door::RouteReason,
        super::front_door::Insights,
        super::crossborder::ExplainRequest,
        super::crossborder::ExplainResponse,
        super::crossborder::AnswerView,
        super::crossborder::OutcomeView,
        super::crossborder::RuleView,
        super::events::EventList,
        super::events::EventView,
        super::events::DateView,
        Problem,
        InvalidParam,
        hsds::HsdsService,
        hsds::HsdsOrganization,
        hsds::HsdsTaxonomy,
        hsds::HsdsTaxonomyTerm,
        hsds::HsdsServiceAtLocation,
        super::ApiInfo,
        super::regions::RegionView,
        super::regions::RegionList,
        super::regions::RegionLookup,
        super::referrals::ReferralView,
        super::referrals::PersonView,
        super::referrals::HistoryView,
        super::referrals::ReferralList,
        super::referrals::Created,
        super::referrals::TransitionRequest,
        super::referrals::TransitionProblem,
        super::contacts::ContactRequest,
        super::results::ResultsView,
        super::results::IndicatorResultView,
        super::results::Number,
        super::results::MonthValue,
        super::results::PeriodView,
        super::results::BreakdownView,
        super::results::BreakdownRow
    )),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

/// Contacts and referrals need an organisation's API token (or a session).
struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "An organisation's API token, made by its admin under /beheer/organisaties/{id}/api-sleutels; scopes contacts and referrals.",
                    ))
                    .build(),
            ),
        );
    }
}

/// The document as served: the annotations, completed from the route table
/// (see [`super::contract`]).
pub fn full() -> utoipa::openapi::OpenApi {
    let mut doc = ApiDoc::openapi();
    super::contract::complete(&mut doc, &crate::routes::route_table());
    doc
}

/// The served document: [`full`], with what only the running system knows (the
/// front door's answers as the current flow and areas allow them) and the links
/// between operations (a created referral can be read and moved on).
pub async fn document(
    axum::extract::State(state): axum::extract::State<crate::AppState>,
) -> impl IntoResponse {
    let mut doc = serde_json::to_value(full()).unwrap_or_default();
    let answers = super::front_door::answers_schema(&state.flow(), &state.index().areas);
    let body = &mut doc["paths"]["/api/v1/front-door/routes"]["post"]["requestBody"];
    body["required"] = serde_json::json!(true);
    body["content"]["application/json"]["schema"] = answers;
    let index = state.index();
    doc["components"]["schemas"]["ContactRequest"] = super::bodies::contact(&index);
    let body = &mut doc["paths"]["/api/v1/referrals"]["post"]["requestBody"];
    body["required"] = serde_json::json!(true);
    body["content"]["application/json"]["schema"] = super::bodies::referral();
    // `minimal=true` lists id and last_modified only.
    doc["components"]["schemas"]["HsdsServiceMinimal"] = serde_json::json!({
        "type": "object",
        "required": ["id", "last_modified"],
        "properties": {
            "id": { "type": "string" },
            "last_modified": { "type": "string", "format": "date-time" }
        }
    });
    doc["components"]["schemas"]["HsdsPage_HsdsServiceSummary"]["properties"]["contents"]["items"] = serde_json::json!({
        "anyOf": [
            { "$ref": "#/components/schemas/HsdsServiceSummary" },
            { "$ref": "#/components/schemas/HsdsServiceMinimal" }
        ]
    });
    let created = &mut doc["paths"]["/api/v1/referrals"]["post"]["responses"]["201"];
    created["links"] = serde_json::json!({
        "GetReferral": {
            "operationId": "get",
            "parameters": { "id": "$response.body#/id" },
            "description": "The referral just made"
        },
        "MoveReferral": {
            "operationId": "transition",
            "parameters": { "id": "$response.body#/id" },
            "description": "The next step of the referral just made (the sender may cancel)"
        }
    });
    Json(doc)
}
