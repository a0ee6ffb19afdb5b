package imports

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/xiber/netos/models"
)

// rawValues has excelize return what a cell stores rather than what its
// number format shows, as the scanner does.
var rawValues = excelize.Options{RawCellValue: true}

// sheetRow is a row as Rows.Next and Columns, or the scanner, return it.
type sheetRow struct {
	Number int
	Cells  []string
}

// excelizeRows reads a sheet with excelize, the reference: its rows, then
// the error that stopped them ("" at the end of the sheet).
func excelizeRows(t *testing.T, data []byte, sheet string) ([]sheetRow, string) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.Rows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []sheetRow
	for n := 1; rows.Next(); n++ {
		cells, err := rows.Columns(rawValues)
		if err != nil {
			return out, err.Error()
		}
		out = append(out, sheetRow{n, cells})
	}
	if err := rows.Error(); err != nil {
		return out, err.Error()
	}
	return out, ""
}

// openTestBook opens a workbook's parts for the scanner; it is closed
// when the test ends.
func openTestBook(t *testing.T, data []byte, opts Options) *sheetBook {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	book, err := openSheetBook(zr, opts.withDefaults())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { book.close() })
	return book
}

// scannerRows reads a sheet with the scanner through a buffer of size
// bytes, as excelizeRows does.
func scannerRows(t *testing.T, data []byte, sheet string, size int, opts Options) ([]sheetRow, string) {
	t.Helper()
	book := openTestBook(t, data, opts)
	part := book.sheets[sheet]
	if part == nil {
		t.Fatalf("no part for sheet %q", sheet)
	}
	rc, err := part.Open()
	if err != nil {
		t.Fatal(err)
	}
	rows := &sheetRows{x: newXMLScanner(rc, size), part: rc, strs: book.strs}
	defer rows.close()
	var out []sheetRow
	for {
		cells, n, err := rows.next()
		if err == io.EOF {
			return out, ""
		}
		if err != nil {
			return out, err.Error()
		}
		out = append(out, sheetRow{n, cells})
	}
}

// quoteRows shows rows with their cells quoted, nil apart from empty.
func quoteRows(rows []sheetRow) string {
	var b strings.Builder
	for _, r := range rows {
		if r.Cells == nil {
			fmt.Fprintf(&b, "%d:nil ", r.Number)
		} else {
			fmt.Fprintf(&b, "%d:%q ", r.Number, r.Cells)
		}
	}
	return b.String()
}

// differentialWorkbook is a workbook the scanner must read as excelize does.
type differentialWorkbook struct {
	name string
	data []byte
}

// differentialWorkbooks are the workbooks the package's tests build and
// workbooks of edge cases: written by excelize, and by hand.
func differentialWorkbooks(t *testing.T) []differentialWorkbook {
	sample, err := os.ReadFile(sampleXLSX)
	if err != nil {
		t.Fatal(err)
	}
	books := []differentialWorkbook{
		{"the sample circuits", sample},
		{"a title, a header and rows of the row-limit test", rowsFile(t, "xlsx", 3)},
		{"labels in shared strings", labelsWorkbook(t)},
		{"a hidden sheet before the circuits", hiddenSheetWorkbook(t)},
		{"a blank sheet before the circuits", blankSheetWorkbook(t)},
		{"rows with gaps", gappedRowsWorkbook(t)},
		{"cells written by excelize", excelizeEdgeWorkbook(t)},
	}
	for _, fx := range xlsxFixtures(t) {
		books = append(books, differentialWorkbook{"the golden fixture " + fx.name, fx.data})
	}
	for _, c := range handWrittenSheets {
		books = append(books, differentialWorkbook{c.name, handWrittenWorkbook(t, c.sheet, c.sst)})
	}
	return append(books, differentialLayouts(t)...)
}

// handWrittenWorkbook holds sheet (its rows, or the whole part) and the
// shared strings sst, if any.
func handWrittenWorkbook(t *testing.T, sheet, sst string) []byte {
	if !strings.HasPrefix(sheet, "<?xml") {
		sheet = sheetXML(sheet)
	}
	parts := map[string]string{"xl/worksheets/sheet1.xml": sheet}
	if sst != "" {
		parts["xl/sharedStrings.xml"] = sst
	}
	return craftXLSX(t, parts, nil)
}

