package imports

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/xiber/netos/models"
)

// inlineRow writes a worksheet row of inline strings.
func inlineRow(r int, cells ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<row r="%d">`, r)
	for i, c := range cells {
		if c == "" {
			continue
		}
		col, _ := excelize.ColumnNumberToName(i + 1)
		fmt.Fprintf(&b, `<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>`, col, r, xmlEscape(c))
	}
	b.WriteString(`</row>`)
	return b.String()
}

func TestZipBombIsRefusedFast(t *testing.T) {
	// A worksheet that inflates past the 100 MB default from a few hundred KB.
	row := []byte(`<row><c t="inlineStr"><is><t>XIB-LUM-0042</t></is></c></row>`)
	bomb := craftXLSX(t, nil, map[string]func(io.Writer){
		"xl/worksheets/sheet1.xml": func(w io.Writer) {
			io.WriteString(w, `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
			chunk := bytes.Repeat(row, (1<<20)/len(row))
			for written := 0; written <= DefaultMaxUnzippedBytes; written += len(chunk) {
				w.Write(chunk)
			}
			io.WriteString(w, `</sheetData></worksheet>`)
		},
	})
	if len(bomb) > DefaultMaxUploadBytes {
		t.Fatalf("the bomb is %d bytes, over the upload limit", len(bomb))
	}
	start := time.Now()
	_, err := Open(bytes.NewReader(bomb), "bomb.xlsx", Options{})
	elapsed := time.Since(start)
	if !errors.Is(err, models.ErrTooLarge) || !strings.Contains(err.Error(), "unzips to more than 100 MB") {
		t.Errorf("error = %v; want ErrTooLarge", err)
	}
	if elapsed > 500*time.Millisecond {
		t.Errorf("refusing a %d KB bomb took %v", len(bomb)>>10, elapsed)
	}
	t.Logf("refused a %d KB archive declaring >100 MB in %v", len(bomb)>>10, elapsed)
}

// A part whose directory entry understates its size must not inflate past
// what it declared.
func TestZipBombWithLyingSizesInflatesNoFurther(t *testing.T) {
	row := `<row><c t="inlineStr"><is><t>boom</t></is></c></row>`
	var compressed bytes.Buffer
	fw, _ := flate.NewWriter(&compressed, flate.BestSpeed)
	io.WriteString(fw, `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	fw.Write(bytes.Repeat([]byte(row), 200_000))
	fw.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range map[string]string{
		"[Content_Types].xml": contentTypesXML, "_rels/.rels": rootRelsXML, "xl/workbook.xml": workbookXML(false, "Sheet1"),
		"xl/_rels/workbook.xml.rels": workbookRelsXML, "xl/styles.xml": stylesXML,
	} {
		writeZipPart(t, zw, name, body)
	}
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate,
		CompressedSize64: uint64(compressed.Len()), UncompressedSize64: 1000, CRC32: crc32.ChecksumIEEE(nil),
	})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(compressed.Bytes())
	zw.Close()

	// archive/zip stops a part at its declared size, so the reader sees at
	// most those 1000 bytes: a truncated sheet or an error, never the rest.
	start := time.Now()
	rows := 0
	if src, err := Open(bytes.NewReader(buf.Bytes()), "liar.xlsx", Options{}); err == nil {
		for src.Next() {
			rows++
		}
		src.Close()
	}
	if rows > 1000/len(row) {
		t.Errorf("read %d rows from a part declaring 1000 bytes", rows)
	}
	if elapsed := time.Since(start); elapsed > 500*time.Millisecond {
		t.Errorf("reading it took %v", elapsed)
	}
}

func TestUnzippedLimit(t *testing.T) {
	data := rowsFile(t, "xlsx", 3)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var total int64
	for _, f := range zr.File {
		total += int64(f.UncompressedSize64)
	}
	if _, err := Preview(bytes.NewReader(data), "c.xlsx", Options{MaxUnzippedBytes: total}); err != nil {
		t.Errorf("unzipping to exactly the limit: %v", err)
	}
	_, err = Preview(bytes.NewReader(data), "c.xlsx", Options{MaxUnzippedBytes: total - 1})
	if !errors.Is(err, models.ErrTooLarge) {
		t.Errorf("one byte over: %v; want ErrTooLarge", err)
	}
}

// largestHeldPart is the size and name of the largest part excelize holds in
// memory: any but worksheets and shared strings.
func largestHeldPart(t *testing.T, data []byte) (int64, string) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var size int64
	var name string
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/") && f.Name != "xl/sharedStrings.xml" && int64(f.UncompressedSize64) > size {
			size, name = int64(f.UncompressedSize64), f.Name
		}
	}
	return size, name
}

func TestPartLimit(t *testing.T) {
	data := rowsFile(t, "xlsx", 3)
	size, name := largestHeldPart(t, data)
	if _, err := Preview(bytes.NewReader(data), "c.xlsx", Options{MaxPartBytes: size}); err != nil {
		t.Errorf("the largest in-memory part at exactly the limit: %v", err)
	}
	_, err := Preview(bytes.NewReader(data), "c.xlsx", Options{MaxPartBytes: size - 1})
	if !errors.Is(err, models.ErrTooLarge) || !strings.Contains(err.Error(), name) {
		t.Errorf("one byte over: %v; want ErrTooLarge naming %s", err, name)
	}
}

// labelsWorkbook is a header and 300 circuits whose labels are shared
// strings.
func labelsWorkbook(t testing.TB) []byte {
	strs := []string{"Label", "Carrier", "Service"}
	var rows strings.Builder
	rows.WriteString(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>`)
	for i := range 300 {
		strs = append(strs, fmt.Sprintf("XIB-LUM-%04d", i))
		fmt.Fprintf(&rows, `<row r="%d"><c r="A%d" t="s"><v>%d</v></c><c r="B%d" t="inlineStr"><is><t>Lumen</t></is></c><c r="C%d" t="inlineStr"><is><t>wave</t></is></c></row>`, i+2, i+2, len(strs)-1, i+2, i+2)
	}
	return craftXLSX(t, map[string]string{
		"xl/worksheets/sheet1.xml": sheetXML(rows.String()),
		"xl/sharedStrings.xml":     sharedStringsXML(strs),
	}, nil)
}

