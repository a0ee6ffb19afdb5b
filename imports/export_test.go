package imports

import "testing"

// GoldenFixture is a messy fixture of preview_test.go with its golden
// preview (testdata/Name.golden), for the HTTP tests of package
// imports_test.
type GoldenFixture struct {
	Name, Filename string
	Data           []byte
	Mapping        map[string]string
}

// GoldenFixtures lists the CSV and XLSX fixtures of the golden previews.
func GoldenFixtures(t *testing.T) []GoldenFixture {
	var out []GoldenFixture
	for _, fx := range csvFixtures {
		out = append(out, GoldenFixture{fx.name, fx.filename, []byte(fx.data), fx.opts.Mapping})
	}
	for _, fx := range xlsxFixtures(t) {
		out = append(out, GoldenFixture{fx.name, fx.name + ".xlsx", fx.data, nil})
	}
	return out
}

// BenchCSV is the 100,000-row CSV of the preview benchmarks.
func BenchCSV() []byte { return benchCSV() }

// BenchXLSX is the same rows as an Excel-style workbook.
func BenchXLSX(b *testing.B) []byte { return benchXLSX(b) }
