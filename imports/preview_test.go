package imports

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/xiber/netos/models"
)

// CSV fixtures, each as messy as a real export in its own way.
var csvFixtures = []struct {
	name     string
	filename string
	data     string
	opts     Options
}{
	{
		name:     "csv_bom_crlf_currency_us_dates",
		filename: "Circuits Export.csv",
		data: "\xEF\xBB\xBFCircuit Label,Carrier Circuit ID,Carrier,Product,Speed,Status,Monthly Recurring,Install Fee,Contract Start,Contract End,Term (Months),Auto Renew,Notice Period (Days),Annual Escalator,A-End,A-End Address,A State,Z-End,Z State\r\n" +
			"XIB-LUM-0042,DHEC.123456..LUMN,Lumen,Wavelength,10G,Active,\"$2,500.00\",\"$5,000.00\",1/15/2024,01/14/27,36,Yes,60 days,3%,Xiber HQ,\"1375 Euclid Ave, Cleveland\",Ohio,Cologix COL1,OH\r\n" +
			"XIB-COG-0003,1-300123456,Cogent,Internet,1 Gbps,In Service,\"1,200.00 USD\",0,2024-03-01,2027-02-28,36,No,90,2.5,H5 Cleveland,1625 Rockwell Ave,oh,,\r\n" +
			"XIB-SPC-0101,ACCT 8347 1000 2345678,Spectrum,Cable,1000/35,Pending Disconnect,$249.99,-,6/1/23,,,MTM,N/A,,Xiber Parma Tower,,OH,,\r\n",
	},
	{
		name:     "csv_semicolon_title_rows",
		filename: "zayo.csv",
		data: "Zayo Group — circuit inventory;;;;\n" +
			"Exported;2025-01-06;;;\n" +
			";;;;\n" +
			"Circuit ID;Label;Vendor;Service Type;Bandwidth (Mbps);MRC;Term Start;Term End;Renewal Type;ETF\n" +
			"OGYX/172418//ZYO;XIB-ZAY-0007;Zayo;Dark Fiber;;3150;2023-07-01;2028-06-30;Manual;\"$25,000.00\"\n" +
			"FOAX/102233//ZYO;XIB-ZAY-0011;Zayo;dark-fiber;;1850.00;2024-02-01;2029-01-31;manual;\n",
	},
	{
		name:     "tsv_embedded_newlines",
		filename: "windstream.tsv",
		data: "xiber_circuit_label\tcarrier_name\tservice_type\tbandwidth_mbps\tmrc_usd\tnotes\n" +
			"XIB-WIN-0015\tWindstream\tethernet\t1000\t1100\t\"Handoff on port 1/1/4.\nLOA on file; CFA in the MMR.\"\n" +
			"XIB-WIN-0016\tWindstream\tmpls\t500\t1650\t\"Toledo POP\r\nsecond line\"\n",
	},
	{
		name:     "psv_pipes",
		filename: "everstream.txt",
		data: "Circuit Label|Carrier|Service|Speed|MRC|Notes\n" +
			"XIB-EVS-0021|Everstream|EPL|10GE|2200|Columbus POP to COL3, 2x10G LAG\n",
	},
	{
		name:     "csv_every_kind_of_error",
		filename: "messy.csv",
		data: "Circuit Label,Carrier,Service Type,Bandwidth,Status,MRC,NRC,Term Start,Term End,Term (Months),Renewal,Notice Days,ETF,ETF %,Escalator,A-End,A State,A Lat,A Lng,Monitoring URL\n" +
			"XIB-OK-0001,Lumen,Wave,10G,Active,\"$2,500.00\",$0,1/1/2024,12/31/2026,36,Auto Renew,60,,,3%,Xiber HQ,Ohio,41.4993,-81.6944,https://librenms.xiber.local/device/1\n" +
			"XIB-BAD-0002,,Smoke Signals,fast,Pending,\"2,50\",abc,13/45/2024,2024-01-01,36.5,sometimes,soon,-5,,300,Somewhere,OH,95,-200,librenms/device/2\n" +
			",Zayo,Dark Fiber,,,,,,,,,,,,,,,,,\n" +
			"XIB-BAD-0004,Cogent,DIA,1G,Active,#REF!,N/A,2025-06-01,2025-01-01,,,,\"$1,000\",50%,,,,,,\n" +
			"xib-ok-0001,Zayo,Dark Fiber,,,,,,,,,,,,,,,,,\n" +
			"XIB-BAD-0007,Spectrum,Broadband,1000/35,In Service,(12.50),-,,,,MTM,,,,,,,,,\n" +
			"XIB-OK-0008,Spectrum,Broadband,1000/35,In Service,$189.99,-,,,,MTM,,,,,,,,,\n",
	},
	{
		name:     "csv_mapping_override",
		filename: "override.csv",
		data: "Name,Vendor,Kind,Cost,Rep\n" +
			"XIB-LUM-0042,Lumen,wave,2500,Dana\n",
		opts: Options{Mapping: map[string]string{"Kind": "service_type", "Cost": "nrc_usd", "Rep": "notes", "Name": "null"}},
	},
}

