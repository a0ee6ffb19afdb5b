package imports

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/xiber/netos/models"
)

// A preview keeps its valid rows beside the upload so that the commit need
// not read the file again. They are kept as CSV: a header naming the row
// number and every importable field, then one line a valid row, its number
// in the file and each field's value as text ("" where the row has none).
// The texts are the values' canonical forms (2500.00, 2027-01-14, 3.5,
// 39.9612), which the circuit schema reads back exactly; CSV because
// decoding JSON objects into maps was a fifth of a large commit.

// storedHeader is the header line of the stored rows.
var storedHeader = func() []string {
	h := []string{"row"}
	for _, f := range fields {
		h = append(h, f.name)
	}
	return h
}()

// rowWriter writes valid rows in the stored form.
type rowWriter struct {
	w   *csv.Writer
	rec []string
}

func newRowWriter(w io.Writer) (*rowWriter, error) {
	rw := &rowWriter{w: csv.NewWriter(w), rec: make([]string, len(storedHeader))}
	return rw, rw.w.Write(storedHeader)
}

func (rw *rowWriter) write(row Row) error {
	rw.rec[0] = strconv.Itoa(row.Number)
	for i, f := range fields {
		v, ok := row.Fields[f.name]
		if !ok {
			rw.rec[i+1] = ""
			continue
		}
		s, err := storedText(v)
		if err != nil {
			return fmt.Errorf("imports: store field %s of row %d: %w", f.name, row.Number, err)
		}
		rw.rec[i+1] = s
	}
	return rw.w.Write(rw.rec)
}

func (rw *rowWriter) flush() error {
	rw.w.Flush()
	return rw.w.Error()
}

// storedText is a parsed cell's canonical text.
func storedText(v any) (string, error) {
	switch x := v.(type) {
	case string:
		return x, nil
	case models.Money:
		return x.String(), nil
	case models.Decimal:
		return x.String(), nil
	case models.Date:
		return x.String(), nil
	case int64:
		return strconv.FormatInt(x, 10), nil
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64), nil
	}
	return "", fmt.Errorf("no stored form for %T", v)
}

// readStoredRows calls fn with every stored row: its number and its fields
// as text, for network.CircuitSchema.FromLoose.
func readStoredRows(r io.Reader, fn func(number int, fields map[string]any) error) error {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	cr.FieldsPerRecord = len(storedHeader)
	if head, err := cr.Read(); err != nil || !slices.Equal(head, storedHeader) {
		return fmt.Errorf("imports: stored rows: %w", models.Conflict("the import job was previewed by another version of NetOS; preview the file again"))
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		number, err := strconv.Atoi(rec[0])
		if err != nil {
			return fmt.Errorf("row number %q: %w", rec[0], err)
		}
		values := make(map[string]any, len(rec))
		for i, s := range rec[1:] {
			if s != "" {
				values[fields[i].name] = s
			}
		}
		if err := fn(number, values); err != nil {
			return err
		}
	}
}