// excelizeEdgeWorkbook holds what other tools write through excelize: every
// kind of value, rich text, formulas, several sheets and a streamed sheet.
func excelizeEdgeWorkbook(t *testing.T) []byte {
	return excelizeXLSX(t, func(f *excelize.File) {
		const s = "Sheet1"
		f.SetSheetRow(s, "A1", &[]any{"text", 42, -3.25, 1e-7, 123456789012345678, true, false,
			time.Date(2024, 2, 29, 13, 45, 0, 0, time.UTC), nil, "  padded  ", "line\r\nbreak\rand\nmore",
			"<&>\"'", "_x0041_ literal", "tab\there", "é ✓ 😀"})
		f.SetCellFormula(s, "B2", "A1&\"!\"")
		f.SetCellFormula(s, "D2", "SUM(B1:C1)")
		f.SetCellValue(s, "D2", 38.75)
		f.SetCellFormula(s, "F2", "1/0")
		f.SetCellRichText(s, "A3", []excelize.RichTextRun{
			{Text: "bold ", Font: &excelize.Font{Bold: true}}, {Text: "and plain"}})
		f.SetCellValue(s, "Z5", "far right")
		f.SetCellValue(s, "C9", "far down")
		f.SetCellStr(s, "A10", "")
		f.NewSheet("Second")
		f.SetCellValue("Second", "B2", "second sheet")
		f.NewSheet("Streamed")
		sw, err := f.NewStreamWriter("Streamed")
		if err != nil {
			t.Fatal(err)
		}
		for r := 1; r <= 3; r++ {
			cell, _ := excelize.CoordinatesToCellName(1, r*2)
			if err := sw.SetRow(cell, []any{"streamed", r, r%2 == 0, excelize.Cell{Formula: "1+1", Value: 2}}); err != nil {
				t.Fatal(err)
			}
		}
		if err := sw.Flush(); err != nil {
			t.Fatal(err)
		}
	})
}