func TestPreviewCSVGolden(t *testing.T) {
	for _, fx := range csvFixtures {
		t.Run(fx.name, func(t *testing.T) {
			checkGolden(t, fx.name, preview(t, []byte(fx.data), fx.filename, fx.opts))
		})
	}
}

// xlsxFixtures builds workbooks the way Excel and other tools write them.
func xlsxFixtures(t *testing.T) []struct {
	name string
	data []byte
} {
	excelizeBuilt := excelizeXLSX(t, func(f *excelize.File) {
		const s = "Sheet1"
		f.SetCellValue(s, "A1", "Xiber circuit inventory — finance export")
		f.MergeCell(s, "A1", "F1")
		f.SetSheetRow(s, "A3", &[]any{"Circuit Label", "Carrier", "Service Type", "Bandwidth (Mbps)", "MRC", "NRC",
			"Term Start", "Term End", "Escalator", "ETF %", "Status"})
		f.SetSheetRow(s, "A4", &[]any{"XIB-LUM-0042", "Lumen", "wave", 10000, 2500, 5000,
			time.Date(2024, 1, 15, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC), 0.03, 1, "Active"})
		f.SetSheetRow(s, "A5", &[]any{"XIB-ZAY-0007", "Zayo", "dark fiber", nil, 3150.5, 25000,
			45292, 46752, 0.035, nil, "active"})
		f.SetSheetRow(s, "A6", &[]any{"XIB-COG-0003", "Cogent", "DIA", "10G", 1200, 0,
			"3/1/2024", "2/28/2027", 0.025, 0.5, "In Service"})
		date, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
		percent, _ := f.NewStyle(&excelize.Style{NumFmt: 10})
		dollars := `"$"#,##0.00`
		money, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &dollars})
		f.SetCellStyle(s, "G4", "H5", date)
		f.SetCellStyle(s, "I4", "J6", percent)
		f.SetCellStyle(s, "E4", "F6", money)
		// Formulas keep the value they last calculated; that is what imports.
		f.SetCellFormula(s, "F4", "E4*2")
		f.SetCellFormula(s, "H5", "DATE(2027,12,31)")
	})
	strs := []string{"Circuits — Lumen portal export", "Circuit Label", "Carrier", "Product", "Speed", "MRC", "Annual Cost",
		"Contract End", "ETF %", "Notes", "Status", "XIB-LUM-0042", "Lumen", "Wavelength", "10G", "Active", "XIB-LUM-0057",
		"Wave", "XIB-LUM-0063", "DIA", "10 Gbps", "In Service", "XIB-LUM-0070", "Ethernet", "12/31/2028", "Ordered"}
	crafted := craftXLSX(t, map[string]string{
		"xl/sharedStrings.xml": sharedStringsXML(strs),
		"xl/worksheets/sheet1.xml": sheetXML(
			`<row r="1"><c r="A1" t="s"><v>0</v></c></row>` +
				`<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" t="s"><v>3</v></c><c r="D2" t="s"><v>4</v></c><c r="E2" t="s"><v>5</v></c><c r="F2" t="s"><v>6</v></c><c r="G2" t="s"><v>7</v></c><c r="H2" t="s"><v>8</v></c><c r="I2" t="s"><v>9</v></c><c r="J2" t="s"><v>10</v></c></row>` +
				`<row r="3"><c r="A3" t="s"><v>11</v></c><c r="B3" t="s"><v>12</v></c><c r="C3" t="s"><v>13</v></c><c r="D3" t="s"><v>14</v></c><c r="E3" s="3"><v>2500</v></c><c r="F3" s="3"><f>E3*12</f><v>30000</v></c><c r="G3" s="1"><v>46022</v></c><c r="H3" s="2"><v>0.5</v></c><c r="I3" t="str"><f>"Renews "&amp;TEXT(G3,"yyyy")</f><v>Renews 2025</v></c><c r="J3" t="s"><v>15</v></c></row>` +
				`<row r="4"><c r="A4" t="s"><v>16</v></c><c r="B4" t="s"><v>12</v></c><c r="C4" t="s"><v>17</v></c><c r="D4"><v>100000</v></c><c r="E4" s="3"><v>6800.5</v></c><c r="F4" s="3"><f>E4*12</f><v>81606</v></c><c r="G4" t="d"><v>2027-06-30T00:00:00Z</v></c><c r="H4" s="2"><v>1</v></c><c r="I4" t="inlineStr"><is><t>Handoff at COL1
MMR cage 4</t></is></c><c r="J4" t="s"><v>15</v></c></row>` +
				`<row r="5"><c r="A5" t="s"><v>18</v></c><c r="B5" t="s"><v>12</v></c><c r="C5" t="s"><v>19</v></c><c r="D5" t="s"><v>20</v></c><c r="E5" t="e"><f>VLOOKUP(A5,Rates!A:B,2,0)</f><v>#REF!</v></c><c r="G5" s="1"><v>45000.5</v></c><c r="J5" t="s"><v>21</v></c></row>` +
				`<row r="7"><c r="A7" t="s"><v>22</v></c><c r="B7" t="s"><v>12</v></c><c r="C7" t="s"><v>23</v></c><c r="D7"><v>1000</v></c><c r="E7" s="3"><v>1250.0300000000002</v></c><c r="G7" t="s"><v>24</v></c><c r="H7" s="2"><v>3.5000000000000003E-2</v></c><c r="J7" t="s"><v>25</v></c></row>`),
	}, nil)
	mac1904 := craftXLSX(t, map[string]string{
		"xl/workbook.xml": workbookXML(true, "Sheet1"),
		"xl/worksheets/sheet1.xml": sheetXML(inlineRow(1, "Circuit Label", "Carrier", "Service Type", "Term Start", "Term End") +
			`<row r="2"><c r="A2" t="inlineStr"><is><t>XIB-WIN-0015</t></is></c><c r="B2" t="inlineStr"><is><t>Windstream</t></is></c><c r="C2" t="inlineStr"><is><t>Ethernet</t></is></c><c r="D2" s="1"><v>44561</v></c><c r="E2"><v>45656</v></c></row>`),
	}, nil)
	return []struct {
		name string
		data []byte
	}{
		{"xlsx_excelize_title_dates_formats_formulas", excelizeBuilt},
		{"xlsx_excel_shared_strings_formulas_errors", crafted},
		{"xlsx_1904_calendar", mac1904},
	}
}