// Worksheets and shared strings over the part limit are streamed from a
// temporary file rather than refused.
func TestLargeSheetStreamsFromDisk(t *testing.T) {
	data := labelsWorkbook(t)
	held, _ := largestHeldPart(t, data)
	res := preview(t, data, "c.xlsx", Options{MaxPartBytes: held})
	if res.Validation.ValidRows != 300 || res.SampleRows[19]["xiber_circuit_label"] != "XIB-LUM-0019" {
		t.Errorf("read %d valid rows, sample %v", res.Validation.ValidRows, res.SampleRows[19])
	}
}

// hiddenSheetWorkbook has a hidden sheet of lookups before the circuits.
func hiddenSheetWorkbook(t testing.TB) []byte {
	return craftXLSX(t, map[string]string{
		"xl/workbook.xml":          workbookXML(false, "Lookups:hidden", "Circuits"),
		"xl/worksheets/sheet1.xml": sheetXML(inlineRow(1, "Label", "Carrier") + inlineRow(2, "HIDDEN-1", "Lumen")),
		"xl/worksheets/sheet2.xml": sheetXML(inlineRow(3, "Label", "Carrier") + inlineRow(4, "X-1", "Zayo")),
	}, nil)
}

// blankSheetWorkbook has a sheet holding a blank cell before the circuits.
func blankSheetWorkbook(t testing.TB) []byte {
	return craftXLSX(t, map[string]string{
		"xl/workbook.xml":          workbookXML(false, "Notes", "Circuits"),
		"xl/worksheets/sheet1.xml": sheetXML(`<row r="1"><c r="A1" t="inlineStr"><is><t> </t></is></c></row>`),
		"xl/worksheets/sheet2.xml": sheetXML(inlineRow(1, "Label", "Carrier") + inlineRow(2, "X-1", "Zayo")),
	}, nil)
}