// handWrittenSheets are worksheets (sheetData rows, or whole parts) as
// Excel and other tools write them, with the cases where excelize's
// reading is particular.
var handWrittenSheets = []struct {
	name, sheet, sst string
}{
	{name: "missing rows, from the top", sheet: inlineRow(3, "a") + inlineRow(5, "b") + inlineRow(9, "c")},
	{name: "missing cells between and before cells", sheet: `<row r="1"><c r="C1"><v>3</v></c><c r="F1"><v>6</v></c></row>`},
	{name: "cells without r following the previous one",
		sheet: `<row r="1"><c><v>1</v></c><c r="D1"><v>4</v></c><c><v>5</v></c><c/><c><v>7</v></c></row>`},
	{name: "rows without r following the previous one",
		sheet: `<row><c r="A1"><v>1</v></c></row><row><c><v>2</v></c></row><row r="7"><c><v>7</v></c></row><row><c><v>8</v></c></row>`},
	{name: "cells out of order, appended", sheet: `<row r="1"><c r="C1"><v>3</v></c><c r="A1"><v>1</v></c><c r="C1"><v>again</v></c></row>`},
	{name: "rows out of order and repeated, merged into the row read",
		sheet: `<row r="2"><c r="A2"><v>a</v></c></row><row r="1"><c r="B1"><v>b</v></c></row><row r="2"><c r="A2"><v>c</v></c></row><row r="4"><c r="A4"><v>d</v></c></row>`},
	{name: "rows numbered 0 or below", sheet: `<row r="0"><c><v>zero</v></c></row><row r="-2"><c><v>minus</v></c></row><row r="3"><c><v>3</v></c></row>`},
	{name: "inline strings, rich text and phonetic runs", sheet: `<row r="1">` +
		`<c r="A1" t="inlineStr"><is><t>plain</t></is></c>` +
		`<c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>bo</t></r><r><t xml:space="preserve">ld </t></r><rPh sb="0" eb="1"><t>ignored</t></rPh><phoneticPr fontId="1"/></is></c>` +
		`<c r="C1" t="inlineStr"><is><r><t>run</t></r><t>text first</t></is></c>` +
		`<c r="D1" t="inlineStr"><is><t>one</t><t>last t wins</t><r><t>a</t><t>b</t></r><r><rPr/></r></is></c>` +
		`<c r="E1" t="inlineStr"><is><t>first is</t></is><is><r><t> and second</t></r></is></c>` +
		`<c r="F1" t="inlineStr"><is/></c><c r="G1" t="inlineStr"><v>value, no is</v></c>` +
		`<c r="H1" t="inlineStr"><is><t>a<x>hidden</x>b</t></is></c><c r="I1" t="inlineStr"><is><t></t></is></c></row>`},
	{name: "formulas with and without cached values", sheet: `<row r="1">` +
		`<c r="A1"><f>1+1</f><v>2</v></c><c r="B1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>` +
		`<c r="C1"><f>NOW()</f></c><c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E1"><f t="shared" ref="E1:E2" si="0">C1</f><v></v></c></row>` +
		`<row r="2"><c r="E2"><f t="shared" si="0"/></c></row>`},
	{name: "booleans, errors, dates, numbers and unknown types as stored", sheet: `<row r="1">` +
		`<c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="e"><v>#N/A</v></c>` +
		`<c r="D1" t="d"><v>2024-01-31T00:00:00Z</v></c><c r="E1" t="n"><v>1.5E-3</v></c><c r="F1"><v> 12 </v></c>` +
		`<c r="G1" t="weird"><v>as is</v></c><c r="H1" s="3"><v>2500.5</v></c><c r="I1"><v></v></c></row>`},
	{name: "shared strings, with odd indexes", sheet: `<row r="1">` +
		`<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v> 2 </v></c><c r="D1" t="s"><v>x</v></c>` +
		`<c r="E1" t="s"><v>-1</v></c><c r="F1" t="s"><v>99</v></c><c r="G1" t="s"><v></v></c><c r="H1" t="s"><v>+3</v></c>` +
		`<c r="I1" t="s"><v>4</v></c><c r="J1" t="s"><v>5</v></c><c r="K1" t="s"><v>6</v></c><c r="L1" t="s"><v>99999999999999999999</v></c></row>`,
		sst: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="7" uniqueCount="7">` +
			`<si><t>zero</t></si><si><r><rPr><i/></rPr><t>ri</t></r><r><t>ch</t></r><rPh><t>no</t></rPh></si>` +
			`<si><t xml:space="preserve"> two &amp; a half </t></si><si><t>line_x000D_
end_x005F_x0041_</t></si><si/><si><t></t></si>
  <si>
    <t>pretty printed</t>
  </si><ignored><si><t>nested, not counted</t></si></ignored></sst>`},
	{name: "entities and character references", sheet: `<row r="&#49;">` +
		`<c r="&#65;1" t="inlineStr"><is><t>&amp; &lt; &gt; &quot; &apos; &#65;&#x42;&#x1F600; &#xD800;</t></is></c>` +
		`<c r='B1' t='str'><v>it&apos;s "quoted"</v></c></row>`},
	{name: "CDATA, comments, processing instructions and a doctype", sheet: `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE worksheet [ <!ELEMENT worksheet ANY> <!ATTLIST worksheet note CDATA "a > b"> ]>
<?producer test?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><!-- before --><sheetData>` +
		`<row r="1"><c r="A1"><v><![CDATA[1<2]]></v></c><c r="B1"><v>1<!-- c -->2<?pi?></v></c>` +
		`<c r="C1" t="inlineStr"><is><t><![CDATA[a & b]]>&amp;<![CDATA[]]></t></is></c></row></sheetData></worksheet>`},
	{name: "white space and line ends", sheet: "\n  <row r=\"1\">\n    <c r=\"A1\" t=\"inlineStr\">\n      <is><t xml:space=\"preserve\">  two  spaces </t></is>\n    </c>\n" +
		"    <c r=\"B1\" t=\"inlineStr\"><is><t>crlf\r\nand cr\rend</t></is></c>\n    <c r=\"C1\">\n      <v> 7 </v>\n    </c>\n  </row>\n"},
	{name: "Excel's _xHHHH_ escapes in strings", sheet: `<row r="1">` +
		`<c r="A1" t="inlineStr"><is><t>_x0041_ _x005F_x0041_ _x00e9_ _xD800_ _x004G_ _X0041_ _x0041 __x0042__</t></is></c>` +
		`<c r="B1" t="inlineStr"><is><t>_x00</t><r><t>41_ split</t></r></is></c><c r="C1" t="str"><v>_x0041_ kept in a formula</v></c></row>`},
	{name: "values nested in a cell", sheet: `<row r="1"><c r="A1"><extLst><v>deep</v></extLst></c>` +
		`<c r="B1"><v>1<b>2</b>3</v></c><c r="C1"><v>first</v><v>last v wins</v></c></row>`},
	{name: "attribute spellings", sheet: `<row r='1'><c r = 'A1' ><v>1</v></c><c r="C1" r="B1"><v>2</v></c><c r="d1"><v>4</v></c>` +
		`<c r="$E$1"><v>5</v></c><c r="F01"><v>6</v></c><c r="G1"t="inlineStr"><is><t>7</t></is></c></row>`},
	{name: "a style that is not an integer blanks the cell", sheet: `<row r="1"><c r="A1" s="x"><v>1</v></c>` +
		`<c s="" r="D1"><v>2</v></c><c r="E1" s="-1"><v>3</v></c><c r="F1" s="99999999999999999999"><v>4</v></c>` +
		`<c r="G1" t="inlineStr" s="1.5"><is><t>5</t></is></c><c><v>after</v></c></row>`},
	{name: "self-closing elements", sheet: `<row r="1"/><row r="2"><c r="A2"/><c r="B2" t="inlineStr"><is><t/></is></c><c r="C2"><v/></c><c r="D2"><f/></c></row>`},
	{name: "an empty sheet", sheet: `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>`},
	{name: "parts after the rows, and rows after the rows", sheet: `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		`<dimension ref="A1:B2"/><sheetViews><sheetView workbookViewId="0"><selection activeCell="A1"/></sheetView></sheetViews><cols><col min="1" max="2" width="9"/></cols>` +
		`<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>` +
		`<extLst><row r="3"><c r="B3"><v>late</v></c></row></extLst></worksheet>`},
	{name: "namespace prefixes", sheet: `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		`<x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>prefixed</x:t></x:is></x:c><x:c x:r="B1"><x:v>2</x:v></x:c></x:row>` +
		`<x:row><x:c><x:f>1</x:f></x:c></x:row></x:sheetData></x:worksheet>`},
	{name: "a row number that is not a number", sheet: inlineRow(1, "a") + `<row r="two"><c><v>2</v></c></row>`},
	{name: "a row number past Excel's last row", sheet: inlineRow(1, "a") + `<row r="1048577"><c><v>2</v></c></row>`},
	{name: "a first row number past Excel's last row", sheet: `<row r="99999999999999999999"><c><v>2</v></c></row>`},
	{name: "a cell reference without a row", sheet: `<row r="1"><c r="A1"><v>1</v></c><c r="B"><v>2</v></c></row>`},
	{name: "a cell reference of row 0", sheet: `<row r="1"><c r="A0"><v>1</v></c></row>`},
	{name: "a cell reference past Excel's last column", sheet: `<row r="1"><c r="XFE1"><v>1</v></c></row>`},
	{name: "a cell reference past Excel's last row", sheet: `<row r="1"><c r="A1048577"><v>1</v></c></row>`},
}

