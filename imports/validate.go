package imports

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/xiber/netos/models"
)

// Row is one data row of the file, converted and validated.
type Row struct {
	// Number is the row as the user sees it in the file: the spreadsheet row
	// number in an XLSX (title rows and the header counted), the physical
	// line on which the record starts in a CSV.
	Number int `json:"row"`
	// Fields holds the mapped, non-blank cells that parsed, by REST field
	// name: string for text and enums, models.Money for *_usd, models.Date
	// for dates, int64 for bandwidth_mbps, contract_term_months and
	// notice_days, models.Decimal for *_pct, float64 for coordinates.
	// Blank cells are absent, so the domain applies its defaults (status
	// active, notice_days 60).
	Fields map[string]any `json:"fields"`
	// Errors lists what is wrong with the row; a row with none is valid.
	Errors []RowError `json:"errors,omitempty"`
}

// Valid reports whether the row has no errors and may be committed.
func (r Row) Valid() bool { return len(r.Errors) == 0 }

// RowError is one problem with one field of one row.
type RowError struct {
	// Row is Row.Number.
	Row int `json:"row"`
	// Field is the REST field name.
	Field string `json:"field"`
	Msg   string `json:"msg"`
}

// cellContext is what a parser needs to know beyond the cell itself.
type cellContext struct {
	date1904      bool  // the workbook counts dates from 1904
	bandwidthUnit int64 // unit of a bare number in a bandwidth column, in kbps
}

// fieldSpec is an importable field and how to read it.
type fieldSpec struct {
	name     string
	required bool
	parse    func(s string, c cellContext) (any, error)
}

// fields are the importable circuit fields, in documentation order: the
// Create Circuit body and the contract and endpoint fields of CONTRACT.md.
var fields = []fieldSpec{
	{"xiber_circuit_label", true, text},
	{"carrier_circuit_id", false, text},
	{"carrier_name", true, text},
	{"service_type", true, enum(serviceTypeEnum)},
	{"bandwidth_mbps", false, bandwidth},
	{"status", false, enum(statusEnum)},
	{"monitoring_url", false, link},
	{"mrc_usd", false, amount},
	{"nrc_usd", false, amount},
	{"notes", false, text},
	{"contract_term_start_date", false, date},
	{"contract_term_end_date", false, date},
	{"contract_term_months", false, count(monthUnits, 1, 600)},
	{"renewal_type", false, enum(renewalEnum)},
	{"notice_days", false, count(dayUnits, 0, 3650)},
	{"etf_usd", false, amount},
	{"etf_pct", false, percent},
	{"escalator_pct", false, percent},
	{"a_endpoint_name", false, text},
	{"a_endpoint_address", false, text},
	{"a_endpoint_state", false, state},
	{"a_endpoint_lat", false, coordinate(true)},
	{"a_endpoint_lng", false, coordinate(false)},
	{"z_endpoint_name", false, text},
	{"z_endpoint_address", false, text},
	{"z_endpoint_state", false, state},
	{"z_endpoint_lat", false, coordinate(true)},
	{"z_endpoint_lng", false, coordinate(false)},
}

// fieldIndex finds a field's position in fields by name.
var fieldIndex = func() map[string]int {
	idx := make(map[string]int, len(fields))
	for i, f := range fields {
		idx[f.name] = i
	}
	return idx
}()

func text(s string, _ cellContext) (any, error) { return s, nil }

func state(s string, _ cellContext) (any, error) { return normalizeState(s), nil }

func link(s string, _ cellContext) (any, error) { return parseURL(s) }

func date(s string, c cellContext) (any, error) {
	d, err := parseDate(s, c.date1904)
	if err != nil {
		return nil, err
	}
	return d, nil
}

func bandwidth(s string, c cellContext) (any, error) {
	n, err := parseBandwidth(s, c.bandwidthUnit)
	if err != nil {
		return nil, err
	}
	return n, nil
}

// amount is a cost: money that is never negative.
func amount(s string, _ cellContext) (any, error) {
	m, err := parseMoney(s)
	if err != nil {
		return nil, err
	}
	if m < 0 {
		return nil, errors.New("is negative; a cost must be zero or more")
	}
	return m, nil
}

