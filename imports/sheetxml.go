package imports

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// The rows of a worksheet are read by the scanner of this file and
// xmlscan.go rather than by excelize's Rows.Columns, which decodes each
// cell through encoding/xml's Token API and, on its first call, the whole
// shared-strings table. On the 100,000-row benchmark workbook
// (BenchmarkReadXLSX100k: 1.7 million cells, 300,000 shared strings)
// reading the rows with excelize costs about 4 µs and 19 allocations a
// cell, the table close to a second of it; through Open and Next, the
// workbook opened, checked and inflated, the scanner's read costs about
// 0.55 µs and 0.3 allocations a cell. It returns exactly what Rows.Next
// and Columns(RawCellValue) return for a well-formed sheet, quirks
// included: values as stored, not as formatted (2500.5 rather than
// "$2,501", the serial 46022 rather than "12-31-25"), formulas' cached
// results; sheetxml_test.go compares the two cell for cell. Where
// encoding/xml stops on malformed XML, which excelize takes silently for
// the end of the sheet, the scanner reports an error.

// sheetBufferSize is the read buffer of a streamed part.
const sheetBufferSize = 64 << 10

// sheetBook is an XLSX archive as the scanner reads it: its parts, the
// part of each sheet and the shared strings, decoded once.
type sheetBook struct {
	parts      map[string]*zip.File // by name, "\" read as "/"
	sheets     map[string]*zip.File // worksheet parts by sheet name
	book, rels string               // the workbook part and its relationships
	strs       *sharedStrings
}