// differentialLayouts are workbooks whose parts are laid out unusually:
// the sheet read is not the first part, relationships target parts from
// the root, in other folders or with backslashes.
func differentialLayouts(t *testing.T) []differentialWorkbook {
	rels := func(targets ...string) string {
		var b strings.Builder
		b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
		for i, target := range targets {
			fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="%s"/>`, i+1, target)
		}
		b.WriteString(`<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`)
		return b.String()
	}
	first := sheetXML(inlineRow(1, "Label") + inlineRow(2, "FIRST-1"))
	second := sheetXML(inlineRow(1, "Label") + inlineRow(2, "SECOND-1"))
	return []differentialWorkbook{
		{"sheets whose parts are in the other order", craftXLSX(t, map[string]string{
			"xl/workbook.xml":            workbookXML(false, "First", "Second"),
			"xl/_rels/workbook.xml.rels": rels("worksheets/sheet2.xml", "worksheets/sheet1.xml"),
			"xl/worksheets/sheet2.xml":   first, "xl/worksheets/sheet1.xml": second,
		}, nil)},
		{"targets from the root, with dots and backslashes", craftXLSX(t, map[string]string{
			"xl/workbook.xml":            workbookXML(false, "First", "Second", "Third", "Fourth"),
			"xl/_rels/workbook.xml.rels": rels("/xl/worksheets/data.xml", `worksheets\other.xml`, "../xl/./worksheets/third.xml", `sheets\..\worksheets\third.xml`),
			"xl/worksheets/data.xml":     first, "xl/worksheets/other.xml": second, "xl/worksheets/third.xml": first,
		}, nil)},
		{"a workbook outside xl, named from the root", craftXLSX(t, map[string]string{
			"_rels/.rels": strings.Replace(rootRelsXML, `Target="xl/workbook.xml"`, `Target="/book/main.xml"`, 1),
			// xl/workbook.xml is what checkArchive looks for; excelize reads book/main.xml.
			"book/main.xml":              workbookXML(false, "Inside"),
			"book/_rels/main.xml.rels":   rels("../xl/worksheets/sheet1.xml"),
			"xl/worksheets/sheet1.xml":   first,
			"xl/_rels/workbook.xml.rels": rels("worksheets/sheet2.xml"),
			"xl/worksheets/sheet2.xml":   second,
		}, nil)},
		{"a shared-strings part named in another case", craftXLSX(t, map[string]string{
			"xl/worksheets/sheet1.xml": sheetXML(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`),
			"xl/SharedStrings.xml":     sharedStringsXML([]string{"found ignoring case"}),
			"xl/sharedStrings.xml":     "",
		}, nil)},
	}
}