func TestSheetSelection(t *testing.T) {
	data := hiddenSheetWorkbook(t)
	empty := blankSheetWorkbook(t)
	tests := []struct {
		name      string
		data      []byte
		sheet     string
		wantSheet string
		wantFirst string
	}{
		{"the first visible sheet by default", data, "", "Circuits", "X-1"},
		{"the first sheet holding data by default", empty, "", "Circuits", "X-1"},
		{"a named sheet, even hidden", data, "Lookups", "Lookups", "HIDDEN-1"},
		{"a named sheet ignoring case", data, "circuits", "Circuits", "X-1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := Open(bytes.NewReader(tt.data), "c.xlsx", Options{Sheet: tt.sheet})
			if err != nil {
				t.Fatal(err)
			}
			defer src.Close()
			if !src.Next() || src.Sheet() != tt.wantSheet || src.Record().Cells[0] != tt.wantFirst {
				t.Errorf("sheet %q, first row %v; want %q, %q", src.Sheet(), src.Record(), tt.wantSheet, tt.wantFirst)
			}
		})
	}
	t.Run("an unknown sheet is refused, naming the sheets", func(t *testing.T) {
		_, err := Open(bytes.NewReader(data), "c.xlsx", Options{Sheet: "Sheet9"})
		if !errors.Is(err, models.ErrInvalid) || !strings.Contains(err.Error(), `no sheet "Sheet9"; its sheets are "Lookups", "Circuits"`) {
			t.Errorf("error = %v", err)
		}
	})
	t.Run("a workbook without data is refused", func(t *testing.T) {
		blank := craftXLSX(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML("")}, nil)
		if _, err := Open(bytes.NewReader(blank), "c.xlsx", Options{}); !errors.Is(err, models.ErrInvalid) {
			t.Errorf("error = %v; want ErrInvalid", err)
		}
	})
}

// gappedRowsWorkbook has a title, a header and rows with gaps between
// them and in them.
func gappedRowsWorkbook(t testing.TB) []byte {
	return craftXLSX(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(
		inlineRow(2, "Circuit inventory") + inlineRow(4, "Label", "Carrier") + inlineRow(5, "X-1", "Lumen") +
			`<row r="6"><c r="A6" t="inlineStr"><is><t></t></is></c></row>` + inlineRow(9, "X-2", "", "stray"))}, nil)
}

// Row numbers are the spreadsheet's, with missing and blank rows skipped.
func TestXLSXRowNumbers(t *testing.T) {
	data := gappedRowsWorkbook(t)
	src, err := Open(bytes.NewReader(data), "c.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	var got []string
	for src.Next() {
		got = append(got, fmt.Sprintf("%d:%s", src.Record().Number, strings.Join(src.Record().Cells, "|")))
	}
	want := "5:X-1|Lumen;9:X-2||stray"
	if strings.Join(got, ";") != want || src.HeaderRow() != 4 {
		t.Errorf("rows %q, header row %d; want %q, 4", strings.Join(got, ";"), src.HeaderRow(), want)
	}
}

func TestFractionToPercent(t *testing.T) {
	tests := map[string]string{"0.03": "3%", "0.035": "3.5%", "1": "100%", "0.035000000000000003": "3.5000000000000003%", "3.5E-2": "3.5%"}
	for in, want := range tests {
		if got := fractionToPercent(in); got != want {
			t.Errorf("fractionToPercent(%q) = %q; want %q", in, got, want)
		}
	}
}

// Plain decimals take a shortcut that must write what big.Rat writes and
// accept what it accepts.
func TestDecimalShortcutMatchesRat(t *testing.T) {
	inputs := []string{"0", "-0", "0.00", "-0.00", "1", "12", "-12", "0.5", "-0.5", "0.035", "0.005", "-0.005", "007.50",
		"100", "0.0001", "0.1", "12345678901234567890.5", "1.2345678901234567890123", "0.12345678901234567890123",
		"3.5E-2", "0x10", "+0.5", "1.", ".5", "-", "", "1.2.3", "- 1", "1_000", "٣"}
	for i := range 2000 { // decimals of every length, both signs
		inputs = append(inputs, fmt.Sprintf("%d.%0*d", i%7*(1-i%2*2), i%25+1, i*7919%1000003))
	}
	for _, s := range inputs {
		_, ratOK := new(big.Rat).SetString(s)
		ratOK = ratOK && !strings.Contains(s, "/")
		if got := isNumber(s); got != ratOK {
			t.Errorf("isNumber(%q) = %v; big.Rat says %v", s, got, ratOK)
		}
		if ratOK {
			if got, want := fractionToPercent(s), ratToPercent(s); got != want {
				t.Errorf("fractionToPercent(%q) = %q; big.Rat writes %q", s, got, want)
			}
		}
	}
}
