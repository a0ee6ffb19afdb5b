package network

import (
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/google/uuid"

	"github.com/xiber/netos/models"
)

// Kind is the type of a writable field; it decides which values a field
// takes from every transport.
type Kind int

// The field kinds.
const (
	Text Kind = iota
	Enum
	Money
	Decimal
	Date
	Int
	Latitude
	Longitude
	Ref
	RefList
	URL
	Email
)

// Field is one writable field of a record, by its REST name.
type Field struct {
	Name     string
	Kind     Kind
	Values   []string // for Enum
	Required bool     // must be given on create
	NonNeg   bool     // numbers that may not be negative
	NoNull   bool     // may not be set to null (required fields, enums with defaults)
	Virtual  bool     // not a column of the record; the service handles it (carrier_name)
}

// Values are the fields a client gave, by REST name, as typed values:
// string (Text, Enum, Ref, URL, Email), models.Money, models.Decimal,
// models.Date, int64, float64 (coordinates), []string (RefList); nil clears.
type Values map[string]any

// Has reports whether the field was given.
func (v Values) Has(name string) bool { _, ok := v[name]; return ok }

// String is a given text value, or "" when absent or null.
func (v Values) String(name string) string { s, _ := v[name].(string); return s }

// Schema is the set of writable fields of one kind of record. The same
// schema decodes REST JSON, GraphQL input and import rows, so a field means
// the same thing through every door.
type Schema struct {
	Entity string
	Fields []Field
	byName map[string]*Field
}

func newSchema(entity string, fields ...Field) *Schema {
	s := &Schema{Entity: entity, Fields: fields, byName: map[string]*Field{}}
	for i := range s.Fields {
		f := &s.Fields[i]
		if f.Required {
			f.NoNull = true
		}
		s.byName[f.Name] = f
	}
	return s
}

// Field looks a field up by REST name.
func (s *Schema) Field(name string) (*Field, bool) { f, ok := s.byName[name]; return f, ok }

// FromJSON decodes a JSON object into Values. Unknown fields, wrong JSON
// types and bad values are all reported at once; prefix is prepended to the
// field path in errors ("updates.").
func (s *Schema) FromJSON(raw map[string]json.RawMessage, prefix string) (Values, error) {
	var p models.Problems
	out := Values{}
	for name, msg := range raw {
		f, ok := s.byName[name]
		if !ok {
			p.Add(prefix+name, "extra_forbidden", "is not a writable field of %s", s.Entity)
			continue
		}
		var v any
		dec := json.NewDecoder(strings.NewReader(string(msg)))
		dec.UseNumber()
		if err := dec.Decode(&v); err != nil {
			p.Add(prefix+name, "type_error", "is not valid JSON")
			continue
		}
		tv, err := f.coerce(v, true)
		if err != nil {
			p.Add(prefix+name, "value_error", "%s", err.Error())
			continue
		}
		out[name] = tv
	}
	return out, p.Err()
}

// FromLoose checks values that arrive already decoded (GraphQL input maps,
// import rows): keys are REST names, numbers may be any Go number, and
// money, decimals and dates may be strings.
func (s *Schema) FromLoose(in map[string]any, prefix string) (Values, error) {
	var p models.Problems
	out := make(Values, len(in))
	for name, v := range in {
		f, ok := s.byName[name]
		if !ok {
			p.Add(prefix+name, "extra_forbidden", "is not a writable field of %s", s.Entity)
			continue
		}
		tv, err := f.coerce(v, false)
		if err != nil {
			p.Add(prefix+name, "value_error", "%s", err.Error())
			continue
		}
		out[name] = tv
	}
	return out, p.Err()
}

// RequireAll reports every required field missing from v.
func (s *Schema) RequireAll(v Values) error {
	var p models.Problems
	for _, f := range s.Fields {
		if !f.Required {
			continue
		}
		if x, ok := v[f.Name]; !ok || x == nil || x == "" {
			p.Add(f.Name, "missing", "is required")
		}
	}
	return p.Err()
}

// coerce turns a decoded value into the field's typed value. strict (REST
// JSON) demands JSON numbers for numeric kinds; loose input may carry them as
// strings (GraphQL's Money and Date scalars, spreadsheet cells).
func (f *Field) coerce(v any, strict bool) (any, error) {
	if v == nil {
		if f.NoNull {
			return nil, fmt.Errorf("may not be null")
		}
		return nil, nil
	}
	switch f.Kind {
	case Text, Enum, Ref, URL, Email:
		s, ok := v.(string)
		if !ok {
			return nil, fmt.Errorf("must be a string")
		}
		return f.checkString(strings.TrimSpace(s))
	case Money:
		m, err := toMoney(v, strict)
		if err == nil && f.NonNeg && m < 0 {
			err = fmt.Errorf("may not be negative")
		}
		return m, err
	case Decimal:
		d, err := toDecimal(v, strict)
		if err == nil && f.NonNeg && d < 0 {
			err = fmt.Errorf("may not be negative")
		}
		return d, err
	case Date:
		switch x := v.(type) {
		case models.Date:
			return x, nil
		case string:
			return models.ParseDate(x)
		}
		return nil, fmt.Errorf("must be a date string YYYY-MM-DD")
	case Int:
		n, err := toInt(v, strict)
		if err == nil && f.NonNeg && n < 0 {
			err = fmt.Errorf("may not be negative")
		}
		return n, err
	case Latitude, Longitude:
		x, err := toFloat(v, strict)
		if err != nil {
			return nil, err
		}
		limit := 90.0
		if f.Kind == Longitude {
			limit = 180
		}
		if math.IsNaN(x) || x < -limit || x > limit {
			return nil, fmt.Errorf("must be between -%v and %v", limit, limit)
		}
		return x, nil
	case RefList:
		return toRefList(v)
	}
	return nil, fmt.Errorf("unsupported field kind")
}

