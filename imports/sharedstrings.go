package imports

import (
	"archive/zip"
	"bufio"
	"bytes"
	"os"
	"slices"
	"strconv"
	"unicode/utf8"
)

// sharedStrings is the workbook's shared-strings table, decoded once and
// back to back: in memory, or, when its part is over MaxPartBytes, in a
// temporary file as excelize keeps it.
type sharedStrings struct {
	text []byte
	file *os.File
	ends []int
}

// readSharedStrings decodes the shared-strings part, if the workbook has
// one.
func readSharedStrings(part *zip.File, opts Options) (_ *sharedStrings, err error) {
	s := &sharedStrings{}
	if part == nil {
		return s, nil
	}
	rc, err := part.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	var disk *bufio.Writer
	if part.UncompressedSize64 > uint64(opts.MaxPartBytes) {
		if s.file, err = os.CreateTemp("", "netos-sst-"); err != nil {
			return nil, err
		}
		defer func() {
			if err != nil {
				s.close()
			}
		}()
		disk = bufio.NewWriter(s.file)
	}
	x := newXMLScanner(rc, sheetBufferSize)
	var item stringItem
	var buf []byte
	size := 0
	for {
		if err := x.next(); err != nil {
			return nil, err
		}
		if x.kind == tokEOF {
			break
		}
		// The items are the <si> children of the root.
		if x.kind != tokStart || len(x.ends) != 2 || string(x.name) != "si" {
			continue
		}
		item.reset()
		if err := x.readStringItem(&item); err != nil {
			return nil, err
		}
		buf = item.appendString(buf[:0])
		if disk != nil {
			if _, err := disk.Write(buf); err != nil {
				return nil, err
			}
		} else {
			s.text = append(s.text, buf...)
		}
		size += len(buf)
		s.ends = append(s.ends, size)
	}
	if disk != nil {
		if err := disk.Flush(); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// appendString appends string i; an index outside the table reads as
// blank, as excelize reads it.
func (s *sharedStrings) appendString(dst []byte, i int) ([]byte, error) {
	if i < 0 || i >= len(s.ends) {
		return dst, nil
	}
	start, end := 0, s.ends[i]
	if i > 0 {
		start = s.ends[i-1]
	}
	if s.file == nil {
		return append(dst, s.text[start:end]...), nil
	}
	n := len(dst)
	dst = slices.Grow(dst, end-start)[:n+end-start]
	_, err := s.file.ReadAt(dst[n:], int64(start))
	return dst, err
}

func (s *sharedStrings) close() error {
	if s.file == nil {
		return nil
	}
	err := s.file.Close()
	if rerr := os.Remove(s.file.Name()); err == nil {
		err = rerr
	}
	return err
}

// stringItem gathers a rich-text string (<si> or <is>) as excelize's
// xlsxSI decodes it: the last <t> directly inside, then the last <t> of
// each <r> run; phonetic runs (<rPh>) and anything else are left out.
type stringItem struct {
	t, runs, run, joined []byte
}

func (it *stringItem) reset() { it.t, it.runs = it.t[:0], it.runs[:0] }

// appendString appends the item's text, with Excel's _xHHHH_ escapes
// decoded (xlsxSI.String).
func (it *stringItem) appendString(dst []byte) []byte {
	it.joined = append(append(it.joined[:0], it.t...), it.runs...)
	return appendUnescaped(dst, it.joined)
}

// readStringItem reads the children of an <si> or <is> just started into
// it. A second <is> in a cell adds to the first, as decoding into the same
// struct does.
func (x *xmlScanner) readStringItem(it *stringItem) error {
	depth := len(x.ends)
	for {
		if err := x.next(); err != nil {
			return err
		}
		if x.kind == tokEnd && len(x.ends) < depth {
			return nil
		}
		if x.kind != tokStart {
			continue
		}
		var err error
		switch string(x.name) {
		case "t":
			it.t, err = x.readChars(it.t[:0])
		case "r":
			err = x.readRun(it)
		default:
			err = x.skip()
		}
		if err != nil {
			return err
		}
	}
}

// readRun reads an <r> just started: its text is its last <t>.
func (x *xmlScanner) readRun(it *stringItem) error {
	depth := len(x.ends)
	it.run = it.run[:0]
	for {
		if err := x.next(); err != nil {
			return err
		}
		if x.kind == tokEnd && len(x.ends) < depth {
			it.runs = append(it.runs, it.run...)
			return nil
		}
		if x.kind != tokStart {
			continue
		}
		var err error
		if string(x.name) == "t" {
			it.run, err = x.readChars(it.run[:0])
		} else {
			err = x.skip()
		}
		if err != nil {
			return err
		}
	}
}

// appendUnescaped decodes Excel's _xHHHH_ escapes as excelize's
// bstrUnmarshal does: _x005F_ is "_", a surrogate code is dropped.
func appendUnescaped(dst, s []byte) []byte {
	for {
		i := bytes.Index(s, []byte("_x"))
		if i < 0 {
			return append(dst, s...)
		}
		if i+7 > len(s) || s[i+6] != '_' {
			dst, s = append(dst, s[:i+1]...), s[i+1:]
			continue
		}
		code, err := strconv.ParseUint(string(s[i+2:i+6]), 16, 32)
		if err != nil {
			dst, s = append(dst, s[:i+1]...), s[i+1:]
			continue
		}
		dst = append(dst, s[:i]...)
		if r := rune(code); utf8.ValidRune(r) {
			dst = utf8.AppendRune(dst, r)
		}
		s = s[i+7:]
	}
}
