package imports

import "io"

// Result is the preview of a circuit import, shaped as CONTRACT.md's Import
// job. The caller stores the upload and fills ImportJobID.
type Result struct {
	ImportJobID string `json:"import_job_id"`
	Filename    string `json:"filename"`
	FileType    string `json:"file_type"`
	// Sheet is the worksheet read; empty for a CSV. Pass it back as
	// Options.Sheet at commit.
	Sheet string `json:"sheet"`
	// Sheets lists the workbook's sheets, so a client can offer another.
	Sheets []string `json:"sheets,omitempty"`
	// HeaderRow is the row (as the user sees it) taken as the header.
	HeaderRow int      `json:"header_row"`
	Headers   []string `json:"headers"`
	// ColumnMapping is header → field or null. Pass ColumnMapping.Override()
	// back as Options.Mapping at commit.
	ColumnMapping ColumnMapping `json:"column_mapping"`
	// SampleRows are the first valid rows as they will be stored.
	SampleRows []map[string]any `json:"sample_rows"`
	Validation Validation       `json:"validation"`
}

// Validation summarises the rows of a preview.
type Validation struct {
	TotalRows   int `json:"total_rows"`
	ValidRows   int `json:"valid_rows"`
	InvalidRows int `json:"invalid_rows"`
	// Errors lists the errors in file order, the first Options.MaxErrors of them.
	Errors []RowError `json:"errors"`
	// ErrorCount counts every error, listed or not.
	ErrorCount int `json:"error_count"`
	// ErrorsTruncated reports that Errors stops short of ErrorCount.
	ErrorsTruncated bool `json:"errors_truncated"`
}

// Preview reads a whole upload and reports how it would import: the
// detected sheet, header and column mapping (corrected by opts.Mapping),
// row counts, errors and sample rows. It holds one row at a time, so
// memory does not grow with the row count. Errors are those of Open and
// ResolveMapping, and models.ErrTooLarge past Options.MaxRows; on error no
// result is returned.
func Preview(r io.Reader, filename string, opts Options) (*Result, error) {
	return previewEach(r, filename, opts, nil)
}

// previewEach is Preview that also hands each row, valid or not, to each
// (when not nil) as it goes; an error from each stops the preview.
func previewEach(r io.Reader, filename string, opts Options, each func(Row) error) (*Result, error) {
	opts = opts.withDefaults()
	res := &Result{Filename: baseName(filename), SampleRows: []map[string]any{}}
	res.Validation.Errors = []RowError{}
	err := scan(r, filename, opts, func(src *Source, m ColumnMapping) {
		res.FileType, res.Sheet, res.Sheets = src.FileType(), src.Sheet(), src.Sheets()
		res.HeaderRow, res.Headers, res.ColumnMapping = src.HeaderRow(), src.Headers(), m
	}, func(row Row) error {
		if each != nil {
			if err := each(row); err != nil {
				return err
			}
		}
		v := &res.Validation
		v.TotalRows++
		if row.Valid() {
			v.ValidRows++
			if len(res.SampleRows) < opts.SampleRows {
				res.SampleRows = append(res.SampleRows, row.Fields)
			}
			return nil
		}
		v.InvalidRows++
		v.ErrorCount += len(row.Errors)
		room := max(0, opts.MaxErrors-len(v.Errors))
		v.Errors = append(v.Errors, row.Errors[:min(room, len(row.Errors))]...)
		v.ErrorsTruncated = v.ErrorCount > len(v.Errors)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

// Scan reads an upload as Preview does and calls fn with every data row,
// valid or not (see Row.Valid), in file order, without holding them: the
// commit step re-reads the stored upload with the preview's Options.Sheet
// and Options.Mapping. An error from fn stops the scan and is returned
// as is. Scan can fail after calling fn (models.ErrTooLarge past
// Options.MaxRows), so commit the rows in one transaction.
func Scan(r io.Reader, filename string, opts Options, fn func(Row) error) error {
	return scan(r, filename, opts.withDefaults(), func(*Source, ColumnMapping) {}, fn)
}

// scan opens the upload, resolves the mapping, tells opened about both,
// then converts each data row and hands it to fn.
func scan(r io.Reader, filename string, opts Options, opened func(*Source, ColumnMapping), fn func(Row) error) error {
	src, err := Open(r, filename, opts)
	if err != nil {
		return err
	}
	defer src.Close()
	m, err := ResolveMapping(src.Headers(), opts.Mapping)
	if err != nil {
		return err
	}
	opened(src, m)
	conv := newConverter(src.Headers(), m, src.date1904)
	for src.Next() {
		if err := fn(conv.convert(src.Record())); err != nil {
			return err
		}
	}
	return src.Err()
}