func (f *Field) checkString(s string) (any, error) {
	switch f.Kind {
	case Enum:
		if !slices.Contains(f.Values, s) {
			return nil, fmt.Errorf("must be one of %s", strings.Join(f.Values, ", "))
		}
	case Ref:
		if _, err := uuid.Parse(s); err != nil {
			return nil, fmt.Errorf("must be a UUID")
		}
		return strings.ToLower(s), nil
	case URL:
		if s == "" {
			return s, nil
		}
		u, err := url.Parse(s)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("must be an http(s) URL")
		}
	case Email:
		if s != "" && (!strings.Contains(s, "@") || strings.ContainsAny(s, " \r\n<>")) {
			return nil, fmt.Errorf("must be an email address")
		}
	}
	if f.Required && s == "" {
		return nil, fmt.Errorf("may not be empty")
	}
	if len(s) > 10_000 {
		return nil, fmt.Errorf("is longer than 10000 characters")
	}
	return s, nil
}

func toMoney(v any, strict bool) (models.Money, error) {
	switch x := v.(type) {
	case models.Money:
		return x, nil
	case json.Number:
		return models.ParseMoney(x.String())
	case string:
		if !strict {
			return models.ParseMoney(x)
		}
	case int:
		return models.ParseMoney(fmt.Sprint(x))
	case int64:
		return models.ParseMoney(fmt.Sprint(x))
	case float64:
		if !strict {
			return models.ParseMoney(fmt.Sprint(x))
		}
	}
	return 0, fmt.Errorf("must be a number")
}

func toDecimal(v any, strict bool) (models.Decimal, error) {
	switch x := v.(type) {
	case models.Decimal:
		return x, nil
	case json.Number:
		return models.ParseDecimal(x.String())
	case string:
		if !strict {
			return models.ParseDecimal(x)
		}
	case int:
		return models.DecimalFromInt(int64(x)), nil
	case int64:
		return models.DecimalFromInt(x), nil
	case float64:
		return models.ParseDecimal(fmt.Sprint(x))
	}
	return 0, fmt.Errorf("must be a number")
}

func toInt(v any, strict bool) (int64, error) {
	switch x := v.(type) {
	case int64:
		return x, nil
	case int:
		return int64(x), nil
	case json.Number:
		n, err := x.Int64()
		if err != nil {
			return 0, fmt.Errorf("must be a whole number")
		}
		return n, nil
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1<<53 {
			return int64(x), nil
		}
	case string:
		if !strict {
			if n, err := strconv.ParseInt(strings.TrimSpace(x), 10, 64); err == nil {
				return n, nil
			}
		}
	}
	return 0, fmt.Errorf("must be a whole number")
}

func toFloat(v any, strict bool) (float64, error) {
	switch x := v.(type) {
	case float64:
		return x, nil
	case int:
		return float64(x), nil
	case int64:
		return float64(x), nil
	case json.Number:
		f, err := x.Float64()
		if err != nil {
			return 0, fmt.Errorf("must be a number")
		}
		return f, nil
	case string:
		if !strict {
			if f, err := strconv.ParseFloat(strings.TrimSpace(x), 64); err == nil {
				return f, nil
			}
		}
	}
	return 0, fmt.Errorf("must be a number")
}

func toRefList(v any) ([]string, error) {
	var items []any
	switch x := v.(type) {
	case []string:
		for _, s := range x {
			items = append(items, s)
		}
	case []any:
		items = x
	default:
		return nil, fmt.Errorf("must be a list of UUIDs")
	}
	out := make([]string, 0, len(items))
	for _, it := range items {
		s, ok := it.(string)
		if _, err := uuid.Parse(s); !ok || err != nil {
			return nil, fmt.Errorf("must be a list of UUIDs")
		}
		if !slices.Contains(out, strings.ToLower(s)) {
			out = append(out, strings.ToLower(s))
		}
	}
	return out, nil
}

// apply copies values onto the record's fields matched by JSON tag; virtual
// fields are skipped (the service handles them).
func (s *Schema) apply(rec any, v Values) {
	rv := reflect.ValueOf(rec).Elem()
	index := fieldIndex(rv.Type())
	for name, val := range v {
		if f := s.byName[name]; f == nil || f.Virtual {
			continue
		}
		if at, ok := index[name]; ok {
			set(rv.FieldByIndex(at), val)
		}
	}
}

// fieldIndexes caches, per record type, where each JSON-named field lives.
var fieldIndexes sync.Map // reflect.Type → map[string][]int

func fieldIndex(t reflect.Type) map[string][]int {
	if m, ok := fieldIndexes.Load(t); ok {
		return m.(map[string][]int)
	}
	m := map[string][]int{}
	for _, f := range models.JSONFields(t) {
		m[f.Name] = f.Index
	}
	fieldIndexes.Store(t, m)
	return m
}

// set assigns val to a field, adapting pointer and value forms; nil zeroes it.
func set(fv reflect.Value, val any) {
	if val == nil {
		fv.Set(reflect.Zero(fv.Type()))
		return
	}
	x := reflect.ValueOf(val)
	if fv.Kind() == reflect.Pointer {
		p := reflect.New(fv.Type().Elem())
		p.Elem().Set(x.Convert(fv.Type().Elem()))
		fv.Set(p)
		return
	}
	fv.Set(x.Convert(fv.Type()))
}
