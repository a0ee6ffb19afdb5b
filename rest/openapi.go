package rest

import (
	"encoding/json"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xiber/netos/models"
	"github.com/xiber/netos/network"
)

// The OpenAPI 3.1 document of the HTTP API, built in Go from the operation
// table in openapi_ops.go. Request bodies of record writes come from the
// same network schemas the handlers decode with, and response schemas are
// reflected from the Go types the handlers encode, so the document follows
// the code. rest/openapi_test.go walks the real router and fails when a
// route is missing from the document or the document names a route that
// does not exist.

// obj is a JSON object of the document.
type obj = map[string]any

// op is one operation of the table.
type op struct {
	method, path string
	id, summary  string
	tag          string
	desc         string
	query        []obj // query parameters
	headers      []obj // request header parameters (If-Match)
	body         obj   // request body (content included)
	status       int   // success status
	resp         obj   // success response schema (nil: no content)
	respType     string
	respExample  any
	list         bool // sends X-Total-Count
	public       bool // no x-user-role needed
	write        bool // 403 for read-only roles
	etag         bool // sends the record version as ETag
	errs         []int
}

// OpenAPI builds the document.
func OpenAPI() obj {
	b := &docBuilder{schemas: obj{}}
	b.baseSchemas()
	paths := obj{}
	for _, o := range operations(b) {
		item, _ := paths[o.path].(obj)
		if item == nil {
			item = obj{}
			paths[o.path] = item
		}
		item[strings.ToLower(o.method)] = b.operation(o)
	}
	return obj{
		"openapi": "3.1.0",
		"info": obj{
			"title":   "Xiber NetOS API",
			"version": "1.0.0",
			"summary": "System of record for Xiber's circuits, infrastructure, RF links and their costs.",
			"description": "REST API of NetOS. Every /api/v1 route needs the `x-user-role` header (dev auth); " +
				"write routes need a write role (exec, finance, network_eng, operations, pm). Lists accept `limit` " +
				"(default 100, max 1000) and `offset` and send the full count in `X-Total-Count`. Errors are " +
				"`{\"detail\": \"…\"}`; validation errors are 422 with `{\"detail\": [{\"loc\", \"msg\", \"type\"}]}`.",
			"license": obj{"name": "Proprietary", "identifier": "LicenseRef-Xiber-Proprietary"},
			"contact": obj{"name": "Xiber network engineering"},
		},
		"servers": []obj{
			{"url": "http://localhost:8000", "description": "Local"},
			{"url": "https://netos.xiberian.net", "description": "Demo"},
		},
		"security": []obj{{"userRole": []string{}}},
		"tags":     b.tags(),
		"paths":    paths,
		"components": obj{
			"schemas": b.schemas,
			"securitySchemes": obj{
				"userRole": obj{"type": "apiKey", "in": "header", "name": "x-user-role",
					"description": "Role of the caller: exec, finance, network_eng, operations, pm, sales, read_only or agent. " +
						"Optionally `x-user-email` names the user in the audit trail."},
			},
			"responses": b.errorResponses(),
			"headers": obj{
				"X-Total-Count": obj{"description": "Number of records matching the filters, ignoring limit and offset.",
					"schema": obj{"type": "integer", "minimum": 0}},
				"ETag": obj{"description": "The record's version as an entity tag (send it back in If-Match).",
					"schema": obj{"type": "string"}, "example": `"3"`},
			},
		},
	}
}

// OpenAPIJSON is the document as indented JSON.
func OpenAPIJSON() []byte {
	out, err := json.MarshalIndent(OpenAPI(), "", "  ")
	if err != nil {
		// Only maps, slices and scalars are in the document.
		return []byte(`{"detail": "openapi document unavailable"}`)
	}
	return append(out, '\n')
}

type docBuilder struct {
	schemas obj
	tagSeen []string
}

func ref(name string) obj { return obj{"$ref": "#/components/schemas/" + name} }

var tagDescriptions = map[string]string{
	"circuits":            "Carrier circuits, their contracts, lifecycle events, bulk actions and map data.",
	"customers":           "Commercial and MFC customer sites.",
	"infrastructure":      "Infrastructure assets and the subtended links of the attribution hierarchy.",
	"rf-links":            "Radio links: backhaul, PtMP source nodes and customer endlinks.",
	"rf-systems":          "The RF system catalog.",
	"electrical-services": "Power accounts attached to one site.",
	"service-providers":   "Carriers, tower companies, landlords and utilities.",
	"attribution":         "Cost attribution figures.",
	"portfolio":           "Dashboard, renewals and ETF exposure.",
	"imports":             "CSV/XLSX circuit imports: preview, then commit.",
	"audit":               "The append-only audit trail.",
	"documents":           "Supporting documents of RF links and electrical services.",
	"feedback":            "The product feedback queue.",
	"operations":          "Health, readiness, metrics and this documentation.",
}

