package imports

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/xiber/netos/models"
)

var (
	sampleCSV  = filepath.Join("..", "examples", "sample_circuits.csv")
	sampleXLSX = filepath.Join("..", "examples", "sample_circuits.xlsx")
)

// TestSampleCircuits checks that the two example files import cleanly and
// identically. With -update it first rewrites the XLSX from the CSV.
func TestSampleCircuits(t *testing.T) {
	csvData, err := os.ReadFile(sampleCSV)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(sampleXLSX, sampleWorkbook(t, csvData), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	xlsxData, err := os.ReadFile(sampleXLSX)
	if err != nil {
		t.Fatal(err)
	}
	fromCSV := preview(t, csvData, "sample_circuits.csv", Options{})
	fromXLSX := preview(t, xlsxData, "sample_circuits.xlsx", Options{})
	for _, res := range []*Result{fromCSV, fromXLSX} {
		if v := res.Validation; v.TotalRows != 12 || v.ValidRows != 12 {
			t.Errorf("%s: %d of %d rows valid: %v", res.Filename, v.ValidRows, v.TotalRows, v.Errors)
		}
	}
	if fromXLSX.HeaderRow != 3 {
		t.Errorf("the workbook's header is on row %d; want 3, below its title", fromXLSX.HeaderRow)
	}
	a, _ := json.Marshal(fromCSV.SampleRows)
	b, _ := json.Marshal(fromXLSX.SampleRows)
	if !bytes.Equal(a, b) {
		t.Errorf("the CSV and the XLSX import differently:\n%s\n%s", a, b)
	}
}

// sampleWorkbook writes the sample CSV as a workbook someone keeps by hand:
// a title row, then the header, with real date, dollar and percent cells.
func sampleWorkbook(t *testing.T, csvData []byte) []byte {
	src, err := Open(bytes.NewReader(csvData), "sample_circuits.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	headers := src.Headers()
	src.Close()
	m := DetectMapping(headers)
	return excelizeXLSX(t, func(f *excelize.File) {
		const sheet = "Circuits"
		f.SetSheetName("Sheet1", sheet)
		date, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
		percent, _ := f.NewStyle(&excelize.Style{NumFmt: 10})
		dollars := `"$"#,##0.00`
		money, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &dollars})
		title, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
		f.SetCellValue(sheet, "A1", "Xiber Networks — carrier circuit inventory")
		f.SetCellStyle(sheet, "A1", "A1", title)
		f.SetSheetRow(sheet, "A3", &headers)
		n := 4
		err := Scan(bytes.NewReader(csvData), "sample_circuits.csv", Options{}, func(row Row) error {
			for i, h := range headers {
				cell, _ := excelize.CoordinatesToCellName(i+1, n)
				if m[h] == nil {
					continue
				}
				switch v := row.Fields[*m[h]].(type) {
				case models.Date:
					f.SetCellValue(sheet, cell, v.Time())
					f.SetCellStyle(sheet, cell, cell, date)
				case models.Money:
					f.SetCellValue(sheet, cell, float64(v)/100)
					f.SetCellStyle(sheet, cell, cell, money)
				case models.Decimal:
					f.SetCellValue(sheet, cell, v.Float()/100)
					f.SetCellStyle(sheet, cell, cell, percent)
				case nil:
				default:
					f.SetCellValue(sheet, cell, v)
				}
			}
			n++
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		f.SetColWidth(sheet, "A", "AB", 16)
		f.SetDocProps(&excelize.DocProperties{Creator: "NetOS", Created: time.Date(2026, 1, 6, 0, 0, 0, 0, time.UTC).Format(time.RFC3339)})
	})
}
