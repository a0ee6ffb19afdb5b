package rest

import (
	"github.com/xiber/netos/analytics"
	"github.com/xiber/netos/feedback"
	"github.com/xiber/netos/imports"
	"github.com/xiber/netos/models"
	"github.com/xiber/netos/network"
	"github.com/xiber/netos/portfolio"
)

// Query parameter helpers for the operation table.
func qStr(name, desc string) obj {
	return obj{"name": name, "in": "query", "description": desc, "schema": obj{"type": "string"}}
}

func qEnum(name string, values []string, desc string) obj {
	return obj{"name": name, "in": "query", "description": desc, "schema": obj{"type": "string", "enum": values}}
}

func qUUID(name, desc string) obj {
	return obj{"name": name, "in": "query", "description": desc, "schema": obj{"type": "string", "format": "uuid"}}
}

func pageParams(extra ...obj) []obj {
	return append(extra,
		obj{"name": "limit", "in": "query", "description": "page size", "schema": obj{"type": "integer", "minimum": 1, "maximum": 1000, "default": 100}},
		obj{"name": "offset", "in": "query", "description": "rows to skip", "schema": obj{"type": "integer", "minimum": 0, "default": 0}},
	)
}

var ifMatchHeader = obj{"name": "If-Match", "in": "header", "required": false,
	"description": `the ETag of the version the client read ("3"); a newer stored version answers 412`,
	"schema":      obj{"type": "string"}}

func arrayOf(s obj) obj { return obj{"type": "array", "items": s} }

// Examples from the API & Integrations guide.
var (
	exampleCircuit = obj{
		"xiber_circuit_label": "XIB-LUM-0042", "carrier_circuit_id": "DHEC.123456", "carrier_name": "Lumen",
		"service_type": "wave", "bandwidth_mbps": 10000, "status": "active",
		"monitoring_url": "https://librenms.xiber.local/device/123", "mrc_usd": 2500.00, "nrc_usd": 5000.00,
		"a_endpoint_name": "Xiber HQ", "z_endpoint_name": "Cologix COL1",
	}
	exampleCircuitBulk = obj{
		"circuit_ids": []string{"8d8e4333-8182-4443-8e0d-f2307276db52"},
		"updates": obj{"status": "active", "carrier_name": "Lumen", "service_type": "dia", "mrc_usd": 1850.00,
			"nrc_usd": 0, "contract_term_end_date": "2027-12-31", "notes": "Updated through bulk action"},
	}
	exampleInfraBulk = obj{
		"infrastructure_ids": []string{"ae30e22f-565d-46f3-be94-9d0e001a59de"},
		"updates": obj{"status": "active", "provider_name": "American Tower", "site_type": "tower", "mrc_usd": 2200.00,
			"price_escalator_pct": 3.0, "term_end_date": "2028-12-31", "notes": "Updated through bulk action"},
	}
	exampleMap = obj{
		"circuits": []obj{{
			"id": "uuid", "label": "XIB-LUM-0042", "carrier": "Lumen", "service_type": "wave", "bandwidth_mbps": 10000, "status": "active",
			"a_endpoint": obj{"name": "...", "lat": 39.96, "lng": -82.99}, "z_endpoint": obj{"name": "...", "lat": 39.95, "lng": -83.00},
			"geometry": obj{"type": "LineString", "coordinates": [][]float64{{-82.99, 39.96}, {-83.00, 39.95}}},
		}},
		"endpoints": []obj{{"id": "uuid", "name": "Xiber HQ", "type": "pop",
			"geometry": obj{"type": "Point", "coordinates": []float64{-82.99, 39.96}}}},
		"infrastructure": []obj{{"id": "uuid", "name": "Cologix COL1", "type": "data_center",
			"geometry": obj{"type": "Point", "coordinates": []float64{-83.00, 39.95}}}},
		"filters": obj{"carriers": []string{"Lumen", "Zayo", "Cogent"}, "service_types": []string{"wave", "dia", "dark_fiber"},
			"statuses": []string{"active", "ordered"}, "states": []string{"OH", "GA", "IL"}},
	}
)