func (b *docBuilder) tags() []obj {
	out := make([]obj, 0, len(b.tagSeen))
	for _, t := range b.tagSeen {
		out = append(out, obj{"name": t, "description": tagDescriptions[t]})
	}
	return out
}

var errorText = map[int]string{
	401: "No or unknown x-user-role", 403: "The role may not do this",
	404: "No such record (or soft-deleted)", 409: "Conflict: duplicate, cycle, in use, or stale version without If-Match",
	412: "If-Match names an older version", 413: "Body or upload too large", 415: "Unsupported file type",
	422: "Validation error",
}

func (b *docBuilder) errorResponses() obj {
	out := obj{}
	for code, text := range errorText {
		schema := ref("Error")
		ex := any(obj{"detail": strings.ToLower(text)})
		if code == 422 {
			schema = ref("ValidationError")
			ex = obj{"detail": []obj{{"loc": []string{"body", "service_type"}, "msg": "must be one of wave, dia, dark_fiber, broadband, ethernet, mpls, lte, other", "type": "value_error"}}}
		}
		out[strconv.Itoa(code)] = obj{"description": text,
			"content": obj{"application/json": obj{"schema": schema, "example": ex}}}
	}
	return out
}

func (b *docBuilder) operation(o op) obj {
	if !slices.Contains(b.tagSeen, o.tag) {
		b.tagSeen = append(b.tagSeen, o.tag)
	}
	out := obj{"operationId": o.id, "summary": o.summary, "tags": []string{o.tag}}
	if o.desc != "" {
		out["description"] = o.desc
	}
	var params []obj
	for _, name := range pathParams(o.path) {
		params = append(params, obj{"name": name, "in": "path", "required": true,
			"schema": obj{"type": "string", "format": "uuid"}})
	}
	params = append(params, o.query...)
	params = append(params, o.headers...)
	if len(params) > 0 {
		out["parameters"] = params
	}
	if o.body != nil {
		out["requestBody"] = o.body
	}
	if o.public {
		out["security"] = []obj{}
	}
	resps := obj{}
	okResp := obj{"description": http.StatusText(o.status)}
	if o.resp != nil {
		ct := o.respType
		if ct == "" {
			ct = "application/json"
		}
		media := obj{"schema": o.resp}
		if o.respExample != nil {
			media["example"] = o.respExample
		}
		okResp["content"] = obj{ct: media}
	}
	hdrs := obj{}
	if o.list {
		hdrs["X-Total-Count"] = obj{"$ref": "#/components/headers/X-Total-Count"}
	}
	if o.etag {
		hdrs["ETag"] = obj{"$ref": "#/components/headers/ETag"}
	}
	if o.status == 201 {
		hdrs["Location"] = obj{"description": "URL of the new resource", "schema": obj{"type": "string"}}
	}
	if len(hdrs) > 0 {
		okResp["headers"] = hdrs
	}
	resps[strconv.Itoa(o.status)] = okResp
	codes := append([]int{}, o.errs...)
	if !o.public {
		codes = append(codes, 401)
	}
	if o.write {
		codes = append(codes, 403)
	}
	if len(pathParams(o.path)) > 0 || len(o.query) > 0 || o.body != nil {
		codes = append(codes, 422)
	}
	if len(pathParams(o.path)) > 0 {
		codes = append(codes, 404)
	}
	slices.Sort(codes)
	for _, c := range slices.Compact(codes) {
		resps[strconv.Itoa(c)] = obj{"$ref": "#/components/responses/" + strconv.Itoa(c)}
	}
	out["responses"] = resps
	return out
}

func pathParams(path string) []string {
	var out []string
	for _, seg := range strings.Split(path, "/") {
		if strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") {
			out = append(out, seg[1:len(seg)-1])
		}
	}
	return out
}

// jsonBody is a required JSON request body.
func jsonBody(schema obj, example any) obj {
	media := obj{"schema": schema}
	if example != nil {
		media["example"] = example
	}
	return obj{"required": true, "content": obj{"application/json": media}}
}

// recordInput is the request schema of a record kind from its network
// schema: create requires the required fields, patch requires none.
func (b *docBuilder) recordInput(name string, s *network.Schema, create bool) obj {
	key := name + "Update"
	if create {
		key = name + "Create"
	}
	if _, ok := b.schemas[key]; ok {
		return ref(key)
	}
	props := obj{}
	var required []string
	for _, f := range s.Fields {
		props[f.Name] = fieldSchema(f)
		if create && f.Required {
			required = append(required, f.Name)
		}
	}
	sch := obj{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		sch["required"] = required
	}
	if !create {
		sch["description"] = "Only the fields given change; null clears a field that may be empty."
	}
	b.schemas[key] = sch
	return ref(key)
}