// The scanner returns what excelize's Rows.Next and Columns(RawCellValue)
// return, row for row and cell for cell, errors included; through a
// 16-byte buffer (every token cut across refills) as through the default
// one, and with the shared strings in memory or spilled to disk.
func TestScannerReadsSheetsAsExcelize(t *testing.T) {
	for _, wb := range differentialWorkbooks(t) {
		t.Run(wb.name, func(t *testing.T) {
			f, err := excelize.OpenReader(bytes.NewReader(wb.data))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			book := openTestBook(t, wb.data, Options{})
			for _, sheet := range f.GetSheetList() {
				if _, err := f.Rows(sheet); err != nil {
					if book.sheets[sheet] != nil {
						t.Errorf("sheet %s: excelize finds no part (%v); the scanner reads %s", sheet, err, book.sheets[sheet].Name)
					}
					continue
				}
				want, wantErr := excelizeRows(t, wb.data, sheet)
				for _, size := range []int{sheetBufferSize, 16} {
					for _, partLimit := range []int64{DefaultMaxPartBytes, 1} {
						got, gotErr := scannerRows(t, wb.data, sheet, size, Options{MaxPartBytes: partLimit})
						if !reflect.DeepEqual(got, want) || gotErr != wantErr {
							t.Errorf("sheet %s, %d-byte buffer, part limit %d:\n got %s, error %q\nwant %s, error %q",
								sheet, size, partLimit, quoteRows(got), gotErr, quoteRows(want), wantErr)
						}
					}
				}
			}
		})
	}
}

// The edge cases must hold what they claim: a table that excelize reads
// as empty would compare nothing.
func TestHandWrittenSheetsHaveRows(t *testing.T) {
	for _, c := range handWrittenSheets {
		rows, err := excelizeRows(t, handWrittenWorkbook(t, c.sheet, c.sst), "Sheet1")
		if len(rows) == 0 && err == "" && c.name != "an empty sheet" {
			t.Errorf("%s: excelize reads no rows", c.name)
		}
	}
}

// Where encoding/xml stops on XML that is not well formed, excelize ends
// the sheet there without a word; the scanner reports the part damaged.
func TestScannerRefusesMalformedSheets(t *testing.T) {
	tests := []struct{ name, sheet, want string }{
		{"an element closed by another", `<row r="1"><c r="A1"><v>1</c></row>`, "element <v> closed by </c>"},
		{"an end tag never opened", `<row r="1"></c></row>`, "element <row> closed by </c>"},
		{"an unknown entity", `<row r="1"><c r="A1" t="str"><v>a&nbsp;b</v></c></row>`, "invalid character entity &nbsp;"},
		{"an entity without a semicolon", `<row r="1"><c r="A1" t="str"><v>AT&T</v></c></row>`, "invalid character entity &T"},
		{"a reference to a character XML forbids", `<row r="1"><c r="A1" t="str"><v>&#1;</v></c></row>`, "illegal character code U+0001"},
		{"a control character", "<row r=\"1\"><c r=\"A1\" t=\"str\"><v>a\x02b</v></c></row>", "illegal character code U+0002"},
		{"bytes that are not UTF-8", "<row r=\"1\"><c r=\"A1\" t=\"str\"><v>caf\xe9</v></c></row>", "invalid UTF-8"},
		{"an unquoted attribute", `<row r=1><c r="A1"><v>1</v></c></row>`, "unquoted or missing attribute value"},
		{"a < in an attribute", `<row r="1"><c r="A<1"><v>1</v></c></row>`, "unescaped < inside quoted string"},
		{"a truncated part", `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2`, "unexpected EOF"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sheet := sheetXML(tt.sheet)
			if tt.name == "a truncated part" {
				sheet = strings.TrimSuffix(sheet, "</sheetData></worksheet>")
			}
			data := craftXLSX(t, map[string]string{"xl/worksheets/sheet1.xml": sheet}, nil)
			for _, size := range []int{sheetBufferSize, 16} {
				if _, err := scannerRows(t, data, "Sheet1", size, Options{}); !strings.Contains(err, "XML syntax error: "+tt.want) {
					t.Errorf("%d-byte buffer: error %q; want %q", size, err, tt.want)
				}
			}
		})
	}
}

