package imports

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"unicode/utf8"

	"github.com/xiber/netos/models"
)

// csvDelimiters are the separators exports use, in order of preference on a tie.
var csvDelimiters = []rune{',', ';', '\t', '|'}

// sniffRecords is how many records the delimiter guess looks at.
const sniffRecords = 50

// csvRows reads records with encoding/csv, numbering each by the physical
// line on which it starts.
type csvRows struct {
	r          *csv.Reader
	lineOffset int // lines consumed before the reader (a "sep=" line)
}

// openCSV checks the text and prepares to read it: valid UTF-8, every
// quoted field closed, the delimiter guessed from the first records.
func openCSV(data []byte) (*csvRows, error) {
	if !utf8.Valid(data) {
		bad := firstInvalidUTF8(data)
		return nil, models.Invalid("file", "encoding",
			"line %d is not valid UTF-8 (byte 0x%02X); save the file as \"CSV UTF-8\"",
			1+bytes.Count(data[:bad], []byte("\n")), data[bad])
	}
	// Classic Mac files end lines with CR alone, which encoding/csv keeps
	// inside the field.
	if bytes.IndexByte(data, '\n') < 0 {
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	}
	c := &csvRows{}
	// Excel honours (and writes) a first line "sep=;" naming the delimiter.
	delim, ok := rune(0), false
	if line, rest, found := bytes.Cut(data, []byte("\n")); found || len(line) > 0 {
		line = bytes.TrimRight(line, "\r")
		if len(line) == 5 && bytes.EqualFold(line[:4], []byte("sep=")) {
			delim, ok, data, c.lineOffset = rune(line[4]), true, rest, 1
		}
	}
	if !ok {
		delim = sniffDelimiter(data)
	}
	if line, open := unclosedQuote(data, byte(delim)); open {
		return nil, models.Invalid("file", "csv_quote",
			"line %d opens a quoted field that is never closed", line+c.lineOffset)
	}
	c.r = csv.NewReader(bytes.NewReader(data))
	c.r.Comma = delim
	c.r.FieldsPerRecord = -1
	c.r.LazyQuotes = true // a stray quote (12" rack) is text, not an error
	c.r.ReuseRecord = true
	return c, nil
}

func (c *csvRows) next() ([]string, int, error) {
	rec, err := c.r.Read()
	if err == io.EOF {
		return nil, 0, io.EOF
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, 0, models.Invalid("file", "csv", "line %d: %v", pe.StartLine+c.lineOffset, pe.Err)
		}
		return nil, 0, err
	}
	line, _ := c.r.FieldPos(0)
	return rec, line + c.lineOffset, nil
}

func (c *csvRows) close() error { return nil }

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return 0
}

// sniffDelimiter guesses the delimiter from the first records: the one
// that splits the most records into the same number of fields (title rows
// above the header split differently), then the one giving more fields.
// Delimiters inside quoted fields do not count.
func sniffDelimiter(data []byte) rune {
	counts := make([][]int, len(csvDelimiters)) // per delimiter, per record
	cur := make([]int, len(csvDelimiters))
	inQuote, records, blank := false, 0, true
	endRecord := func() {
		if !blank {
			for d := range csvDelimiters {
				counts[d] = append(counts[d], cur[d])
			}
			records++
		}
		clear(cur)
		blank = true
	}
	for i := 0; i < len(data) && records < sniffRecords; i++ {
		b := data[i]
		switch {
		case b == '"':
			inQuote = !inQuote // a doubled quote toggles twice
		case inQuote:
		case b == '\n':
			endRecord()
			continue
		case b == '\r':
			continue
		default:
			for d, delim := range csvDelimiters {
				if rune(b) == delim {
					cur[d]++
				}
			}
		}
		blank = false
	}
	endRecord()
	best, bestAgree, bestFields := ',', 0, 0
	for d, delim := range csvDelimiters {
		agree, fields := modeCount(counts[d])
		if fields > 0 && (agree > bestAgree || agree == bestAgree && fields > bestFields) {
			best, bestAgree, bestFields = delim, agree, fields
		}
	}
	return best
}

// modeCount is the most frequent non-zero value of counts (the larger on a
// tie) and how often it occurs.
func modeCount(counts []int) (freq, value int) {
	seen := map[int]int{}
	for _, n := range counts {
		if n > 0 {
			seen[n]++
		}
	}
	for v, f := range seen {
		if f > freq || f == freq && v > value {
			freq, value = f, v
		}
	}
	return freq, value
}

// unclosedQuote finds a quoted field that runs to the end of the file,
// which encoding/csv with LazyQuotes would silently read as one huge cell
// swallowing every later row. It follows encoding/csv's rules: a quote
// opens a field only at its start, and inside one a quote not followed by
// a delimiter or line end is text.
func unclosedQuote(data []byte, delim byte) (line int, open bool) {
	lineNo, startLine := 1, 0
	inQuote, fieldStart := false, true
	for i := 0; i < len(data); i++ {
		b := data[i]
		if b == '\n' {
			lineNo++
		}
		if inQuote {
			if b != '"' {
				continue
			}
			if i+1 < len(data) && data[i+1] == '"' {
				i++
				continue
			}
			if i+1 == len(data) || data[i+1] == delim || data[i+1] == '\n' || data[i+1] == '\r' {
				inQuote = false
			}
			continue
		}
		switch {
		case b == '"' && fieldStart:
			inQuote, startLine = true, lineNo
		case b == delim || b == '\n':
			fieldStart = true
			continue
		}
		fieldStart = false
	}
	return startLine, inQuote
}
