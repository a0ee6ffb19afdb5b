package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/xiber/netos/app"
	"github.com/xiber/netos/auth"
	"github.com/xiber/netos/imports"
)

const importUsage = "usage: netos import circuits FILE [--commit] [--sheet S] [--mapping JSON] [--database-url URL] [--data-dir DIR]"

// cliPrincipal is who the shell's imports are audited as.
var cliPrincipal = auth.Principal{User: "cli", Role: auth.Exec}

// importCmd runs `netos import circuits FILE`: the preview as tables and,
// with --commit, the commit, through the same import service as REST.
func (m *Main) importCmd(ctx context.Context, args []string) error {
	var cfg Config
	var commit bool
	var sheet, mapping string
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	cfg.bindFlags(fs)
	fs.BoolVar(&commit, "commit", false, "commit the valid rows after the preview")
	fs.StringVar(&sheet, "sheet", "", "XLSX worksheet to read (default: the first with data)")
	fs.StringVar(&mapping, "mapping", "", `column mapping corrections as JSON, {"Header": "field" or null}`)
	// Flags may come before or after the positional arguments.
	var pos []string
	for rest := args; ; {
		if err := fs.Parse(rest); err != nil {
			return err
		}
		if fs.NArg() == 0 {
			break
		}
		pos, rest = append(pos, fs.Arg(0)), fs.Args()[1:]
	}
	if len(pos) != 2 || pos[0] != "circuits" {
		return errors.New(importUsage)
	}
	var override map[string]string
	if mapping != "" {
		var m map[string]*string
		if err := json.Unmarshal([]byte(mapping), &m); err != nil {
			return fmt.Errorf(`--mapping must be a JSON object {"Header": "field" or null}: %w`, err)
		}
		override = map[string]string{}
		for h, f := range m {
			override[h] = ""
			if f != nil {
				override[h] = *f
			}
		}
	}
	if err := cfg.loadEnv(); err != nil {
		return err
	}
	data, err := os.ReadFile(pos[1])
	if err != nil {
		return err
	}
	a, err := app.Open(ctx, cfg.appConfig())
	if err != nil {
		return err
	}
	defer a.Close()
	ctx = auth.WithPrincipal(ctx, cliPrincipal)

	bar := newProgress(m.Stderr, data)
	job, err := a.Imports.Preview(ctx, filepath.Base(pos[1]), bytes.NewReader(data), imports.PreviewInput{
		Sheet: sheet, Mapping: override, Progress: bar.update,
	})
	bar.done()
	if err != nil {
		return err
	}
	printPreview(m.Stdout, job)
	if !commit {
		fmt.Fprintf(m.Stdout, "\nNothing written. Run again with --commit to import the %d valid rows.\n", job.Validation.ValidRows)
		return nil
	}
	res, err := a.Imports.Commit(ctx, job.ImportJobID, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "\nCommitted: %d inserted, %d updated (%d unchanged), %d invalid rows skipped.\n",
		res.Inserted, res.Updated, res.Unchanged, res.Invalid)
	return nil
}

// sampleColumns are the fields shown for sample rows, when present.
var sampleColumns = []string{"xiber_circuit_label", "carrier_name", "service_type", "bandwidth_mbps", "status",
	"mrc_usd", "contract_term_end_date"}

// printPreview writes a preview as the REST answer says it, in tables.
func printPreview(w io.Writer, job *imports.Job) {
	sheet := job.Sheet
	if sheet == "" {
		sheet = "-"
	}
	fmt.Fprintf(w, "File:    %s (%s), sheet %s, header on row %d\n", job.Filename, job.FileType, sheet, job.HeaderRow)
	fmt.Fprintf(w, "Job:     %s (expires %s)\n\n", job.ImportJobID, job.ExpiresAt.Format("2006-01-02 15:04 MST"))

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "COLUMN\tFIELD")
	for _, h := range job.Headers {
		f := "(ignored)"
		if p := job.ColumnMapping[h]; p != nil {
			f = *p
		}
		fmt.Fprintf(tw, "%s\t%s\n", h, f)
	}
	tw.Flush()

	v := job.Validation
	fmt.Fprintf(w, "\nRows:    %d total, %d valid, %d invalid\n", v.TotalRows, v.ValidRows, v.InvalidRows)
	if len(v.Errors) > 0 {
		fmt.Fprintln(w)
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "ROW\tFIELD\tPROBLEM")
		for _, e := range v.Errors {
			fmt.Fprintf(tw, "%d\t%s\t%s\n", e.Row, e.Field, e.Msg)
		}
		tw.Flush()
		if v.ErrorsTruncated {
			fmt.Fprintf(w, "… and %d more errors\n", v.ErrorCount-len(v.Errors))
		}
	}
	if len(job.SampleRows) == 0 {
		return
	}
	var cols []string
	for _, c := range sampleColumns {
		if slices.ContainsFunc(job.SampleRows, func(r map[string]any) bool { _, ok := r[c]; return ok }) {
			cols = append(cols, c)
		}
	}
	fmt.Fprintf(w, "\nSample rows (first %d valid, as they will be stored):\n", len(job.SampleRows))
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.ToUpper(strings.Join(cols, "\t")))
	for _, r := range job.SampleRows {
		cells := make([]string, len(cols))
		for i, c := range cols {
			if x, ok := r[c]; ok {
				cells[i] = fmt.Sprint(x)
			}
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	tw.Flush()
}

// progress draws a bar on a terminal while a large file is read; it draws
// nothing when the output is not a terminal or the file is small.
type progress struct {
	w     io.Writer
	total int // estimated rows; 0 when unknown (XLSX)
	drawn bool
}

// progressMinBytes is the size below which no bar is drawn.
const progressMinBytes = 1 << 20

func newProgress(w io.Writer, data []byte) *progress {
	f, ok := w.(*os.File)
	if !ok || len(data) < progressMinBytes {
		return &progress{}
	}
	if st, err := f.Stat(); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return &progress{}
	}
	p := &progress{w: w}
	if !bytes.HasPrefix(data, []byte("PK")) {
		p.total = max(1, bytes.Count(data, []byte("\n"))-1)
	}
	return p
}

func (p *progress) update(rows int) {
	if p.w == nil {
		return
	}
	p.drawn = true
	if p.total == 0 {
		fmt.Fprintf(p.w, "\rReading rows… %d", rows)
		return
	}
	const width = 40
	frac := min(1, float64(rows)/float64(p.total))
	n := int(frac * width)
	fmt.Fprintf(p.w, "\rReading [%s%s] %3.0f%% %d rows", strings.Repeat("█", n), strings.Repeat(" ", width-n), frac*100, rows)
}

func (p *progress) done() {
	if p.drawn {
		fmt.Fprintln(p.w)
	}
}
