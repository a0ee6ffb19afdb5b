package models

import (
	"reflect"
	"strings"
	"sync"
)

// JSONField is a struct field by its JSON (REST) name and where it lives,
// embedded structs included.
type JSONField struct {
	Name  string
	Index []int
}

// jsonFields caches the JSON fields of each type.
var jsonFields sync.Map // reflect.Type → []JSONField

// JSONFields lists the exported fields of a struct type by JSON name, in
// declaration order (embedded structs walked in place; the first field of a
// name wins, as encoding/json does). Records are read and written by these
// names everywhere: field application, audit diffs.
func JSONFields(t reflect.Type) []JSONField {
	if f, ok := jsonFields.Load(t); ok {
		return f.([]JSONField)
	}
	var out []JSONField
	seen := map[string]bool{}
	var walk func(t reflect.Type, at []int)
	walk = func(t reflect.Type, at []int) {
		for i := 0; i < t.NumField(); i++ {
			sf := t.Field(i)
			path := append(append([]int{}, at...), i)
			if sf.Anonymous && sf.Type.Kind() == reflect.Struct {
				walk(sf.Type, path)
				continue
			}
			name := strings.Split(sf.Tag.Get("json"), ",")[0]
			if !sf.IsExported() || name == "-" {
				continue
			}
			if name == "" {
				name = sf.Name
			}
			if !seen[name] {
				seen[name] = true
				out = append(out, JSONField{name, path})
			}
		}
	}
	walk(t, nil)
	jsonFields.Store(t, out)
	return out
}