func TestPreviewXLSXGolden(t *testing.T) {
	for _, fx := range xlsxFixtures(t) {
		t.Run(fx.name, func(t *testing.T) {
			checkGolden(t, fx.name, preview(t, fx.data, fx.name+".xlsx", Options{}))
		})
	}
}

func TestConvert(t *testing.T) {
	headers := []string{"Label", "Carrier", "Service", "Term Start", "Term End", "ETF", "ETF %", "MRC", "Notice"}
	m := DetectMapping(headers)
	tests := []struct {
		name       string
		cells      []string
		wantErrors string // "field: msg" joined with "; "
	}{
		{"a valid row", []string{"X-1", "Lumen", "wave", "2024-01-01", "2026-12-31", "$500", "", "100", "60"}, ""},
		{"blank markers are blank", []string{"X-2", "Lumen", "wave", "-", "N/A", "--", "null", "", ""}, ""},
		{"required fields", []string{" ", "", "wave"}, "xiber_circuit_label: is required; carrier_name: is required"},
		{"end before start", []string{"X-3", "Lumen", "wave", "2025-06-01", "2025-01-01"}, "contract_term_end_date: 2025-01-01 is before the term start 2025-06-01"},
		{"the same start and end", []string{"X-4", "Lumen", "wave", "2025-06-01", "2025-06-01"}, ""},
		{"both kinds of ETF", []string{"X-5", "Lumen", "wave", "", "", "$1,000", "50%"}, "etf_pct: give etf_usd or etf_pct, not both"},
		{"a negative cost", []string{"X-6", "Lumen", "wave", "", "", "", "", "(12.50)"}, `mrc_usd: "(12.50)" is negative; a cost must be zero or more`},
		{"a spreadsheet error", []string{"X-7", "Lumen", "wave", "", "", "", "", "#DIV/0!"}, "mrc_usd: shows the spreadsheet error #DIV/0!"},
		{"a notice out of range", []string{"X-8", "Lumen", "wave", "", "", "", "", "", "9999"}, `notice_days: "9999" is not between 0 and 3650`},
		{"a long bad value is shortened", []string{"X-9", "Lumen", strings.Repeat("fiber ", 20)}, `service_type: "fiber fiber fiber fiber fiber fiber fib…" is not one of wave, dia, dark_fiber, broadband, ethernet, mpls, lte, other`},
		{"a duplicate label, ignoring case, names the first row", []string{"x-1", "Zayo", "wave"}, `xiber_circuit_label: "x-1" duplicates the label of row 2, "X-1" (labels ignore case)`},
	}
	conv := newConverter(headers, m, false)
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			row := conv.convert(Record{Number: i + 2, Cells: tt.cells})
			var got []string
			for _, e := range row.Errors {
				if e.Row != i+2 {
					t.Errorf("error row %d; want %d", e.Row, i+2)
				}
				got = append(got, e.Field+": "+e.Msg)
			}
			if strings.Join(got, "; ") != tt.wantErrors {
				t.Errorf("errors = %q; want %q", strings.Join(got, "; "), tt.wantErrors)
			}
			if row.Valid() != (tt.wantErrors == "") {
				t.Errorf("Valid() = %v", row.Valid())
			}
		})
	}
	t.Run("an unmapped required field says so", func(t *testing.T) {
		conv := newConverter([]string{"Label"}, DetectMapping([]string{"Label"}), false)
		row := conv.convert(Record{Number: 2, Cells: []string{"X-1"}})
		if len(row.Errors) != 2 || row.Errors[0].Msg != "is required, and no column is mapped to it" {
			t.Errorf("errors = %v", row.Errors)
		}
	})
	t.Run("fields hold typed values", func(t *testing.T) {
		h := []string{"Label", "Carrier", "Service", "Speed", "MRC", "Start", "Term", "Escalator", "A Lat", "Notice"}
		conv := newConverter(h, DetectMapping(h), false)
		row := conv.convert(Record{Number: 2, Cells: []string{"X-1", "Lumen", "Wavelength", "10G", "$2,500.00", "1/15/2024", "36", "3%", "41.5", "60"}})
		want := map[string]any{
			"xiber_circuit_label": "X-1", "carrier_name": "Lumen", "service_type": "wave", "bandwidth_mbps": int64(10000),
			"mrc_usd": models.Money(250000), "contract_term_start_date": models.NewDate(2024, 1, 15),
			"contract_term_months": int64(36), "escalator_pct": models.DecimalFromInt(3), "a_endpoint_lat": 41.5,
			"notice_days": int64(60),
		}
		if fmt.Sprint(row.Fields) != fmt.Sprint(want) || !row.Valid() {
			t.Errorf("fields = %#v, errors %v", row.Fields, row.Errors)
		}
		for k, v := range want {
			if fmt.Sprintf("%T", row.Fields[k]) != fmt.Sprintf("%T", v) {
				t.Errorf("%s is a %T; want %T", k, row.Fields[k], v)
			}
		}
	})
}