// percent is a share between 0 and 100 %; the bound also catches a fraction
// column misread as percents.
func percent(s string, _ cellContext) (any, error) {
	d, err := parsePercent(s)
	if err != nil {
		return nil, err
	}
	if d < 0 || d > models.DecimalFromInt(100) {
		return nil, errors.New("is not between 0 and 100 %")
	}
	return d, nil
}

func enum(e enumIndex) func(string, cellContext) (any, error) {
	return func(s string, _ cellContext) (any, error) {
		v, err := e.parse(s)
		if err != nil {
			return nil, err
		}
		return v, nil
	}
}

func count(units map[string]int64, lo, hi int64) func(string, cellContext) (any, error) {
	return func(s string, _ cellContext) (any, error) {
		n, err := parseCount(s, units)
		if err != nil {
			return nil, err
		}
		if n < lo || n > hi {
			return nil, fmt.Errorf("is not between %d and %d", lo, hi)
		}
		return n, nil
	}
}

func coordinate(lat bool) func(string, cellContext) (any, error) {
	return func(s string, _ cellContext) (any, error) {
		v, err := parseCoordinate(s, lat)
		if err != nil {
			return nil, err
		}
		return v, nil
	}
}

// column is where a field's value sits in a record.
type column struct {
	index int
	ctx   cellContext
}

// converter turns records into validated rows. It remembers every label it
// has seen, so one converter reads one file from its first row.
type converter struct {
	byField []*column             // indexed like fields; nil when no column maps to the field
	mapped  int                   // how many fields have a column
	labels  map[string]firstLabel // by lower-cased label
}

// firstLabel is where a label first appeared in the file.
type firstLabel struct {
	row   int
	label string
}

func newConverter(headers []string, m ColumnMapping, date1904 bool) *converter {
	c := &converter{byField: make([]*column, len(fields)), labels: map[string]firstLabel{}}
	for i, h := range headers {
		f := m[h]
		if f == nil {
			continue
		}
		c.byField[fieldIndex[*f]] = &column{index: i, ctx: cellContext{date1904: date1904, bandwidthUnit: headerBandwidthUnit(h)}}
		c.mapped++
	}
	return c
}

// convert reads and checks one record; errors come in field order, then
// the checks across fields, then duplicates.
func (c *converter) convert(rec Record) Row {
	row := Row{Number: rec.Number, Fields: make(map[string]any, c.mapped)}
	fail := func(field, format string, args ...any) {
		row.Errors = append(row.Errors, RowError{Row: rec.Number, Field: field, Msg: fmt.Sprintf(format, args...)})
	}
	for i, f := range fields {
		col := c.byField[i]
		raw := ""
		if col != nil && col.index < len(rec.Cells) {
			raw = strings.TrimSpace(rec.Cells[col.index])
		}
		switch {
		case isBlank(raw) && f.required && col == nil:
			fail(f.name, "is required, and no column is mapped to it")
		case isBlank(raw) && f.required:
			fail(f.name, "is required")
		case isBlank(raw):
		case isExcelError(raw):
			fail(f.name, "shows the spreadsheet error %s", raw)
		default:
			v, err := f.parse(raw, col.ctx)
			if err != nil {
				fail(f.name, "%s %v", quoteCell(raw), err)
				continue
			}
			row.Fields[f.name] = v
		}
	}
	start, hasStart := row.Fields["contract_term_start_date"].(models.Date)
	end, hasEnd := row.Fields["contract_term_end_date"].(models.Date)
	if hasStart && hasEnd && end.Before(start) {
		fail("contract_term_end_date", "%s is before the term start %s", end, start)
	}
	if _, hasETF := row.Fields["etf_usd"]; hasETF {
		if _, hasPct := row.Fields["etf_pct"]; hasPct {
			fail("etf_pct", "give etf_usd or etf_pct, not both")
		}
	}
	if label, ok := row.Fields["xiber_circuit_label"].(string); ok {
		key := strings.ToLower(label)
		if first, seen := c.labels[key]; seen {
			fail("xiber_circuit_label", "%s duplicates the label of row %d, %s (labels ignore case)", quoteCell(label), first.row, quoteCell(first.label))
		} else {
			c.labels[key] = firstLabel{rec.Number, label}
		}
	}
	return row
}

// quoteCell quotes a cell for a message, on one line and at most 40 characters.
func quoteCell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > 40 {
		s = string([]rune(s)[:39]) + "…"
	}
	return `"` + s + `"`
}
