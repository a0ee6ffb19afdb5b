package imports

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// benchRows is the row limit: the largest file one import takes.
const benchRows = DefaultMaxRows

var benchHeaders = []string{"Circuit Label", "Carrier", "Carrier Circuit ID", "Service Type", "Bandwidth", "Status",
	"MRC", "NRC", "Term Start", "Term End", "Term (Months)", "Renewal", "Notice Days", "Escalator %", "A-End", "A State", "Z-End"}

var benchCarriers = []string{"Lumen", "Zayo", "Cogent", "Windstream", "Spectrum", "Everstream"}

// benchTerm is row i's contract term: starts spread over ~four years
// (1,500 different days, as a real inventory's are), 36 months each.
func benchTerm(i int) (start, end time.Time) {
	start = time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i*7919%1500)
	return start, start.AddDate(0, 36, 0)
}

// benchRow is row i of a realistic inventory, as text.
func benchRow(i int) []string {
	start, end := benchTerm(i)
	return []string{
		fmt.Sprintf("XIB-%06d", i), benchCarriers[i%len(benchCarriers)], fmt.Sprintf("DHEC.%06d..LUMN", i),
		[]string{"Wave", "DIA", "Dark Fiber", "Broadband", "Ethernet"}[i%5], []string{"10G", "1G", "500M", "100G"}[i%4],
		[]string{"Active", "In Service", "Pending Disconnect"}[i%3], fmt.Sprintf("$%d,%03d.%02d", 1+i%9, i%1000, i%100),
		"$0", start.Format("1/2/2006"), end.Format("2006-01-02"), "36",
		"Auto Renew", "60", "3%", fmt.Sprintf("Xiber POP %d", i%400), "OH", "Cologix COL1",
	}
}

func benchCSV() []byte {
	var b strings.Builder
	b.WriteString(strings.Join(benchHeaders, ",") + "\n")
	for i := range benchRows {
		row := benchRow(i)
		for j, c := range row {
			if strings.Contains(c, ",") {
				row[j] = `"` + c + `"`
			}
		}
		b.WriteString(strings.Join(row, ",") + "\n")
	}
	return []byte(b.String())
}

// excelEpoch is day 0 of the 1900 date system, as serials count (with
// Excel's phantom 29 February 1900).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// benchXLSX writes the same rows the way Excel does: shared strings, dates
// and amounts as numbers with formats, percents as fractions. Both files
// preview to identical rows.
func benchXLSX(b *testing.B) []byte {
	strs := map[string]int{}
	var order []string
	shared := func(s string) int {
		if n, ok := strs[s]; ok {
			return n
		}
		strs[s] = len(order)
		order = append(order, s)
		return strs[s]
	}
	var sheet bytes.Buffer
	sheet.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">`)
	for j, h := range benchHeaders {
		col, _ := excelize.ColumnNumberToName(j + 1)
		fmt.Fprintf(&sheet, `<c r="%s1" t="s"><v>%d</v></c>`, col, shared(h))
	}
	sheet.WriteString(`</row>`)
	for i := range benchRows {
		r := i + 2
		fmt.Fprintf(&sheet, `<row r="%d">`, r)
		for j, c := range benchRow(i) {
			col, _ := excelize.ColumnNumberToName(j + 1)
			switch j {
			case 6: // MRC
				fmt.Fprintf(&sheet, `<c r="%s%d" s="3"><v>%d.%02d</v></c>`, col, r, (1+i%9)*1000+i%1000, i%100)
			case 7: // NRC
				fmt.Fprintf(&sheet, `<c r="%s%d" s="3"><v>0</v></c>`, col, r)
			case 8, 9: // dates, as serials
				start, end := benchTerm(i)
				day := map[int]time.Time{8: start, 9: end}[j]
				fmt.Fprintf(&sheet, `<c r="%s%d" s="1"><v>%d</v></c>`, col, r, int(day.Sub(excelEpoch).Hours()/24))
			case 10, 12: // term, notice
				fmt.Fprintf(&sheet, `<c r="%s%d"><v>%s</v></c>`, col, r, c)
			case 13: // escalator
				fmt.Fprintf(&sheet, `<c r="%s%d" s="2"><v>0.03</v></c>`, col, r)
			default:
				fmt.Fprintf(&sheet, `<c r="%s%d" t="s"><v>%d</v></c>`, col, r, shared(c))
			}
		}
		sheet.WriteString(`</row>`)
	}
	sheet.WriteString(`</sheetData></worksheet>`)
	return craftXLSX(b, map[string]string{"xl/sharedStrings.xml": sharedStringsXML(order)}, map[string]func(io.Writer){
		"xl/worksheets/sheet1.xml": func(w io.Writer) { w.Write(sheet.Bytes()) },
	})
}

func benchmarkPreview(b *testing.B, data []byte, filename string) {
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		res, err := Preview(bytes.NewReader(data), filename, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if res.Validation.ValidRows != benchRows {
			b.Fatalf("%d valid rows: %v", res.Validation.ValidRows, res.Validation.Errors[:1])
		}
	}
}

func BenchmarkPreviewCSV100k(b *testing.B) {
	data := benchCSV()
	b.Logf("CSV of %d rows: %.1f MB", benchRows, float64(len(data))/(1<<20))
	benchmarkPreview(b, data, "circuits.csv")
}

func BenchmarkPreviewXLSX100k(b *testing.B) {
	data := benchXLSX(b)
	b.Logf("XLSX of %d rows: %.1f MB", benchRows, float64(len(data))/(1<<20))
	benchmarkPreview(b, data, "circuits.xlsx")
}
