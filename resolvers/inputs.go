package resolvers

import (
	"errors"
	"reflect"
	"strings"
	"unicode"

	"github.com/google/uuid"

	"github.com/xiber/netos/models"
	"github.com/xiber/netos/network"
)

// snake turns a GraphQL input name into the REST name the domain schemas
// use: mrcUsd → mrc_usd, aEndpointName → a_endpoint_name.
func snake(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsUpper(r) {
			b.WriteByte('_')
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// camel turns a REST name into its GraphQL name: mrc_usd → mrcUsd.
func camel(s string) string {
	parts := strings.Split(s, "_")
	for i := 1; i < len(parts); i++ {
		if parts[i] != "" {
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
	}
	return strings.Join(parts, "")
}

// camelPath camel-cases each part of a dotted field path.
func camelPath(s string) string {
	parts := strings.Split(s, ".")
	for i, p := range parts {
		parts[i] = camel(p)
	}
	return strings.Join(parts, ".")
}

// values checks a GraphQL input map against a domain schema. The map keeps
// absent apart from null (gqlgen.yml binds the inputs to maps); keys are
// renamed to the REST names the schema knows.
func values(schema *network.Schema, in map[string]any) (network.Values, error) {
	loose := make(map[string]any, len(in))
	for k, v := range in {
		loose[snake(k)] = deref(v)
	}
	return schema.FromLoose(loose, "")
}

// updateInput splits an update input into the record's ID, the version the
// client read (if given) and the field values.
func updateInput(schema *network.Schema, in map[string]any) (string, *int64, network.Values, error) {
	rest := make(map[string]any, len(in))
	var id string
	var version *int64
	var p models.Problems
	for k, v := range in {
		switch k {
		case "id":
			s, _ := deref(v).(string)
			id = normalID(s)
		case "version":
			v = deref(v)
			if v == nil {
				continue
			}
			n, ok := intOf(v)
			if !ok {
				p.Add("version", "type_error", "must be a whole number")
				continue
			}
			version = &n
		default:
			rest[k] = v
		}
	}
	if err := p.Err(); err != nil {
		return "", nil, nil, err
	}
	vals, err := values(schema, rest)
	return id, version, vals, err
}

// deref turns the pointers gqlgen decodes optional input fields into
// (*string, *models.Money…) into plain values, and a nil pointer into nil
// (an explicit null).
func deref(v any) any {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer {
		return v
	}
	if rv.IsNil() {
		return nil
	}
	return rv.Elem().Interface()
}

func intOf(v any) (int64, bool) {
	switch x := v.(type) {
	case int64:
		return x, true
	case int:
		return int64(x), true
	case interface{ Int64() (int64, error) }:
		n, err := x.Int64()
		return n, err == nil
	case float64:
		return int64(x), x == float64(int64(x))
	}
	return 0, false
}

// normalID lower-cases a UUID; anything that is no UUID stays as it is and
// will not be found.
func normalID(s string) string {
	if u, err := uuid.Parse(s); err == nil {
		return u.String()
	}
	return s
}

// isUUID reports whether s can name a record at all.
func isUUID(s string) bool {
	_, err := uuid.Parse(s)
	return err == nil
}

// prefixed names the fields of a validation error as nested under prefix
// (a bulk update's "set."), leaving the top-level "ids" as it is.
func prefixed(prefix string, err error) error {
	var ve *models.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	out := &models.ValidationError{Fields: make([]models.FieldError, len(ve.Fields))}
	for i, f := range ve.Fields {
		if f.Field != "" && f.Field != "ids" {
			f.Field = prefix + f.Field
		}
		out.Fields[i] = f
	}
	return out
}
