package imports

import (
	"bytes"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/xiber/netos/models"
)

// File types a Source reads.
const (
	FileTypeCSV  = "csv"
	FileTypeXLSX = "xlsx"
)

// Default limits. Each protects the server from one kind of oversized
// upload; Options can lower them (tests use N and N+1).
const (
	// DefaultMaxUploadBytes caps the uploaded file; the HTTP layer should
	// cap the request body at the same size.
	DefaultMaxUploadBytes = 20 << 20
	// DefaultMaxUnzippedBytes caps the sum of an XLSX's unzipped parts, so a
	// zip bomb is refused from its directory before anything is inflated.
	DefaultMaxUnzippedBytes = 100 << 20
	// DefaultMaxPartBytes is the largest XLSX part held in memory. A larger
	// worksheet or shared-strings part is inflated to a temporary file and
	// streamed from disk; any other part that large is refused.
	DefaultMaxPartBytes = 50 << 20
	// DefaultMaxRows caps the data rows of one import.
	DefaultMaxRows = 100_000
	// DefaultMaxCellChars is Excel's own limit on a cell.
	DefaultMaxCellChars = 32_767
	// DefaultMaxErrors caps the errors a preview lists (it still counts all).
	DefaultMaxErrors = 1_000
	// DefaultSampleRows is how many valid rows a preview shows.
	DefaultSampleRows = 20
)

// headerSearchRows is how many non-blank rows may sit at the top of a file
// before the header: title, export date, filters…
const headerSearchRows = 10

// Options adjust reading; the zero value means every default.
type Options struct {
	// Sheet names the XLSX worksheet to read (matched ignoring case); empty
	// means the first visible sheet holding data. CSV ignores it.
	Sheet string
	// Mapping corrects the detected column mapping, header → field name, ""
	// or "null" to ignore the column (see ResolveMapping).
	Mapping map[string]string

	MaxUploadBytes   int64 // default DefaultMaxUploadBytes
	MaxUnzippedBytes int64 // default DefaultMaxUnzippedBytes
	MaxPartBytes     int64 // default DefaultMaxPartBytes
	MaxRows          int   // default DefaultMaxRows
	MaxCellChars     int   // default DefaultMaxCellChars
	MaxErrors        int   // default DefaultMaxErrors
	SampleRows       int   // default DefaultSampleRows
}

func (o Options) withDefaults() Options {
	if o.MaxUploadBytes <= 0 {
		o.MaxUploadBytes = DefaultMaxUploadBytes
	}
	if o.MaxUnzippedBytes <= 0 {
		o.MaxUnzippedBytes = DefaultMaxUnzippedBytes
	}
	if o.MaxPartBytes <= 0 {
		o.MaxPartBytes = DefaultMaxPartBytes
	}
	// excelize refuses a part threshold above the total.
	o.MaxPartBytes = min(o.MaxPartBytes, o.MaxUnzippedBytes)
	if o.MaxRows <= 0 {
		o.MaxRows = DefaultMaxRows
	}
	if o.MaxCellChars <= 0 {
		o.MaxCellChars = DefaultMaxCellChars
	}
	if o.MaxErrors <= 0 {
		o.MaxErrors = DefaultMaxErrors
	}
	if o.SampleRows <= 0 {
		o.SampleRows = DefaultSampleRows
	}
	return o
}

// Record is one non-blank row below the header, as text.
type Record struct {
	// Number is the row as the user sees it (see Row.Number).
	Number int
	// Cells are the row's cells by column, as Source.Headers lists them;
	// there may be fewer or more cells than headers. A CSV reuses the slice:
	// it is valid until the next call to Next.
	Cells []string
}

// rowReader yields the rows of one sheet or CSV file in order, blank ones
// included, each with its number as the user sees it; io.EOF ends them.
type rowReader interface {
	next() (cells []string, number int, err error)
	close() error
}

// Source streams the data rows of an uploaded CSV or XLSX file, after
// finding its header. Only the upload itself and one row are held in
// memory (and, for an XLSX, its unzipped parts up to MaxPartBytes each).
type Source struct {
	fileType  string
	sheet     string
	sheets    []string
	date1904  bool
	headers   []string
	headerRow int
	opts      Options
	rows      rowReader
	pending   []Record // rows read while looking for the header
	rec       Record
	count     int
	err       error
}