// A malformed sheet, or one whose bytes do not match their checksum, is a
// damaged workbook, refused before or while its rows are read.
func TestDamagedSheetIsInvalid(t *testing.T) {
	header := inlineRow(1, "Label", "Carrier")
	corrupt := func() []byte {
		body := sheetXML(header + inlineRow(2, "X-1", "Lumen"))
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for name, part := range map[string]string{"[Content_Types].xml": contentTypesXML, "_rels/.rels": rootRelsXML,
			"xl/workbook.xml": workbookXML(false, "Sheet1"), "xl/_rels/workbook.xml.rels": workbookRelsXML, "xl/styles.xml": stylesXML} {
			writeZipPart(t, zw, name, part)
		}
		w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Store,
			CompressedSize64: uint64(len(body)), UncompressedSize64: uint64(len(body)), CRC32: crc32.ChecksumIEEE([]byte(body)) + 1})
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, body)
		zw.Close()
		return buf.Bytes()
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"malformed rows", craftXLSX(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(header + `<row r="2"><c r="A2"><v>1</c></row>`)}, nil)},
		{"malformed rows after the header", craftXLSX(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(
			header + strings.Repeat(inlineRow(2, "X-1", "Lumen"), 300) + `<row r="400"><c r="A400"><v>&bogus;</v></c></row>`)}, nil)},
		{"a checksum mismatch", corrupt()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Preview(bytes.NewReader(tt.data), "c.xlsx", Options{})
			if !errors.Is(err, models.ErrInvalid) || !strings.Contains(err.Error(), "the workbook cannot be read") {
				t.Errorf("error = %v; want the workbook damaged", err)
			}
		})
	}
}

// BenchmarkReadXLSX100k reads the 100,000-row workbook, cell by cell with
// excelize as the rows were read before, and as Preview reads them now.
func BenchmarkReadXLSX100k(b *testing.B) {
	data := benchXLSX(b)
	cells := float64(benchRows+1) * float64(len(benchHeaders))
	b.Run("excelize", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			f, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				b.Fatal(err)
			}
			rows, err := f.Rows("Sheet1")
			if err != nil {
				b.Fatal(err)
			}
			n := 0
			for ; rows.Next(); n++ {
				if _, err := rows.Columns(rawValues); err != nil {
					b.Fatal(err)
				}
			}
			rows.Close()
			f.Close()
			if n != benchRows+1 {
				b.Fatalf("%d rows", n)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/cells, "ns/cell")
	})
	b.Run("scanner", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			src, err := Open(bytes.NewReader(data), "circuits.xlsx", Options{})
			if err != nil {
				b.Fatal(err)
			}
			n := 0
			for ; src.Next(); n++ {
			}
			src.Close()
			if src.Err() != nil || n != benchRows {
				b.Fatalf("%d rows: %v", n, src.Err())
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/cells, "ns/cell")
	})
}

// excelizePercentColumns is how percentColumns read the top rows before,
// all through excelize: each row both raw and formatted.
func excelizePercentColumns(t *testing.T, data []byte, sheet string) map[int]bool {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	raw, err := f.Rows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	shown, err := f.Rows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	cols := map[int]bool{}
	for n := 0; n < percentSampleRows && raw.Next() && shown.Next(); n++ {
		values, err := raw.Columns(rawValues)
		if err != nil {
			t.Fatal(err)
		}
		texts, err := shown.Columns()
		if err != nil {
			t.Fatal(err)
		}
		for i := range min(len(values), len(texts)) {
			if strings.HasSuffix(texts[i], "%") && isNumber(values[i]) {
				cols[i] = true
			}
		}
	}
	return cols
}