func TestPreviewCapsErrorsAndSamples(t *testing.T) {
	var b strings.Builder
	b.WriteString("Label,Carrier,Service\n")
	for i := range 10 {
		fmt.Fprintf(&b, "X-%d,Lumen,wave\nY-%d,,\n", i, i) // each Y row has two errors
	}
	res := preview(t, []byte(b.String()), "c.csv", Options{MaxErrors: 5, SampleRows: 3})
	v := res.Validation
	if v.TotalRows != 20 || v.ValidRows != 10 || v.InvalidRows != 10 || v.ErrorCount != 20 || len(v.Errors) != 5 || !v.ErrorsTruncated {
		t.Errorf("validation = %+v", v)
	}
	if len(res.SampleRows) != 3 || res.SampleRows[2]["xiber_circuit_label"] != "X-2" {
		t.Errorf("samples = %v", res.SampleRows)
	}
	res = preview(t, []byte(b.String()), "c.csv", Options{})
	if len(res.Validation.Errors) != 20 || res.Validation.ErrorsTruncated || len(res.SampleRows) != 10 {
		t.Errorf("with default caps: %d errors listed, truncated %v, %d samples", len(res.Validation.Errors), res.Validation.ErrorsTruncated, len(res.SampleRows))
	}
}

func TestScan(t *testing.T) {
	data := []byte("Label,Carrier,Service,Vendor\nX-1,Lumen,wave,Zayo\nX-2,,wave,Cogent\nX-3,Zayo,dia,Lumen\n")
	t.Run("every row in file order, with the mapping given", func(t *testing.T) {
		var got []string
		err := Scan(bytes.NewReader(data), "c.csv", Options{Mapping: map[string]string{"Vendor": "carrier_name"}}, func(r Row) error {
			got = append(got, fmt.Sprintf("%d %v %v", r.Number, r.Valid(), r.Fields["carrier_name"]))
			return nil
		})
		want := "2 true Zayo|3 true Cogent|4 true Lumen"
		if err != nil || strings.Join(got, "|") != want {
			t.Errorf("rows %q, %v; want %q", strings.Join(got, "|"), err, want)
		}
	})
	t.Run("an error from fn stops the scan", func(t *testing.T) {
		stop := errors.New("stop")
		calls := 0
		err := Scan(bytes.NewReader(data), "c.csv", Options{}, func(Row) error { calls++; return stop })
		if err != stop || calls != 1 {
			t.Errorf("err %v after %d calls", err, calls)
		}
	})
	t.Run("a bad mapping is refused before any row", func(t *testing.T) {
		err := Scan(bytes.NewReader(data), "c.csv", Options{Mapping: map[string]string{"Vendor": "vendor"}}, func(Row) error {
			t.Error("fn called")
			return nil
		})
		if !errors.Is(err, models.ErrInvalid) {
			t.Errorf("error = %v", err)
		}
	})
}