func bulkBody(idsField string, s *network.Schema, b *docBuilder, name string, example obj) obj {
	return jsonBody(obj{"type": "object", "required": []string{idsField, "updates"}, "additionalProperties": false,
		"properties": obj{
			idsField:  obj{"type": "array", "minItems": 1, "maxItems": network.MaxBulk, "items": obj{"type": "string", "format": "uuid"}},
			"updates": b.recordInput(name, s, false),
		}}, example)
}

func bulkDeleteBody(idsField string, id string) obj {
	return jsonBody(obj{"type": "object", "required": []string{idsField}, "additionalProperties": false,
		"properties": obj{idsField: obj{"type": "array", "minItems": 1, "maxItems": network.MaxBulk, "items": obj{"type": "string", "format": "uuid"}}}},
		obj{idsField: []string{id}})
}

func counts(field string) obj {
	return obj{"type": "object", "required": []string{field, "requested"},
		"properties": obj{field: obj{"type": "integer"}, "requested": obj{"type": "integer"}}}
}

var (
	geometrySchema = obj{"type": "object", "required": []string{"type", "coordinates"}, "properties": obj{
		"type": obj{"type": "string", "enum": []string{"Point", "LineString"}}, "coordinates": obj{"type": "array"}}}
	mapSiteSchema = obj{"type": "object", "properties": obj{"id": obj{"type": "string"}, "name": obj{"type": "string"},
		"type": obj{"type": "string"}, "geometry": geometrySchema}}
	mapEndSchema = obj{"type": "object", "properties": obj{"name": obj{"type": "string"},
		"lat": obj{"type": []string{"number", "null"}}, "lng": obj{"type": []string{"number", "null"}}}}
	mapSchema = obj{"type": "object", "required": []string{"circuits", "endpoints", "infrastructure", "filters"}, "properties": obj{
		"circuits": arrayOf(obj{"type": "object", "properties": obj{
			"id": obj{"type": "string"}, "label": obj{"type": "string"}, "carrier": obj{"type": "string"},
			"service_type": obj{"type": "string"}, "bandwidth_mbps": obj{"type": []string{"integer", "null"}},
			"status": obj{"type": "string"}, "a_endpoint": mapEndSchema, "z_endpoint": mapEndSchema,
			"geometry": obj{"anyOf": []obj{geometrySchema, {"type": "null"}}}}}),
		"endpoints":      arrayOf(mapSiteSchema),
		"infrastructure": arrayOf(mapSiteSchema),
		"filters": obj{"type": "object", "properties": obj{
			"carriers": arrayOf(obj{"type": "string"}), "service_types": arrayOf(obj{"type": "string"}),
			"statuses": arrayOf(obj{"type": "string"}), "states": arrayOf(obj{"type": "string"})}},
	}}
	anyObject = obj{"type": "object", "additionalProperties": true}
)

// recordDoc is one record kind's five routes.
type recordDoc struct {
	tag, base, param, name string
	schema                 *network.Schema
	view                   obj
	listQuery              []obj
	noWrite                bool
	createExample          any
}

