package imports

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math/big"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/xiber/netos/models"
)

// percentSampleRows is how many rows at the top of a sheet are read twice
// to learn which columns are formatted as percentages.
const percentSampleRows = 200

// xlsxRows streams one worksheet. excelize opens and checks the workbook,
// lists the sheets and their visibility, reads the calendar and formats
// the numbers percentColumns samples; the rows themselves are read by the
// purpose-built scanner of sheetxml.go, for a tenth of the cost a cell
// (see there).
type xlsxRows struct {
	book     *sheetBook
	rows     *sheetRows
	percent  map[int]bool // columns formatted as percentages
	sheet    string
	sheets   []string
	date1904 bool
}

// openXLSX checks the archive's sizes, opens the workbook, selects the
// sheet to read and starts streaming it.
func openXLSX(data []byte, opts Options) (_ *xlsxRows, err error) {
	zr, err := checkArchive(data, opts)
	if err != nil {
		return nil, err
	}
	// Closed on return: the parts it holds in memory are not needed to
	// stream the rows.
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    opts.MaxUnzippedBytes,
		UnzipXMLSizeLimit: opts.MaxPartBytes,
	})
	if f != nil {
		defer f.Close()
	}
	if err != nil {
		return nil, damaged(err)
	}
	book, err := openSheetBook(zr, opts)
	if err != nil {
		return nil, damaged(err)
	}
	defer func() {
		if err != nil {
			book.close()
		}
	}()
	x := &xlsxRows{book: book, sheets: f.GetSheetList()}
	if x.sheet, err = chooseSheet(f, book, x.sheets, opts.Sheet); err != nil {
		return nil, err
	}
	props, err := f.GetWorkbookProps()
	if err != nil {
		return nil, damaged(err)
	}
	x.date1904 = props.Date1904 != nil && *props.Date1904
	if x.percent, err = percentColumns(book, x.sheet); err != nil {
		return nil, err
	}
	if x.rows, err = book.rows(x.sheet); err != nil {
		return nil, damaged(err)
	}
	return x, nil
}

// checkArchive reads the ZIP directory and refuses, before anything is
// inflated, an archive whose parts add up to more than MaxUnzippedBytes
// (a zip bomb) or that is not an XLSX workbook. A part cannot inflate past
// the size it declares, so a lying directory gains nothing: archive/zip
// stops reading it there.
func checkArchive(data []byte, opts Options) (*zip.Reader, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, damaged(err)
	}
	var total uint64
	workbook := false
	for _, f := range zr.File {
		name := strings.ToLower(f.Name)
		total += f.UncompressedSize64
		if total > uint64(opts.MaxUnzippedBytes) {
			return nil, fmt.Errorf("the workbook unzips to more than %s: %w", formatBytes(opts.MaxUnzippedBytes), models.ErrTooLarge)
		}
		// excelize streams big worksheets and shared strings from a
		// temporary file, and so does sheetxml.go (worksheets straight from
		// the archive); every other part is held in memory.
		streamed := strings.HasPrefix(name, "xl/worksheets/") || name == "xl/sharedstrings.xml"
		if !streamed && f.UncompressedSize64 > uint64(opts.MaxPartBytes) {
			return nil, fmt.Errorf("the workbook part %s unzips to more than %s: %w", f.Name, formatBytes(opts.MaxPartBytes), models.ErrTooLarge)
		}
		switch name {
		case "xl/workbook.xml":
			workbook = true
		case "xl/workbook.bin":
			return nil, fmt.Errorf("the file is a binary workbook (.xlsb); save it as .xlsx or CSV: %w", models.ErrUnsupportedType)
		case "content.xml":
			return nil, fmt.Errorf("the file is an OpenDocument spreadsheet; save it as .xlsx or CSV: %w", models.ErrUnsupportedType)
		}
	}
	if !workbook {
		return nil, fmt.Errorf("the file is a ZIP archive but not an XLSX workbook: %w", models.ErrUnsupportedType)
	}
	return zr, nil
}

// damaged reports a workbook that cannot be read: excelize refuses it, or
// its XML is malformed.
func damaged(err error) error {
	return models.Invalid("file", "damaged", "the workbook cannot be read (%v)", err)
}

// chooseSheet finds the sheet the user named or, by default, the first
// visible sheet holding data (hidden sheets hold lookups, not circuits).
func chooseSheet(f *excelize.File, book *sheetBook, sheets []string, want string) (string, error) {
	if want != "" {
		for _, s := range sheets {
			if s == want {
				return s, nil
			}
		}
		for _, s := range sheets {
			if strings.EqualFold(s, want) {
				return s, nil
			}
		}
		return "", models.Invalid("sheet", "unknown_sheet", "the workbook has no sheet %q; its sheets are %s", want, quoteList(sheets))
	}
	for _, s := range sheets {
		if visible, _ := f.GetSheetVisible(s); !visible {
			continue
		}
		has, err := book.hasData(s)
		if err != nil {
			return "", damaged(err)
		}
		if has {
			return s, nil
		}
	}
	return "", models.Invalid("file", "empty", "no visible sheet of the workbook holds data")
}