func fieldSchema(f network.Field) obj {
	var s obj
	switch f.Kind {
	case network.Enum:
		vals := make([]any, 0, len(f.Values)+1)
		for _, v := range f.Values {
			vals = append(vals, v)
		}
		if !f.NoNull {
			vals = append(vals, nil)
		}
		s = obj{"enum": vals}
		if f.NoNull {
			s["type"] = "string"
		} else {
			s["type"] = []string{"string", "null"}
		}
		return s
	case network.Money:
		s = obj{"type": "number", "multipleOf": 0.01, "description": "US dollars, at most two decimals"}
	case network.Decimal:
		s = obj{"type": "number"}
	case network.Date:
		s = obj{"type": "string", "format": "date"}
	case network.Int:
		s = obj{"type": "integer"}
	case network.Latitude:
		s = obj{"type": "number", "minimum": -90, "maximum": 90}
	case network.Longitude:
		s = obj{"type": "number", "minimum": -180, "maximum": 180}
	case network.Ref:
		s = obj{"type": "string", "format": "uuid"}
	case network.RefList:
		s = obj{"type": "array", "items": obj{"type": "string", "format": "uuid"}}
	case network.URL:
		s = obj{"type": "string", "format": "uri"}
	case network.Email:
		s = obj{"type": "string", "format": "email"}
	default:
		s = obj{"type": "string"}
	}
	if f.NonNeg {
		s["minimum"] = 0
	}
	if !f.NoNull {
		s["type"] = []string{s["type"].(string), "null"}
	}
	return s
}

var (
	timeType    = reflect.TypeFor[time.Time]()
	moneyType   = reflect.TypeFor[models.Money]()
	decimalType = reflect.TypeFor[models.Decimal]()
	dateType    = reflect.TypeFor[models.Date]()
)

// model registers the schema of a Go type by reflection on its JSON tags
// (embedded structs flattened) and returns a reference to it. extra adds
// properties the handler adds beside the type's own.
func (b *docBuilder) model(name string, v any, extra obj) obj {
	if _, ok := b.schemas[name]; !ok {
		b.schemas[name] = obj{} // reserve against recursion
		sch := b.typeSchema(reflect.TypeOf(v), true)
		if extra != nil {
			props := sch["properties"].(obj)
			for k, p := range extra {
				props[k] = p
			}
		}
		b.schemas[name] = sch
	}
	return ref(name)
}

func (b *docBuilder) typeSchema(t reflect.Type, top bool) obj {
	switch t {
	case timeType:
		return obj{"type": "string", "format": "date-time"}
	case moneyType:
		return obj{"type": "number", "description": "US dollars"}
	case decimalType:
		return obj{"type": "number"}
	case dateType:
		return obj{"type": "string", "format": "date"}
	}
	switch t.Kind() {
	case reflect.Pointer:
		inner := b.typeSchema(t.Elem(), false)
		if ty, ok := inner["type"].(string); ok {
			inner["type"] = []string{ty, "null"}
			return inner
		}
		return obj{"anyOf": []obj{inner, {"type": "null"}}}
	case reflect.String:
		return obj{"type": "string"}
	case reflect.Bool:
		return obj{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint32, reflect.Uint64:
		return obj{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return obj{"type": "number"}
	case reflect.Slice, reflect.Array:
		return obj{"type": "array", "items": b.typeSchema(t.Elem(), false)}
	case reflect.Map:
		return obj{"type": "object", "additionalProperties": b.typeSchema(t.Elem(), false)}
	case reflect.Interface:
		return obj{}
	case reflect.Struct:
		props := obj{}
		b.structProps(t, props)
		return obj{"type": "object", "properties": props}
	}
	return obj{}
}

func (b *docBuilder) structProps(t reflect.Type, props obj) {
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				b.structProps(ft, props)
			}
			continue
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		props[name] = b.typeSchema(f.Type, false)
	}
}

func (b *docBuilder) baseSchemas() {
	b.schemas["Error"] = obj{"type": "object", "required": []string{"detail"},
		"properties": obj{
			"detail": obj{"type": "string"},
			"path":   obj{"type": "array", "items": obj{"type": "string"}, "description": "records closing a cycle (409 only)"},
		}}
	b.schemas["ValidationError"] = obj{"type": "object", "required": []string{"detail"},
		"properties": obj{"detail": obj{"type": "array", "items": obj{
			"type": "object", "required": []string{"loc", "msg", "type"},
			"properties": obj{
				"loc":  obj{"type": "array", "items": obj{"type": "string"}, "description": `where: ["body", field], ["query", name], ["path", name] or ["header", name]`},
				"msg":  obj{"type": "string"},
				"type": obj{"type": "string", "description": "machine code: missing, enum, value_error, type_error, extra_forbidden, uuid_parsing, json_invalid, …"},
			}}}}}
}