func (rd recordDoc) ops(b *docBuilder) []op {
	item := rd.base + "/{" + rd.param + "}"
	out := []op{{method: "GET", path: rd.base, id: "list" + rd.name, summary: "List " + rd.tag, tag: rd.tag,
		query: pageParams(rd.listQuery...), status: 200, resp: arrayOf(rd.view), list: true}}
	out = append(out, op{method: "GET", path: item, id: "get" + rd.name, summary: "Get one " + rd.name, tag: rd.tag, status: 200, resp: rd.view, etag: true})
	if rd.noWrite {
		return out
	}
	return append(out,
		op{method: "POST", path: rd.base, id: "create" + rd.name, summary: "Create " + rd.name, tag: rd.tag, write: true,
			body: jsonBody(b.recordInput(rd.name, rd.schema, true), rd.createExample), status: 201, resp: rd.view, etag: true, errs: []int{409, 413}},
		op{method: "PATCH", path: item, id: "update" + rd.name, summary: "Update " + rd.name, tag: rd.tag, write: true,
			headers: []obj{ifMatchHeader}, body: jsonBody(b.recordInput(rd.name, rd.schema, false), nil), status: 200, resp: rd.view, etag: true, errs: []int{409, 412, 413}},
		op{method: "DELETE", path: item, id: "delete" + rd.name, summary: "Soft-delete " + rd.name, tag: rd.tag, write: true,
			headers: []obj{ifMatchHeader}, status: 204, errs: []int{409, 412}},
	)
}

