package imports

import (
	"slices"
	"strings"
	"unicode"

	"github.com/xiber/netos/models"
)

// ColumnMapping says which field each column fills: header → REST field
// name, or nil when the column is ignored. It is the column_mapping of a
// preview and marshals as {"Header": "field" or null}.
type ColumnMapping map[string]*string

// Override is the mapping as a plain map (ignored columns map to ""), the
// form Options.Mapping accepts back and models.ImportJob stores, so a commit
// reads the file exactly as its preview did.
func (m ColumnMapping) Override() map[string]string {
	out := make(map[string]string, len(m))
	for h, f := range m {
		if f == nil {
			out[h] = ""
		} else {
			out[h] = *f
		}
	}
	return out
}

// Fields lists every importable circuit field in documentation order.
// xiber_circuit_label, carrier_name and service_type are required.
func Fields() []string {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.name
	}
	return names
}

// DetectMapping maps each header to the field it names, through the field
// names and the synonyms table, ignoring case, spacing and punctuation.
// When several headers name one field, the closest name wins (the field
// name itself, then a listed synonym, then a match after dropping units
// and filler words) and, among equals, the leftmost column; the others are
// left unmapped. headers must be unique, as Source.Headers gives them.
func DetectMapping(headers []string) ColumnMapping {
	type pick struct{ col, rank int }
	best := map[string]pick{}
	for i, h := range headers {
		field, rank, ok := matchHeader(h)
		if !ok {
			continue
		}
		if cur, seen := best[field]; !seen || rank < cur.rank {
			best[field] = pick{i, rank}
		}
	}
	m := make(ColumnMapping, len(headers))
	for _, h := range headers {
		m[h] = nil
	}
	for field, p := range best {
		m[headers[p.col]] = &field
	}
	return m
}

// ResolveMapping is DetectMapping with the user's corrections on top:
// override maps a header to a field name, or to "" or "null" to ignore that
// column. A field given to a column by the override is taken away from any
// column that detection had given it to. It fails with models.ErrInvalid
// when the override names a header the file lacks or a field that does not
// exist, or maps two headers to one field.
func ResolveMapping(headers []string, override map[string]string) (ColumnMapping, error) {
	m := DetectMapping(headers)
	if len(override) == 0 {
		return m, nil
	}
	keys := make([]string, 0, len(override))
	for h := range override {
		keys = append(keys, h)
	}
	// Sorted, so that the error for a bad override is the same every time.
	slices.Sort(keys)
	chosen := map[string]string{} // field → header the override gave it to
	for _, key := range keys {
		header, ok := findHeader(headers, key)
		if !ok {
			return nil, models.Invalid("column_mapping", "unknown_column",
				"column %q is not in the file; its columns are %s", key, quoteList(headers))
		}
		field := strings.ToLower(strings.TrimSpace(override[key]))
		if field == "" || field == "null" {
			m[header] = nil
			continue
		}
		if _, ok := fieldIndex[field]; !ok {
			return nil, models.Invalid("column_mapping", "unknown_field",
				"column %q: %q is not an importable field; fields are %s", header, field, strings.Join(Fields(), ", "))
		}
		if other, dup := chosen[field]; dup {
			return nil, models.Invalid("column_mapping", "duplicate_field",
				"columns %q and %q are both mapped to %s", other, header, field)
		}
		chosen[field] = header
		m[header] = &field
	}
	for h, f := range m {
		if f != nil && chosen[*f] != "" && chosen[*f] != h {
			m[h] = nil
		}
	}
	return m, nil
}

// findHeader finds key among headers, exactly or else ignoring case and
// surrounding space, so a hand-written override still finds "MRC ".
func findHeader(headers []string, key string) (string, bool) {
	if slices.Contains(headers, key) {
		return key, true
	}
	for _, h := range headers {
		if strings.EqualFold(strings.TrimSpace(h), strings.TrimSpace(key)) {
			return h, true
		}
	}
	return "", false
}

// Ranks of a header match: lower is closer.
const (
	rankFieldName = iota
	rankSynonym
	rankWithoutNoise
)

type headerMatch struct {
	field string
	rank  int
}

// headerIndex maps a normalised header to its field.
var headerIndex = buildHeaderIndex()

func buildHeaderIndex() map[string]headerMatch {
	idx := map[string]headerMatch{}
	add := func(header, field string, rank int) {
		key := normalizeHeader(header)
		if cur, ok := idx[key]; !ok || rank < cur.rank {
			idx[key] = headerMatch{field, rank}
		}
	}
	for _, f := range fields {
		add(f.name, f.name, rankFieldName)
	}
	for _, s := range headerSynonyms {
		for _, h := range s.synonyms {
			add(h, s.canonical, rankSynonym)
		}
	}
	for _, end := range endpointPrefixes {
		for _, prefix := range end.synonyms {
			for _, part := range endpointParts {
				for _, word := range part.synonyms {
					add(prefix+" "+word, end.canonical+"_endpoint_"+part.canonical, rankSynonym)
				}
			}
		}
	}
	return idx
}

// matchHeader finds the field a header names and how closely.
func matchHeader(header string) (field string, rank int, ok bool) {
	key := normalizeHeader(header)
	if m, ok := headerIndex[key]; ok {
		return m.field, m.rank, true
	}
	words := strings.Fields(key)
	kept := slices.DeleteFunc(words, func(w string) bool { return slices.Contains(headerNoise, w) })
	if len(kept) == 0 {
		return "", 0, false
	}
	if m, ok := headerIndex[strings.Join(kept, " ")]; ok {
		return m.field, rankWithoutNoise, true
	}
	return "", 0, false
}

// normalizeHeader lower-cases a header and reduces it to words: camelCase
// and punctuation split words, and the symbols exports use for "number",
// "percent" and "dollars" become those words ("Circuit #" → "circuit
// number", "ETF %" → "etf pct", "MRC ($)" → "mrc usd").
func normalizeHeader(h string) string {
	rs := []rune(h)
	var b strings.Builder
	for i, r := range rs {
		switch {
		case r == '#':
			b.WriteString(" number ")
		case r == '%':
			b.WriteString(" pct ")
		case r == '$':
			b.WriteString(" usd ")
		case r == '&':
			b.WriteString(" and ")
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if i > 0 && unicode.IsUpper(r) && camelBoundary(rs, i) {
				b.WriteByte(' ')
			}
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// camelBoundary reports whether the upper-case rune at i starts a word:
// "carrierCircuit" splits before C, "AEnd" before E, "MRC" nowhere.
func camelBoundary(rs []rune, i int) bool {
	prev := rs[i-1]
	if unicode.IsLower(prev) {
		return true
	}
	return unicode.IsUpper(prev) && i+1 < len(rs) && unicode.IsLower(rs[i+1])
}

// headerBandwidthUnit is the unit, in kbps, of bare numbers in a bandwidth
// column: "Speed (Gbps)" holding 10 means 10,000 Mbps.
func headerBandwidthUnit(header string) int64 {
	for _, w := range strings.Fields(normalizeHeader(header)) {
		switch w {
		case "kbps", "kb":
			return kbps
		case "gbps", "gb", "gig", "g":
			return gbps
		case "tbps", "tb":
			return tbps
		}
	}
	return mbps
}

// quoteList formats names as "a", "b", "c" for messages.
func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = `"` + n + `"`
	}
	return strings.Join(q, ", ")
}