// Open reads an upload, detects its type from its content (and name),
// selects the sheet and finds the header row, leaving the Source before
// the first data row. Errors wrap models.ErrUnsupportedType (not a CSV or
// XLSX: a PDF, an old .xls, a binary), models.ErrTooLarge (over a size
// limit) or models.ErrInvalid (unreadable, empty, invalid UTF-8, unknown
// sheet, a cell over the limit). Close the Source when done.
func Open(r io.Reader, filename string, opts Options) (*Source, error) {
	opts = opts.withDefaults()
	data, err := io.ReadAll(io.LimitReader(r, opts.MaxUploadBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading the upload: %w", err)
	}
	if int64(len(data)) > opts.MaxUploadBytes {
		return nil, fmt.Errorf("the file is over the %s upload limit: %w", formatBytes(opts.MaxUploadBytes), models.ErrTooLarge)
	}
	fileType, data, err := detectType(data, filename)
	if err != nil {
		return nil, err
	}
	s := &Source{fileType: fileType, opts: opts}
	switch fileType {
	case FileTypeXLSX:
		x, err := openXLSX(data, opts)
		if err != nil {
			return nil, err
		}
		s.rows, s.sheet, s.sheets, s.date1904 = x, x.sheet, x.sheets, x.date1904
	default:
		c, err := openCSV(data)
		if err != nil {
			return nil, err
		}
		s.rows = c
	}
	if err := s.findHeader(); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// FileType is FileTypeCSV or FileTypeXLSX.
func (s *Source) FileType() string { return s.fileType }

// Sheet is the XLSX worksheet being read; empty for a CSV.
func (s *Source) Sheet() string { return s.sheet }

// Sheets lists the workbook's sheets in order; nil for a CSV.
func (s *Source) Sheets() []string { return s.sheets }

// Headers are the header row's cells, trimmed, with inner white space
// collapsed, made unique ("Notes", "Notes (2)") and never blank (a blank
// header is named by its column letter: "Column F").
func (s *Source) Headers() []string { return s.headers }

// HeaderRow is the header's row number as the user sees it.
func (s *Source) HeaderRow() int { return s.headerRow }

// Next advances to the next non-blank data row, reporting false at the end
// of the file or on an error (see Err). More than Options.MaxRows data rows
// is an error wrapping models.ErrTooLarge.
func (s *Source) Next() bool {
	if s.err != nil {
		return false
	}
	for {
		var rec Record
		if len(s.pending) > 0 {
			rec, s.pending = s.pending[0], s.pending[1:]
		} else {
			var err error
			if rec, err = s.read(); err != nil {
				if err != io.EOF {
					s.err = err
				}
				return false
			}
		}
		if isBlankRow(rec.Cells) {
			continue
		}
		if err := s.checkCells(rec); err != nil {
			s.err = err
			return false
		}
		s.count++
		if s.count > s.opts.MaxRows {
			s.err = fmt.Errorf("the file has more than %d data rows, the most one import takes: %w", s.opts.MaxRows, models.ErrTooLarge)
			return false
		}
		s.rec = rec
		return true
	}
}

// Record is the row Next advanced to.
func (s *Source) Record() Record { return s.rec }

// Err is the error that stopped Next, or nil at the end of the file.
func (s *Source) Err() error { return s.err }

// Close releases the workbook and its temporary files.
func (s *Source) Close() error { return s.rows.close() }

func (s *Source) read() (Record, error) {
	cells, number, err := s.rows.next()
	return Record{Number: number, Cells: cells}, err
}

// checkCells enforces the cell size limit on a row.
func (s *Source) checkCells(rec Record) error {
	for i, c := range rec.Cells {
		if len(c) <= s.opts.MaxCellChars { // a character is at least a byte
			continue
		}
		if n := utf8.RuneCountInString(c); n > s.opts.MaxCellChars {
			column, _ := excelize.ColumnNumberToName(i + 1)
			if rec.Number > s.headerRow && i < len(s.headers) {
				column += ` ("` + s.headers[i] + `")`
			}
			return models.Invalid("file", "cell_too_long",
				"row %d, column %s holds %d characters; a cell may hold at most %d",
				rec.Number, column, n, s.opts.MaxCellChars)
		}
	}
	return nil
}

// findHeader reads up to headerSearchRows non-blank rows, picks the header
// among them and keeps the rows after it for Next.
func (s *Source) findHeader() error {
	var top []Record
	for len(top) < headerSearchRows {
		rec, err := s.read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if !isBlankRow(rec.Cells) {
			rec.Cells = append([]string(nil), rec.Cells...) // a CSV reuses its slice
			top = append(top, rec)
		}
	}
	if len(top) == 0 {
		return models.Invalid("file", "empty", "the file has no rows")
	}
	h := pickHeader(top)
	s.headerRow = top[h].Number
	s.headers = headerNames(top[h].Cells)
	s.pending = top[h+1:]
	// Checked once the header is known, so a message can name the column.
	for _, rec := range top[:h+1] {
		if err := s.checkCells(rec); err != nil {
			return err
		}
	}
	return nil
}

// pickHeader chooses the row that names the most known fields, the first
// on a tie. When no row names any, it takes the first row whose cells are
// all text and at least as many as half the widest row's, as header rows are.
func pickHeader(rows []Record) int {
	best, bestKnown, widest := 0, 0, 0
	for i, r := range rows {
		known := 0
		for _, c := range r.Cells {
			if _, _, ok := matchHeader(c); ok {
				known++
			}
		}
		if known > bestKnown {
			best, bestKnown = i, known
		}
		widest = max(widest, filledCells(r.Cells))
	}
	if bestKnown > 0 {
		return best
	}
	for i, r := range rows {
		if n := filledCells(r.Cells); n >= 2 && 2*n >= widest && allText(r.Cells) {
			return i
		}
	}
	return 0
}

func filledCells(cells []string) int {
	n := 0
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			n++
		}
	}
	return n
}