// percentFormatsWorkbook has, column by column, numbers in formats that
// show a percent sign or not, and values of other types in percent styles.
func percentFormatsWorkbook(t *testing.T) []byte {
	return excelizeXLSX(t, func(f *excelize.File) {
		const s = "Sheet1"
		style := func(numFmt int, custom string) int {
			st := &excelize.Style{NumFmt: numFmt}
			if custom != "" {
				st.CustomNumFmt = &custom
			}
			id, err := f.NewStyle(st)
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		columns := []struct {
			style int
			value any
		}{
			{style(9, ""), 0.5}, {style(10, ""), 0.035}, {style(0, "0.0%"), 1}, {style(0, `0%;[Red]-0%;"zero"`), 0},
			{style(0, `0%;[Red]-0%;"zero"`), -0.25}, {style(0, `0%" pa"`), 0.03}, {style(0, `0"%"`), 3}, {style(0, `@"%"`), "0.5"},
			{style(10, ""), true}, {style(10, ""), "abc"}, {style(10, ""), time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)},
			{style(0, "General"), 0.5}, {style(0, "0.00"), 0.5},
		}
		for i, c := range columns {
			cell, _ := excelize.CoordinatesToCellName(i+1, 2)
			f.SetCellValue(s, cell, c.value)
			f.SetCellStyle(s, cell, cell, c.style)
		}
		f.SetCellFormula(s, "N2", "A2/2")
		f.SetCellValue(s, "N2", 0.25)
		f.SetCellStyle(s, "N2", "N2", columns[0].style)
		// Below the sampled rows a percent does not count.
		f.SetCellValue(s, "O300", 0.5)
		f.SetCellStyle(s, "O300", "O300", columns[0].style)
	})
}

// percentColumns finds the percent columns the excelize-only way found,
// though excelize formats only the numbers, in a miniature workbook.
func TestPercentColumnsAsExcelizeFormats(t *testing.T) {
	books := []differentialWorkbook{
		{"numbers in every kind of format", percentFormatsWorkbook(t)},
		{"percent styles on values of every type", handWrittenWorkbook(t, `<row r="1">`+
			`<c r="A1" s="2" t="d"><v>0.5</v></c><c r="B1" s="2" t="b"><v>1</v></c><c r="C1" s="2" t="e"><v>7</v></c>`+
			`<c r="D1" s="2" t="str"><f>1</f><v>0.5</v></c><c r="E1" s="2" t="s"><v>0</v></c><c r="F1" s="2" t="inlineStr"><is><t>0.5</t></is></c>`+
			`<c r="G1" s="2"><v>5E-1</v></c><c r="H1" s="9"><v>0.5</v></c><c r="I1" s="+2"><v>0.5</v></c></row>`,
			sharedStringsXML([]string{"0.5"}))},
		{"a 1904 calendar", craftXLSX(t, map[string]string{"xl/workbook.xml": workbookXML(true, "Sheet1"),
			"xl/worksheets/sheet1.xml": sheetXML(`<row r="1"><c r="A1" s="2"><v>0.5</v></c><c r="B1" s="1"><v>0.5</v></c></row>`)}, nil)},
	}
	for _, fx := range xlsxFixtures(t) {
		books = append(books, differentialWorkbook{"the golden fixture " + fx.name, fx.data})
	}
	sample, err := os.ReadFile(sampleXLSX)
	if err != nil {
		t.Fatal(err)
	}
	books = append(books, differentialWorkbook{"the sample circuits", sample})
	for _, wb := range books {
		t.Run(wb.name, func(t *testing.T) {
			f, err := excelize.OpenReader(bytes.NewReader(wb.data))
			if err != nil {
				t.Fatal(err)
			}
			sheet := f.GetSheetList()[0]
			f.Close()
			book := openTestBook(t, wb.data, Options{})
			got, err := percentColumns(book, sheet)
			if err != nil {
				t.Fatal(err)
			}
			if want := excelizePercentColumns(t, wb.data, sheet); !reflect.DeepEqual(got, want) {
				t.Errorf("percent columns %v; excelize alone finds %v", got, want)
			}
		})
	}
}