func operations(b *docBuilder) []op {
	docRef := b.model("Document", models.Document{}, nil)
	docs := obj{"type": "array", "items": docRef}
	circuit := b.model("Circuit", circuitDetail{}, obj{"documents": docs})
	records := []recordDoc{
		{tag: "circuits", base: "/api/v1/circuits", param: "circuit_id", name: "Circuit", schema: network.CircuitSchema, view: circuit,
			createExample: exampleCircuit, listQuery: []obj{qStr("carrier", "carrier name"), qEnum("status", models.CircuitStatuses, "status"),
				qEnum("service_type", models.ServiceTypes, "service type"), qStr("state", "A or Z endpoint state"),
				qStr("search", "label, carrier circuit ID or carrier name")}},
		{tag: "customers", base: "/api/v1/customers", param: "customer_id", name: "Customer", schema: network.CustomerSchema,
			view: b.model("Customer", models.Customer{}, nil), listQuery: []obj{qEnum("status", models.SiteStatuses, "status"),
				qEnum("customer_type", models.CustomerTypes, "type"), qStr("state", "US state"), qStr("search", "name, address, city")}},
		{tag: "infrastructure", base: "/api/v1/infrastructure", param: "infrastructure_id", name: "Infrastructure", schema: network.InfrastructureSchema,
			view: b.model("InfrastructureAsset", models.InfrastructureAsset{}, nil), listQuery: []obj{qEnum("status", models.SiteStatuses, "status"),
				qEnum("site_type", models.SiteTypes, "type"), qStr("state", "US state"), qStr("search", "name, address, city")}},
		{tag: "rf-links", base: "/api/v1/rf-links", param: "rf_link_id", name: "RFLink", schema: network.RFLinkSchema,
			view: b.model("RFLink", models.RFLink{}, obj{"documents": docs}), listQuery: []obj{qEnum("status", models.SiteStatuses, "status"),
				qEnum("topology", models.RFTopologies, "topology"), qEnum("link_kind", models.RFLinkKinds, "derived kind"),
				qUUID("rf_system_id", "RF system"), qUUID("infrastructure_id", "A or Z asset"), qUUID("customer_id", "Z customer"),
				qUUID("ptmp_source_id", "PtMP source node"), qStr("search", "name")}},
		{tag: "rf-systems", base: "/api/v1/rf-systems", param: "rf_system_id", name: "RFSystem", schema: network.RFSystemSchema,
			view: b.model("RFSystem", models.RFSystem{}, nil), listQuery: []obj{qEnum("link_type", models.RFLinkTypes, "link type"),
				qEnum("equipment_role", models.RFEquipmentRoles, "equipment role"), qStr("search", "name")}},
		{tag: "electrical-services", base: "/api/v1/electrical-services", param: "electrical_service_id", name: "ElectricalService", schema: network.ElectricalSchema,
			view:      b.model("ElectricalService", models.ElectricalService{}, obj{"documents": docs, "provider_name": obj{"type": "string"}}),
			listQuery: []obj{qUUID("infrastructure_id", "site"), qUUID("customer_id", "site"), qUUID("provider_id", "utility"), qStr("search", "account, meter, address")}},
		{tag: "service-providers", base: "/api/v1/service-providers", param: "carrier_id", name: "ServiceProvider", noWrite: true,
			view: b.model("ServiceProvider", models.ServiceProvider{}, obj{"circuit_count": obj{"type": "integer"},
				"infrastructure_count": obj{"type": "integer"}, "total_spend_usd": obj{"type": "number"}}),
			listQuery: []obj{qEnum("provider_type", models.ProviderTypes, "type"), qStr("search", "name")}},
	}
	var ops []op
	for _, rd := range records {
		ops = append(ops, rd.ops(b)...)
	}
	link := b.model("SubtendedLink", models.SubtendedLink{}, nil)
	feedbackItem := b.model("Feedback", feedback.Item{}, nil)
	comment := b.model("FeedbackComment", models.FeedbackComment{}, nil)
	upload := obj{"required": true, "content": obj{"multipart/form-data": obj{
		"schema": obj{"type": "object", "required": []string{"file"}, "properties": obj{
			"file": obj{"type": "string", "contentMediaType": "application/octet-stream",
				"description": "the document (at most 25 MB): PDF, PNG, JPEG, GIF, WebP, plain text/CSV, or ZIP (XLSX, DOCX); the type is sniffed from the content"}}}}}}
	ops = append(ops,
		op{method: "GET", path: "/healthz", id: "healthz", summary: "Liveness", tag: "operations", public: true, status: 200,
			resp: obj{"type": "object", "properties": obj{"status": obj{"type": "string"}}}, respExample: obj{"status": "ok"}},
		op{method: "GET", path: "/readyz", id: "readyz", summary: "Readiness (database reachable)", tag: "operations", public: true, status: 200,
			resp: obj{"type": "object", "properties": obj{"status": obj{"type": "string"}, "detail": obj{"type": "string"}}}, respExample: obj{"status": "ready"}},
		op{method: "GET", path: "/metrics", id: "metrics", summary: "Prometheus metrics", tag: "operations", public: true, status: 200,
			resp: obj{"type": "string"}, respType: "text/plain"},
		op{method: "GET", path: "/openapi.json", id: "openapi", summary: "This OpenAPI document", tag: "operations", public: true, status: 200, resp: anyObject},
		op{method: "GET", path: "/docs", id: "swaggerUI", summary: "Swagger UI", tag: "operations", public: true, status: 200,
			resp: obj{"type": "string"}, respType: "text/html"},
		op{method: "GET", path: "/api/v1/circuits/map", id: "circuitMap", summary: "Map data", tag: "circuits", status: 200,
			query: []obj{qStr("carrier", "carrier"), qEnum("service_type", models.ServiceTypes, "service type"),
				qEnum("status", models.CircuitStatuses, "status"), qStr("state", "endpoint state (US state)")},
			resp: mapSchema, respExample: exampleMap},
		op{method: "GET", path: "/api/v1/map.geojson", id: "mapGeoJSON", summary: "Map data as a GeoJSON FeatureCollection", tag: "circuits", status: 200,
			query: []obj{qStr("carrier", "carrier"), qEnum("service_type", models.ServiceTypes, "service type"),
				qEnum("status", models.CircuitStatuses, "status"), qStr("state", "endpoint state (US state)")},
			resp: obj{"type": "object", "required": []string{"type", "features"}, "properties": obj{
				"type": obj{"const": "FeatureCollection"}, "features": arrayOf(anyObject)}}, respType: "application/geo+json"},
		op{method: "PATCH", path: "/api/v1/circuits/bulk", id: "bulkUpdateCircuits", summary: "Bulk update circuits", tag: "circuits", write: true,
			body: bulkBody("circuit_ids", network.CircuitSchema, b, "Circuit", exampleCircuitBulk), status: 200,
			resp: counts("updated"), respExample: obj{"updated": 1, "requested": 1}, errs: []int{409, 413}},
		op{method: "POST", path: "/api/v1/circuits/bulk-delete", id: "bulkDeleteCircuits", summary: "Bulk soft-delete circuits", tag: "circuits", write: true,
			body: bulkDeleteBody("circuit_ids", "8d8e4333-8182-4443-8e0d-f2307276db52"), status: 200,
			resp: counts("deleted"), respExample: obj{"deleted": 1, "requested": 1}, errs: []int{409, 413}},
		op{method: "POST", path: "/api/v1/circuits/{circuit_id}/events", id: "addCircuitEvent", summary: "Record a lifecycle event", tag: "circuits", write: true,
			body: jsonBody(obj{"type": "object", "required": []string{"event_type"}, "additionalProperties": false, "properties": obj{
				"event_type": obj{"type": "string"}, "event_date": obj{"type": []string{"string", "null"}, "format": "date"}, "notes": obj{"type": "string"}}},
				obj{"event_type": "note", "event_date": "2026-01-15", "notes": "Carrier confirmed the renewal quote"}),
			status: 201, resp: b.model("CircuitEvent", models.CircuitEvent{}, nil)},
		op{method: "PATCH", path: "/api/v1/infrastructure/bulk", id: "bulkUpdateInfrastructure", summary: "Bulk update infrastructure assets", tag: "infrastructure", write: true,
			body: bulkBody("infrastructure_ids", network.InfrastructureSchema, b, "Infrastructure", exampleInfraBulk), status: 200,
			resp: counts("updated"), respExample: obj{"updated": 1, "requested": 1}, errs: []int{409, 413}},
		op{method: "POST", path: "/api/v1/infrastructure/bulk-delete", id: "bulkDeleteInfrastructure", summary: "Bulk soft-delete infrastructure assets", tag: "infrastructure", write: true,
			body: bulkDeleteBody("infrastructure_ids", "ae30e22f-565d-46f3-be94-9d0e001a59de"), status: 200,
			resp: counts("deleted"), respExample: obj{"deleted": 1, "requested": 1}, errs: []int{409, 413}},
		op{method: "POST", path: "/api/v1/infrastructure/{infrastructure_id}/subtended-links", id: "createSubtendedLink", summary: "Attach a child to an asset", tag: "infrastructure", write: true,
			body: jsonBody(b.recordInput("SubtendedLink", network.LinkSchema, true), nil), status: 201, resp: link, errs: []int{409}},
		op{method: "PATCH", path: "/api/v1/infrastructure/{infrastructure_id}/subtended-links/{link_id}", id: "updateSubtendedLink", summary: "Change a subtended link", tag: "infrastructure", write: true,
			headers: []obj{ifMatchHeader}, body: jsonBody(b.recordInput("SubtendedLink", network.LinkSchema, false), nil), status: 200, resp: link, errs: []int{409, 412}},
		op{method: "DELETE", path: "/api/v1/infrastructure/{infrastructure_id}/subtended-links/{link_id}", id: "deleteSubtendedLink", summary: "Remove a subtended link", tag: "infrastructure", write: true,
			headers: []obj{ifMatchHeader}, status: 204, errs: []int{409, 412}},
		op{method: "GET", path: "/api/v1/infrastructure/{infrastructure_id}/attribution-tree", id: "attributionTree", summary: "Attribution tree under an asset", tag: "attribution", status: 200,
			query: []obj{{"name": "depth", "in": "query", "schema": obj{"type": "integer", "minimum": 0, "maximum": 20, "default": 2}}}, resp: anyObject},
		op{method: "GET", path: "/api/v1/attribution/summary", id: "attributionSummary", summary: "Portfolio attribution summary", tag: "attribution", status: 200,
			resp: obj{"type": "object", "properties": obj{
				"total_cost_usd": obj{"type": "number"}, "total_revenue_usd": obj{"type": "number"}, "total_margin_usd": obj{"type": "number"},
				"attributed_cost_usd": obj{"type": "number"}, "stranded_cost_usd": obj{"type": "number"}, "unattributed_revenue_usd": obj{"type": "number"},
				"stranded_items": arrayOf(obj{"type": "object", "properties": obj{"kind": obj{"type": "string"}, "id": obj{"type": "string"},
					"label": obj{"type": "string"}, "amount": obj{"type": "number"}}})}}},
		op{method: "GET", path: "/api/v1/dashboard/summary", id: "dashboardSummary", summary: "Dashboard summary", tag: "portfolio", status: 200,
			resp: b.model("DashboardSummary", dashboardView{}, nil)},
		op{method: "GET", path: "/api/v1/etf-exposure", id: "etfExposure", summary: "Early-termination fee exposure", tag: "portfolio", status: 200,
			query: []obj{qStr("carrier", "carrier name")}, resp: b.model("ETFExposure", portfolio.ETFExposure{}, nil)},
		op{method: "GET", path: "/api/v1/renewals", id: "renewals", summary: "Circuits by renewal state", tag: "portfolio", status: 200, list: true,
			query: pageParams(qEnum("state", models.RenewalStates, "renewal state"),
				obj{"name": "within_days", "in": "query", "description": "term ends within this many days",
					"schema": obj{"type": "integer", "minimum": 0, "maximum": portfolio.MaxWithinDays}}),
			resp: arrayOf(b.model("CircuitSummary", portfolio.CircuitSummary{}, nil))},
		op{method: "POST", path: "/api/v1/circuits/{circuit_id}/renewal", id: "renewalAction", summary: "Record a renewal action", tag: "circuits", write: true,
			headers: []obj{ifMatchHeader}, body: jsonBody(renewalBody(), obj{"action": "renewed", "contract_term_end_date": "2029-12-31", "contract_term_months": 36}),
			status: 200, resp: b.model("RenewalActionResult", portfolio.RenewalActionResult{}, nil), errs: []int{409, 412, 413}},
		op{method: "POST", path: "/api/v1/imports/circuits/preview", id: "previewCircuitImport", summary: "Preview a CSV/XLSX circuit import", tag: "imports", write: true,
			body: obj{"required": true, "content": obj{"multipart/form-data": obj{"schema": obj{"type": "object", "required": []string{"file"}, "properties": obj{
				"file":           obj{"type": "string", "contentMediaType": "application/octet-stream", "description": "CSV or XLSX"},
				"sheet":          obj{"type": "string", "description": "XLSX sheet (default: the first)"},
				"column_mapping": obj{"type": "string", "description": `JSON object {header: field or null} overriding the detected mapping`},
			}}}}},
			status: 201, resp: b.model("ImportJob", imports.Job{}, nil), errs: []int{413, 415}},
		op{method: "POST", path: "/api/v1/imports/circuits/{import_job_id}/commit", id: "commitCircuitImport", summary: "Commit a previewed import", tag: "imports", write: true,
			body: obj{"required": false, "content": obj{"application/json": obj{"schema": obj{"type": "object", "properties": obj{
				"column_mapping": obj{"type": "object", "additionalProperties": obj{"type": []string{"string", "null"}}}}}}}},
			status: 200, resp: b.model("ImportCommitResult", imports.CommitResult{}, nil),
			respExample: obj{"inserted": 10, "updated": 2, "invalid": 1}, errs: []int{409, 413}},
		op{method: "GET", path: "/api/v1/audit/activity", id: "auditActivity", summary: "Audit activity, newest first", tag: "audit", status: 200, list: true,
			query: pageParams(qStr("entity_type", "entity type"), qStr("entity_id", "entity ID"), qStr("user", "user"), qStr("action", "action"),
				qEnum("event_type", auditEventTypes, "request or write")),
			resp: arrayOf(b.model("AuditEntry", models.AuditEntry{}, nil))},
		op{method: "POST", path: "/api/v1/rf-links/{rf_link_id}/documents", id: "uploadRFLinkDocument", summary: "Upload a document to an RF link", tag: "documents", write: true,
			body: upload, status: 201, resp: docRef, errs: []int{413, 415}},
		op{method: "POST", path: "/api/v1/electrical-services/{electrical_service_id}/documents", id: "uploadElectricalDocument", summary: "Upload a document to an electrical service", tag: "documents", write: true,
			body: upload, status: 201, resp: docRef, errs: []int{413, 415}},
		op{method: "GET", path: "/api/v1/documents/{document_id}", id: "downloadDocument", summary: "Download a document", tag: "documents", status: 200,
			desc: "Always an attachment (Content-Disposition with filename*), with X-Content-Type-Options: nosniff; ETag is the SHA-256.",
			resp: obj{"type": "string", "contentMediaType": "application/octet-stream"}, respType: "application/octet-stream"},
		op{method: "GET", path: "/api/v1/feedback", id: "listFeedback", summary: "Feedback queue, newest first", tag: "feedback", status: 200, list: true,
			query: pageParams(qEnum("status", models.FeedbackStatuses, "status"), qEnum("priority", models.FeedbackPriorities, "priority")),
			resp:  arrayOf(feedbackItem)},
		op{method: "POST", path: "/api/v1/feedback", id: "createFeedback", summary: "Submit feedback", tag: "feedback", write: true,
			body: jsonBody(b.recordInput("Feedback", network.FeedbackSchema, true), obj{"title": "Show ETF on the circuit list",
				"description": "Finance wants the ETF column.", "priority": "high", "requester_name": "Dana", "requester_email": "dana@xiber.example"}),
			status: 201, resp: feedbackItem, etag: true, errs: []int{413}},
		op{method: "GET", path: "/api/v1/feedback/{feedback_id}", id: "getFeedback", summary: "Get one feedback request", tag: "feedback", status: 200, resp: feedbackItem, etag: true},
		op{method: "PATCH", path: "/api/v1/feedback/{feedback_id}", id: "updateFeedback", summary: "Change priority, status or details", tag: "feedback", write: true,
			headers: []obj{ifMatchHeader}, body: jsonBody(b.recordInput("Feedback", network.FeedbackSchema, false), obj{"status": "in_progress"}),
			status: 200, resp: feedbackItem, etag: true, errs: []int{409, 412, 413}},
		op{method: "POST", path: "/api/v1/feedback/{feedback_id}/comments", id: "addFeedbackComment", summary: "Add a progress comment", tag: "feedback", write: true,
			desc: "A public comment is emailed to the requester when SMTP is configured (notify_state pending, then sent or failed); the comment is stored either way.",
			body: jsonBody(obj{"type": "object", "required": []string{"body"}, "additionalProperties": false, "properties": obj{
				"body": obj{"type": "string", "minLength": 1, "maxLength": feedback.MaxCommentBytes}, "public": obj{"type": "boolean", "default": false}}},
				obj{"body": "Shipped in today's release.", "public": true}),
			status: 201, resp: comment, errs: []int{413}},
	)
	return ops
}

func renewalBody() obj {
	return obj{"type": "object", "required": []string{"action"}, "additionalProperties": false, "properties": obj{
		"action":                   obj{"type": "string", "enum": analytics.RenewalActions},
		"contract_term_start_date": obj{"type": "string", "format": "date"},
		"contract_term_end_date":   obj{"type": "string", "format": "date"},
		"contract_term_months":     obj{"type": "integer", "minimum": 0},
		"mrc_usd":                  obj{"type": "number", "minimum": 0},
		"version":                  obj{"type": "integer", "minimum": 1, "description": "alternative to If-Match"},
	}}
}