// openSheetBook maps the sheets to their parts and decodes the shared
// strings. Part names are read as excelize reads them: "\" as "/", the
// last of equal names winning, xl/sharedStrings.xml in any case.
func openSheetBook(zr *zip.Reader, opts Options) (*sheetBook, error) {
	b := &sheetBook{parts: make(map[string]*zip.File, len(zr.File)), sheets: map[string]*zip.File{}}
	var sst *zip.File
	for _, f := range zr.File {
		name := strings.ReplaceAll(f.Name, `\`, "/")
		b.parts[name] = f
		if strings.EqualFold(name, "xl/sharedStrings.xml") {
			sst = f
		}
	}
	if err := b.mapSheets(); err != nil {
		return nil, err
	}
	var err error
	if b.strs, err = readSharedStrings(sst, opts); err != nil {
		return nil, err
	}
	return b, nil
}

// mapSheets finds each sheet's part as excelize's getSheetMap does: the
// workbook is the package's office document; a sheet's r:id names one of
// the workbook's relationships, whose target is relative to the
// workbook's folder unless it starts with "/".
func (b *sheetBook) mapSheets() error {
	var root relationships
	if err := readXMLPart(b.parts["_rels/.rels"], &root); err != nil {
		return err
	}
	for _, rel := range root.Rels {
		if rel.Type == relsNamespace+"/officeDocument" {
			b.book = strings.TrimPrefix(rel.Target, "/")
			break
		}
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := readXMLPart(b.parts[b.book], &wb); err != nil {
		return err
	}
	dir := path.Dir(b.book)
	b.rels = strings.TrimPrefix(dir+"/_rels/"+path.Base(b.book)+".rels", "/")
	if dir == "." {
		b.rels = "_rels/" + path.Base(b.book) + ".rels"
	}
	var rels relationships
	if err := readXMLPart(b.parts[b.rels], &rels); err != nil {
		return err
	}
	for _, s := range wb.Sheets {
		for _, rel := range rels.Rels {
			if rel.ID != s.ID {
				continue
			}
			target := rel.Target
			if !strings.HasPrefix(target, "/") {
				target = dir + "/" + target
			}
			if f, ok := b.parts[strings.TrimPrefix(strings.ReplaceAll(path.Clean(target), `\`, "/"), "/")]; ok {
				b.sheets[s.Name] = f
			}
		}
	}
	return nil
}

// relsNamespace is the relationships namespace of transitional OOXML;
// strict OOXML's is read as this one, as excelize reads it.
const (
	relsNamespace       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	strictRelsNamespace = "http://purl.oclc.org/ooxml/officeDocument/relationships"
)

type relationships struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Target string `xml:",attr"`
		Type   string `xml:",attr"`
	} `xml:"Relationship"`
}

// readXMLPart decodes a small part (checkArchive bounds it by
// MaxPartBytes); a missing or empty part leaves v empty.
func readXMLPart(f *zip.File, v any) error {
	if f == nil {
		return nil
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		return err
	}
	data = bytes.ReplaceAll(data, []byte(strictRelsNamespace), []byte(relsNamespace))
	if err := xml.Unmarshal(data, v); err != nil && err != io.EOF {
		return fmt.Errorf("%s: %w", f.Name, err)
	}
	return nil
}

// rows starts streaming a sheet from its part, never holding the part in
// memory.
func (b *sheetBook) rows(sheet string) (*sheetRows, error) {
	part := b.sheets[sheet]
	if part == nil {
		return nil, fmt.Errorf("no worksheet part for sheet %q", sheet)
	}
	rc, err := part.Open()
	if err != nil {
		return nil, err
	}
	return &sheetRows{x: newXMLScanner(rc, sheetBufferSize), part: rc, strs: b.strs}, nil
}

// hasData reads a sheet until its first non-blank row.
func (b *sheetBook) hasData(sheet string) (bool, error) {
	rows, err := b.rows(sheet)
	if err != nil {
		return false, err
	}
	defer rows.close()
	for {
		cells, _, err := rows.next()
		if err == io.EOF {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		if !isBlankRow(cells) {
			return true, nil
		}
	}
}

// miniature is a workbook of the parts excelize formats cells with: the
// package and workbook relationships, the workbook (its calendar) and the
// styles, copied as they are, with sheetXML as the sheet's part.
func (b *sheetBook) miniature(sheet string, sheetXML []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"_rels/.rels", b.book, b.rels, "xl/styles.xml"} {
		if f := b.parts[name]; f != nil {
			if err := zw.Copy(f); err != nil {
				return nil, err
			}
		}
	}
	w, err := zw.Create(b.sheets[sheet].Name)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(sheetXML); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func (b *sheetBook) close() error { return b.strs.close() }

// sheetRows reads a worksheet row by row as excelize's Rows does.
type sheetRows struct {
	x    *xmlScanner
	part io.Closer
	strs *sharedStrings

	// Rows' own state: cur is the number of the last <row> met, seek the
	// row Next stands on (Next steps through missing rows one by one);
	// pending is a <row> start Next read and Columns has yet to take.
	cur, seek, number int
	pending           bool
	pendingErr        error

	row  []byte // the values of the row being read, back to back
	ends []int  // where each cell's value ends in row
	v    []byte // the cell's <v>
	item stringItem

	// keepFormats has formats hold each cell's t and s, for
	// percentColumns.
	keepFormats bool
	formats     []cellFormat
}

// cellFormat is a cell's type and style attributes, decoded.
type cellFormat struct{ t, s string }

// next returns the cells of the next row and its number, io.EOF after the
// last row: Rows.Next then Columns.
func (r *sheetRows) next() ([]string, int, error) {
	r.seek++
	if r.cur < r.seek {
		found, err := r.findRow()
		if err != nil {
			return nil, 0, err
		}
		if !found {
			return nil, 0, io.EOF
		}
	}
	r.number++
	if r.cur > r.seek { // a row missing from the XML
		return nil, r.number, nil
	}
	cells, err := r.columns()
	if err != nil {
		return nil, 0, err
	}
	return cells, r.number, nil
}

// findRow is Next: it looks for the next <row> at any depth, until the end
// of <sheetData>.
func (r *sheetRows) findRow() (bool, error) {
	x := r.x
	for {
		if err := x.next(); err != nil {
			return false, err
		}
		switch {
		case x.kind == tokEOF:
			return false, nil
		case x.kind == tokEnd && string(x.name) == "sheetData":
			return false, nil
		case x.kind == tokStart && string(x.name) == "row":
			r.cur++
			n, err := rowNumber(x.attrs)
			if n > excelize.TotalRows {
				return false, excelize.ErrMaxRows
			}
			if n != 0 {
				r.cur = n
			}
			r.pending, r.pendingErr = true, err // Next ignores a bad r; Columns does not
			return true, nil
		}
	}
}

// columns is Columns: it reads cells until the next <row> start whose
// number is past the current row. A row numbered at or before it (rows out
// of order) adds its cells to the current row, as in excelize.
func (r *sheetRows) columns() ([]string, error) {
	r.row, r.ends, r.formats = r.row[:0], r.ends[:0], r.formats[:0]
	if r.pending {
		r.pending = false
		if r.pendingErr != nil {
			return nil, r.pendingErr
		}
	}
	x := r.x
	col := 0
	for {
		if err := x.next(); err != nil {
			return nil, err
		}
		switch {
		case x.kind == tokEOF:
			return r.cells(), nil
		case x.kind == tokEnd && string(x.name) == "sheetData":
			return r.cells(), nil
		case x.kind == tokStart && string(x.name) == "row":
			n, err := rowNumber(x.attrs)
			if n > excelize.TotalRows {
				return nil, excelize.ErrMaxRows
			}
			if n != 0 {
				r.cur = n
			} else {
				r.cur++
			}
			if err != nil {
				return nil, err
			}
			if r.cur > r.seek {
				return r.cells(), nil
			}
		case x.kind == tokStart && string(x.name) == "c":
			col++
			if err := r.cell(&col); err != nil {
				return nil, err
			}
		}
	}
}

// cells makes the row's values one string and slices it; nil when no cell
// was kept, as excelize returns.
func (r *sheetRows) cells() []string {
	if len(r.ends) == 0 {
		return nil
	}
	all := string(r.row)
	cells := make([]string, len(r.ends))
	start := 0
	for i, end := range r.ends {
		cells[i] = all[start:end]
		start = end
	}
	return cells
}

// cell reads a <c> just started, as excelize's cellXMLHandler and
// getValueFrom (raw) do. col is the cell's column, the previous one's plus
// one unless r says otherwise. A cell is kept when it has a value or a
// formula; blanks fill the gap before it, and a cell at or left of the
// last kept one is added at the end.
func (r *sheetRows) cell(col *int) error {
	x := r.x
	var ref []byte
	var format cellFormat
	kind, badStyle := valueNumber, false
attrs:
	for _, a := range x.attrs {
		switch string(a.name) {
		case "r":
			v, err := attrValue(a.value)
			if err != nil {
				return err
			}
			ref = v
		case "s":
			v, err := attrValue(a.value)
			if err != nil {
				return err
			}
			if !isInt64(v) {
				// excelize stops reading the cell here: later attributes
				// and the value are lost, so the cell is blank.
				badStyle = true
				break attrs
			}
			if r.keepFormats {
				format.s = string(v)
			}
		case "t":
			v, err := attrValue(a.value)
			if err != nil {
				return err
			}
			kind = valueKind(v)
			if r.keepFormats {
				format.t = string(v)
			}
		}
	}
	if ref != nil {
		c, err := cellColumn(ref)
		if err != nil {
			return err
		}
		*col = c
	}
	if badStyle {
		return x.skip()
	}
	r.v = r.v[:0]
	r.item.reset()
	formula, inline := false, false
	depth := len(x.ends)
	for {
		if err := x.next(); err != nil {
			return err
		}
		if x.kind == tokEnd && len(x.ends) < depth {
			break
		}
		if x.kind != tokStart {
			continue
		}
		// Like excelize, look for <v>, <f> and <is> at any depth.
		var err error
		switch string(x.name) {
		case "v":
			r.v, err = x.readChars(r.v[:0])
		case "f":
			formula = true
			err = x.skip()
		case "is":
			inline = true
			err = x.readStringItem(&r.item)
		}
		if err != nil {
			return err
		}
	}
	start := len(r.row)
	var err error
	switch {
	case kind == valueShared && len(r.v) > 0:
		r.row, err = r.strs.appendString(r.row, sharedIndex(r.v))
	case kind == valueShared:
	case kind == valueInline && inline:
		r.row = r.item.appendString(r.row)
	default:
		r.row = append(r.row, r.v...)
	}
	if err != nil {
		return err
	}
	if len(r.row) == start && !formula {
		return nil
	}
	for len(r.ends) < *col-1 {
		r.ends = append(r.ends, start)
	}
	r.ends = append(r.ends, len(r.row))
	if r.keepFormats {
		r.formats = append(r.formats, make([]cellFormat, len(r.ends)-1-len(r.formats))...)
		r.formats = append(r.formats, format)
	}
	return nil
}

// Cell types that read differently (t=""): every other type, "b", "d", "e",
// "str" or none, reads as its <v>.
const (
	valueNumber = iota
	valueShared
	valueInline
)

func valueKind(t []byte) int {
	switch string(t) {
	case "s":
		return valueShared
	case "inlineStr":
		return valueInline
	}
	return valueNumber
}

// rowNumber reads a row's r as excelize's attrValToInt: 0 when absent, the
// last one when repeated, strconv's result and error when not a number.
func rowNumber(attrs []xmlAttr) (n int, err error) {
	for _, a := range attrs {
		if string(a.name) != "r" {
			continue
		}
		v, err := attrValue(a.value)
		if err != nil {
			return 0, err
		}
		if n, err = strconv.Atoi(string(v)); err != nil {
			return n, err
		}
	}
	return n, nil
}

// cellColumn is the column of a cell reference, as
// excelize.CellNameToCoordinates finds it; plain references like "AB12"
// skip its allocations.
func cellColumn(ref []byte) (int, error) {
	letters := 0
	for letters < len(ref) && 'A' <= ref[letters] && ref[letters] <= 'Z' {
		letters++
	}
	digits := len(ref) - letters
	if letters >= 1 && letters <= 3 && digits >= 1 && digits <= 7 {
		col, row := 0, 0
		for _, c := range ref[:letters] {
			col = col*26 + int(c-'A'+1)
		}
		for _, c := range ref[letters:] {
			if c < '0' || c > '9' {
				row = -1
				break
			}
			row = row*10 + int(c-'0')
		}
		if row >= 1 && row <= excelize.TotalRows && col <= excelize.MaxColumns {
			return col, nil
		}
	}
	col, _, err := excelize.CellNameToCoordinates(string(ref))
	return col, err
}

// isInt64 says whether strconv.ParseInt(s, 10, 64) succeeds, as excelize
// requires of a cell's style index.
func isInt64(s []byte) bool {
	if len(s) == 0 || len(s) > 18 {
		_, err := strconv.ParseInt(string(s), 10, 64)
		return err == nil
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			_, err := strconv.ParseInt(string(s), 10, 64)
			return err == nil
		}
	}
	return true
}

// sharedIndex reads a shared-string cell's value as excelize does:
// strconv.Atoi of the trimmed text, 0 when that fails.
func sharedIndex(v []byte) int {
	if len(v) <= 9 {
		n := 0
		for _, c := range v {
			if c < '0' || c > '9' {
				n = -1
				break
			}
			n = n*10 + int(c-'0')
		}
		if n >= 0 {
			return n
		}
	}
	n, _ := strconv.Atoi(strings.TrimSpace(string(v)))
	return n
}

func (r *sheetRows) close() error { return r.part.Close() }