// allText reports whether no filled cell is a number, as in a header.
func allText(cells []string) bool {
	for _, c := range cells {
		if c = strings.TrimSpace(c); c != "" {
			if _, err := strconv.ParseFloat(strings.ReplaceAll(c, ",", ""), 64); err == nil {
				return false
			}
		}
	}
	return true
}

func isBlankRow(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// headerNames cleans the header cells into unique, non-blank names, and
// drops blank cells at the end of the row (exports pad rows with commas).
func headerNames(cells []string) []string {
	end := len(cells)
	for end > 0 && strings.TrimSpace(cells[end-1]) == "" {
		end--
	}
	names := make([]string, end)
	seen := map[string]int{}
	for i, c := range cells[:end] {
		name := strings.Join(strings.Fields(c), " ")
		if name == "" {
			letter, _ := excelize.ColumnNumberToName(i + 1)
			name = "Column " + letter
		}
		key := strings.ToLower(name)
		seen[key]++
		if n := seen[key]; n > 1 {
			name = fmt.Sprintf("%s (%d)", name, n)
		}
		names[i] = name
	}
	return names
}

// Magic numbers of the file types people upload by mistake.
var binarySignatures = []struct {
	prefix string
	what   string
}{
	{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "an Excel 97–2003 workbook (.xls) or a password-protected one (save it as .xlsx, without a password)"},
	{"%PDF-", "a PDF document"},
	{"\x1F\x8B", "a gzip archive"},
	{"\x89PNG", "a PNG image"},
	{"\xFF\xD8\xFF", "a JPEG image"},
	{"GIF8", "a GIF image"},
	{"Rar!", "a RAR archive"},
	{"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"},
	{"{\\rtf", "an RTF document"},
}

// detectType decides from the content whether data is an XLSX (a ZIP) or
// CSV text, and returns the text as UTF-8 without a byte-order mark.
func detectType(data []byte, filename string) (string, []byte, error) {
	name := baseName(filename)
	if name == "" {
		name = "the file"
	}
	unsupported := func(what string) error {
		return fmt.Errorf("%s is %s; upload a CSV or XLSX file: %w", name, what, models.ErrUnsupportedType)
	}
	if len(data) == 0 {
		return "", nil, models.Invalid("file", "empty", "the file is empty")
	}
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("PK\x05\x06")) {
		return FileTypeXLSX, data, nil
	}
	for _, sig := range binarySignatures {
		if bytes.HasPrefix(data, []byte(sig.prefix)) {
			return "", nil, unsupported(sig.what)
		}
	}
	switch {
	case bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")):
		data = data[3:]
	case bytes.HasPrefix(data, []byte("\xFF\xFE")):
		data = decodeUTF16(data[2:], false) // Excel's "Unicode Text" export
	case bytes.HasPrefix(data, []byte("\xFE\xFF")):
		data = decodeUTF16(data[2:], true)
	}
	if bytes.IndexByte(data[:min(len(data), 8<<10)], 0) >= 0 {
		return "", nil, unsupported("a binary file")
	}
	head := strings.ToLower(strings.TrimSpace(string(data[:min(len(data), 512)])))
	for _, markup := range []string{"<!doctype", "<html", "<?xml", "<table"} {
		if strings.HasPrefix(head, markup) {
			return "", nil, unsupported("an HTML or XML document (some tools save those as .xls)")
		}
	}
	switch ext := strings.ToLower(path.Ext(name)); ext {
	case ".xlsx", ".xlsm", ".xls":
		return "", nil, unsupported("text, though named " + ext)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return "", nil, models.Invalid("file", "empty", "the file is empty")
	}
	return FileTypeCSV, data, nil
}

// baseName is the file name without the client's folders ("" stays "").
func baseName(filename string) string {
	if filename == "" {
		return ""
	}
	return path.Base(strings.ReplaceAll(filename, `\`, "/"))
}

// decodeUTF16 converts UTF-16 text to UTF-8 (a trailing odd byte is dropped).
func decodeUTF16(b []byte, bigEndian bool) []byte {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return []byte(string(utf16.Decode(u)))
}

// formatBytes writes a size the way limits are spoken of: "20 MB", "512 bytes".
func formatBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	default:
		return fmt.Sprintf("%d bytes", n)
	}
}
