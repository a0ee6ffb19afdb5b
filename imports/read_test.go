package imports

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/xiber/netos/models"
)

func TestOpenRefusesWhatIsNotCSVOrXLSX(t *testing.T) {
	zipOf := func(names ...string) []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, n := range names {
			w, _ := zw.Create(n)
			w.Write([]byte("x"))
		}
		zw.Close()
		return buf.Bytes()
	}
	tests := []struct {
		name     string
		filename string
		data     []byte
		wantMsg  string
	}{
		{"a PDF", "circuits.pdf", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "is a PDF document"},
		{"an old .xls", "circuits.xls", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00\x00"), "Excel 97–2003 workbook"},
		{"a PNG", "scan.png", []byte("\x89PNG\r\n\x1a\n\x00\x00"), "PNG image"},
		{"a gzip archive", "circuits.csv.gz", []byte("\x1F\x8B\x08\x00"), "gzip archive"},
		{"bytes with NULs", "circuits.csv", []byte("Label,Carrier\n\x00\x01\x02\x03"), "a binary file"},
		{"an HTML table saved as .xls", "circuits.xls", []byte("<html><body><table><tr><td>X</td></tr></table></body></html>"), "HTML or XML"},
		{"text named .xlsx", "circuits.xlsx", []byte("Label,Carrier\nX-1,Lumen\n"), "text, though named .xlsx"},
		{"a ZIP that is not a workbook", "circuits.zip", zipOf("circuits.csv"), "not an XLSX workbook"},
		{"a Word document", "circuits.docx", zipOf("[Content_Types].xml", "word/document.xml"), "not an XLSX workbook"},
		{"an OpenDocument spreadsheet", "circuits.ods", zipOf("mimetype", "content.xml"), "OpenDocument"},
		{"a binary workbook", "circuits.xlsb", zipOf("[Content_Types].xml", "xl/workbook.bin"), ".xlsb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Open(bytes.NewReader(tt.data), tt.filename, Options{})
			if !errors.Is(err, models.ErrUnsupportedType) || !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("error = %v; want ErrUnsupportedType with %q", err, tt.wantMsg)
			}
		})
	}
}