// percentColumns finds the columns whose numbers are formatted as
// percentages. Such a cell stores a fraction (0.03) and shows a percent
// (3%); NetOS stores percents, so those cells are read as "3%". excelize
// formats the cells of the top rows whose stored value is a number, with
// their types and styles, in a miniature of the workbook: its Rows over
// the upload itself would first decode the whole shared-strings table,
// which the numbers do not need (close to a second for the benchmark's
// 300,000 strings).
func percentColumns(book *sheetBook, sheet string) (map[int]bool, error) {
	rows, err := book.rows(sheet)
	if err != nil {
		return nil, damaged(err)
	}
	defer rows.close()
	rows.keepFormats = true
	var probe bytes.Buffer
	probe.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for n := 1; n <= percentSampleRows; n++ {
		values, _, err := rows.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, damaged(err)
		}
		fmt.Fprintf(&probe, `<row r="%d">`, n)
		for i, v := range values {
			if isNumber(v) {
				writeProbeCell(&probe, i+1, n, v, rows.formats[i])
			}
		}
		probe.WriteString(`</row>`)
	}
	probe.WriteString(`</sheetData></worksheet>`)
	mini, err := book.miniature(sheet, probe.Bytes())
	if err != nil {
		return nil, damaged(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(mini))
	if err != nil {
		return nil, damaged(err)
	}
	defer f.Close()
	shown, err := f.Rows(sheet)
	if err != nil {
		return nil, damaged(err)
	}
	defer shown.Close()
	cols := map[int]bool{}
	for shown.Next() {
		texts, err := shown.Columns()
		if err != nil {
			return nil, damaged(err)
		}
		for i, t := range texts {
			if strings.HasSuffix(t, "%") {
				cols[i] = true
			}
		}
	}
	return cols, nil
}

// writeProbeCell writes a numeric cell for percentColumns with its type
// and style; a shared string is written inline, which formats the same.
func writeProbeCell(w *bytes.Buffer, col, row int, value string, format cellFormat) {
	ref, _ := excelize.CoordinatesToCellName(col, row)
	w.WriteString(`<c r="` + ref + `"`)
	if format.s != "" {
		w.WriteString(` s="`)
		xml.EscapeText(w, []byte(format.s))
		w.WriteString(`"`)
	}
	if format.t == "s" || format.t == "inlineStr" {
		w.WriteString(` t="inlineStr"><is><t>`)
		xml.EscapeText(w, []byte(value))
		w.WriteString(`</t></is></c>`)
		return
	}
	if format.t != "" {
		w.WriteString(` t="`)
		xml.EscapeText(w, []byte(format.t))
		w.WriteString(`"`)
	}
	w.WriteString(`><v>`)
	xml.EscapeText(w, []byte(value))
	w.WriteString(`</v></c>`)
}

func (x *xlsxRows) next() ([]string, int, error) {
	cells, number, err := x.rows.next()
	if err == io.EOF {
		return nil, 0, err
	}
	if err != nil {
		return nil, 0, damaged(err)
	}
	for i, c := range cells {
		if x.percent[i] && isNumber(c) {
			cells[i] = fractionToPercent(c)
		}
	}
	return cells, number, nil
}

func (x *xlsxRows) close() error {
	err := x.rows.close()
	if berr := x.book.close(); err == nil {
		err = berr
	}
	return err
}

// isNumber reports whether a raw cell value is a number as a workbook stores it.
func isNumber(s string) bool {
	if _, _, _, ok := splitDecimal(s); ok {
		return true
	}
	_, ok := new(big.Rat).SetString(s)
	return ok && !strings.Contains(s, "/")
}

// fractionToPercent writes a stored fraction as the percent it shows:
// "0.035" → "3.5%", exactly. A plain decimal, as workbooks store them,
// has its point moved two digits; anything else goes through big.Rat,
// which gives the same text.
func fractionToPercent(s string) string {
	sign, whole, frac, ok := splitDecimal(s)
	if !ok || len(frac) > 22 { // FloatString(20) would round
		return ratToPercent(s)
	}
	frac += "00"
	whole = strings.TrimLeft(whole+frac[:2], "0")
	frac = strings.TrimRight(frac[2:], "0")
	switch {
	case whole == "" && frac == "":
		return "0%"
	case whole == "":
		whole = "0"
	}
	if frac != "" {
		frac = "." + frac
	}
	return sign + whole + frac + "%"
}

func ratToPercent(s string) string {
	r, _ := new(big.Rat).SetString(s)
	r.Mul(r, big.NewRat(100, 1))
	if r.IsInt() {
		return r.Num().String() + "%"
	}
	return strings.TrimRight(r.FloatString(20), "0") + "%"
}

// splitDecimal splits a plain decimal, -?[0-9]+(\.[0-9]+)?, into its sign,
// whole and fraction digits.
func splitDecimal(s string) (sign, whole, frac string, ok bool) {
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, point := strings.Cut(s, ".")
	if whole == "" || point && frac == "" || strings.TrimLeft(whole, "0123456789") != "" || strings.TrimLeft(frac, "0123456789") != "" {
		return "", "", "", false
	}
	return sign, whole, frac, true
}
