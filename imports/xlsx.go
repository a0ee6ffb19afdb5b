package imports

import (
	"archive/zip"
	"bytes"
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

// rawValues makes excelize return what a cell stores rather than what its
// number format shows: 2500.5 rather than "$2,501", the serial 46022
// rather than "12-31-25". Formulas give their cached results either way.
var rawValues = excelize.Options{RawCellValue: true}

// xlsxRows streams one worksheet with excelize.
type xlsxRows struct {
	file     *excelize.File
	rows     *excelize.Rows
	number   int          // spreadsheet row number of the last row read
	percent  map[int]bool // columns formatted as percentages
	sheet    string
	sheets   []string
	date1904 bool
}

// openXLSX checks the archive's sizes, opens the workbook and selects the
// sheet to read.
func openXLSX(data []byte, opts Options) (_ *xlsxRows, err error) {
	if err := checkArchive(data, opts); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    opts.MaxUnzippedBytes,
		UnzipXMLSizeLimit: opts.MaxPartBytes,
	})
	if err != nil {
		if f != nil {
			f.Close()
		}
		return nil, damaged(err)
	}
	defer func() {
		if err != nil {
			f.Close()
		}
	}()
	x := &xlsxRows{file: f, sheets: f.GetSheetList()}
	if x.sheet, err = chooseSheet(f, x.sheets, opts.Sheet); err != nil {
		return nil, err
	}
	props, err := f.GetWorkbookProps()
	if err != nil {
		return nil, damaged(err)
	}
	x.date1904 = props.Date1904 != nil && *props.Date1904
	if x.percent, err = percentColumns(f, x.sheet); err != nil {
		return nil, err
	}
	if x.rows, err = f.Rows(x.sheet); err != nil {
		return nil, damaged(err)
	}
	return x, nil
}

// checkArchive reads the ZIP directory and refuses, before anything is
// inflated, an archive whose parts add up to more than MaxUnzippedBytes
// (a zip bomb) or that is not an XLSX workbook. A part cannot inflate past
// the size it declares, so a lying directory gains nothing: archive/zip
// stops reading it there.
func checkArchive(data []byte, opts Options) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return damaged(err)
	}
	var total uint64
	workbook := false
	for _, f := range zr.File {
		name := strings.ToLower(f.Name)
		total += f.UncompressedSize64
		if total > uint64(opts.MaxUnzippedBytes) {
			return fmt.Errorf("the workbook unzips to more than %s: %w", formatBytes(opts.MaxUnzippedBytes), models.ErrTooLarge)
		}
		// excelize streams big worksheets and shared strings from a
		// temporary file but holds every other part in memory.
		streamed := strings.HasPrefix(name, "xl/worksheets/") || name == "xl/sharedstrings.xml"
		if !streamed && f.UncompressedSize64 > uint64(opts.MaxPartBytes) {
			return fmt.Errorf("the workbook part %s unzips to more than %s: %w", f.Name, formatBytes(opts.MaxPartBytes), models.ErrTooLarge)
		}
		switch name {
		case "xl/workbook.xml":
			workbook = true
		case "xl/workbook.bin":
			return fmt.Errorf("the file is a binary workbook (.xlsb); save it as .xlsx or CSV: %w", models.ErrUnsupportedType)
		case "content.xml":
			return fmt.Errorf("the file is an OpenDocument spreadsheet; save it as .xlsx or CSV: %w", models.ErrUnsupportedType)
		}
	}
	if !workbook {
		return fmt.Errorf("the file is a ZIP archive but not an XLSX workbook: %w", models.ErrUnsupportedType)
	}
	return nil
}

// damaged reports a workbook excelize cannot read.
func damaged(err error) error {
	return models.Invalid("file", "damaged", "the workbook cannot be read (%v)", err)
}

// chooseSheet finds the sheet the user named or, by default, the first
// visible sheet holding data (hidden sheets hold lookups, not circuits).
func chooseSheet(f *excelize.File, sheets []string, want string) (string, error) {
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
		has, err := sheetHasData(f, s)
		if err != nil {
			return "", err
		}
		if has {
			return s, nil
		}
	}
	return "", models.Invalid("file", "empty", "no visible sheet of the workbook holds data")
}

// sheetHasData reads a sheet until its first non-blank row.
func sheetHasData(f *excelize.File, sheet string) (bool, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return false, damaged(err)
	}
	defer rows.Close()
	for rows.Next() {
		cells, err := rows.Columns(rawValues)
		if err != nil {
			return false, damaged(err)
		}
		if !isBlankRow(cells) {
			return true, nil
		}
	}
	return false, nil
}

// percentColumns finds the columns whose numbers are formatted as
// percentages, reading the top of the sheet both raw and formatted. Such a
// cell stores a fraction (0.03) and shows a percent (3%); NetOS stores
// percents, so those cells are read as "3%".
func percentColumns(f *excelize.File, sheet string) (map[int]bool, error) {
	raw, err := f.Rows(sheet)
	if err != nil {
		return nil, damaged(err)
	}
	defer raw.Close()
	shown, err := f.Rows(sheet)
	if err != nil {
		return nil, damaged(err)
	}
	defer shown.Close()
	cols := map[int]bool{}
	for n := 0; n < percentSampleRows && raw.Next() && shown.Next(); n++ {
		values, err := raw.Columns(rawValues)
		if err != nil {
			return nil, damaged(err)
		}
		texts, err := shown.Columns()
		if err != nil {
			return nil, damaged(err)
		}
		for i := range min(len(values), len(texts)) {
			if strings.HasSuffix(texts[i], "%") && isNumber(values[i]) {
				cols[i] = true
			}
		}
	}
	return cols, nil
}

func (x *xlsxRows) next() ([]string, int, error) {
	if !x.rows.Next() {
		if err := x.rows.Error(); err != nil {
			return nil, 0, damaged(err)
		}
		return nil, 0, io.EOF
	}
	x.number++ // Next steps through missing rows too, so this is the row number
	cells, err := x.rows.Columns(rawValues)
	if err != nil {
		return nil, 0, damaged(err)
	}
	for i, c := range cells {
		if x.percent[i] && isNumber(c) {
			cells[i] = fractionToPercent(c)
		}
	}
	return cells, x.number, nil
}

func (x *xlsxRows) close() error {
	var err error
	if x.rows != nil {
		err = x.rows.Close()
	}
	if cerr := x.file.Close(); err == nil {
		err = cerr
	}
	return err
}

// isNumber reports whether a raw cell value is a number as a workbook stores it.
func isNumber(s string) bool {
	_, ok := new(big.Rat).SetString(s)
	return ok && !strings.Contains(s, "/")
}

// fractionToPercent writes a stored fraction as the percent it shows:
// "0.035" → "3.5%", exactly.
func fractionToPercent(s string) string {
	r, _ := new(big.Rat).SetString(s)
	r.Mul(r, big.NewRat(100, 1))
	if r.IsInt() {
		return r.Num().String() + "%"
	}
	return strings.TrimRight(r.FloatString(20), "0") + "%"
}