func TestOpenDetectsByContentNotName(t *testing.T) {
	xlsx := craftXLSX(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(
		`<row r="1"><c r="A1" t="inlineStr"><is><t>Label</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>X-1</t></is></c></row>`)}, nil)
	for _, name := range []string{"upload", "circuits.csv", "circuits.xlsx"} {
		src, err := Open(bytes.NewReader(xlsx), name, Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if src.FileType() != FileTypeXLSX {
			t.Errorf("%s: file type %s; want xlsx", name, src.FileType())
		}
		src.Close()
	}
	src, err := Open(strings.NewReader("Label\nX-1\n"), "export.txt", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if src.FileType() != FileTypeCSV {
		t.Errorf("file type %s; want csv", src.FileType())
	}
}

func TestUploadLimit(t *testing.T) {
	data := []byte("Label,Carrier,Service\nX-1,Lumen,wave\n")
	n := int64(len(data))
	if _, err := Preview(bytes.NewReader(data), "c.csv", Options{MaxUploadBytes: n}); err != nil {
		t.Errorf("a file of exactly the limit: %v", err)
	}
	res, err := Preview(bytes.NewReader(data), "c.csv", Options{MaxUploadBytes: n - 1})
	if !errors.Is(err, models.ErrTooLarge) || res != nil {
		t.Errorf("a file one byte over: %v, %v; want ErrTooLarge and no result", res, err)
	}
	if !strings.Contains(err.Error(), fmt.Sprintf("%d bytes upload limit", n-1)) {
		t.Errorf("message %q does not state the limit", err)
	}
}

func TestRowLimit(t *testing.T) {
	for _, fileType := range []string{"csv", "xlsx"} {
		t.Run(fileType, func(t *testing.T) {
			data := rowsFile(t, fileType, 5)
			res, err := Preview(bytes.NewReader(data), "c."+fileType, Options{MaxRows: 5})
			if err != nil || res.Validation.TotalRows != 5 {
				t.Fatalf("5 rows with a limit of 5: %v, %v", res, err)
			}
			res, err = Preview(bytes.NewReader(data), "c."+fileType, Options{MaxRows: 4})
			if !errors.Is(err, models.ErrTooLarge) || res != nil || !strings.Contains(err.Error(), "more than 4 data rows") {
				t.Errorf("5 rows with a limit of 4: %v, %v; want ErrTooLarge and no result", res, err)
			}
		})
	}
}

// rowsFile is a file with a title row, a header and n data rows, with blank
// rows between them that do not count.
func rowsFile(t *testing.T, fileType string, n int) []byte {
	if fileType == "csv" {
		var b strings.Builder
		b.WriteString("Circuit export\nLabel,Carrier,Service\n")
		for i := range n {
			fmt.Fprintf(&b, "X-%d,Lumen,wave\n,,\n", i)
		}
		return []byte(b.String())
	}
	var rows strings.Builder
	rows.WriteString(`<row r="1"><c r="A1" t="inlineStr"><is><t>Label</t></is></c><c r="B1" t="inlineStr"><is><t>Carrier</t></is></c><c r="C1" t="inlineStr"><is><t>Service</t></is></c></row>`)
	for i := range n {
		r := 2 * (i + 1)
		fmt.Fprintf(&rows, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>X-%d</t></is></c><c r="B%d" t="inlineStr"><is><t>Lumen</t></is></c><c r="C%d" t="inlineStr"><is><t>wave</t></is></c></row>`, r, r, i, r, r)
	}
	return craftXLSX(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(rows.String())}, nil)
}

func TestCellLimit(t *testing.T) {
	long := strings.Repeat("é", 10) // ten characters, twenty bytes
	t.Run("csv", func(t *testing.T) {
		data := []byte("Label,Carrier,Service,Notes\nX-1,Lumen,wave,ok\nX-2,Lumen,wave," + long + "\n")
		if _, err := Preview(bytes.NewReader(data), "c.csv", Options{MaxCellChars: 10}); err != nil {
			t.Errorf("a cell of exactly the limit: %v", err)
		}
		res, err := Preview(bytes.NewReader(data), "c.csv", Options{MaxCellChars: 9})
		if !errors.Is(err, models.ErrInvalid) || res != nil ||
			!strings.Contains(err.Error(), `row 3, column D ("Notes") holds 10 characters; a cell may hold at most 9`) {
			t.Errorf("a cell one character over: %v, %v", res, err)
		}
	})
	t.Run("xlsx", func(t *testing.T) {
		data := craftXLSX(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(
			`<row r="1"><c r="A1" t="inlineStr"><is><t>Label</t></is></c><c r="B1" t="inlineStr"><is><t>Notes</t></is></c></row>` +
				`<row r="2"><c r="A2" t="inlineStr"><is><t>X-1</t></is></c><c r="B2" t="inlineStr"><is><t>` + long + `</t></is></c></row>`)}, nil)
		if _, err := Preview(bytes.NewReader(data), "c.xlsx", Options{MaxCellChars: 10}); err != nil {
			t.Errorf("a cell of exactly the limit: %v", err)
		}
		_, err := Preview(bytes.NewReader(data), "c.xlsx", Options{MaxCellChars: 9})
		if !errors.Is(err, models.ErrInvalid) || !strings.Contains(err.Error(), `row 2, column B ("Notes")`) {
			t.Errorf("a cell one character over: %v", err)
		}
	})
	t.Run("the default is Excel's 32,767", func(t *testing.T) {
		cell := strings.Repeat("x", DefaultMaxCellChars)
		data := []byte("Label,Notes\nX-1," + cell + "\n")
		if _, err := Preview(bytes.NewReader(data), "c.csv", Options{}); err != nil {
			t.Errorf("32,767 characters: %v", err)
		}
		data = []byte("Label,Notes\nX-1," + cell + "x\n")
		if _, err := Preview(bytes.NewReader(data), "c.csv", Options{}); !errors.Is(err, models.ErrInvalid) {
			t.Errorf("32,768 characters: %v; want ErrInvalid", err)
		}
	})
	t.Run("title rows above the header are checked too", func(t *testing.T) {
		data := []byte(long + "\nLabel,Notes\nX-1,a\n")
		_, err := Preview(bytes.NewReader(data), "c.csv", Options{MaxCellChars: 9})
		if !errors.Is(err, models.ErrInvalid) || !strings.Contains(err.Error(), "row 1, column A holds 10") {
			t.Errorf("error = %v", err)
		}
	})
}

func TestFormatBytes(t *testing.T) {
	tests := map[int64]string{20 << 20: "20 MB", 100 << 20: "100 MB", 3 << 19: "1.5 MB", 512 << 10: "512 KB", 1000: "1000 bytes"}
	for n, want := range tests {
		if got := formatBytes(n); got != want {
			t.Errorf("formatBytes(%d) = %q; want %q", n, got, want)
		}
	}
}
