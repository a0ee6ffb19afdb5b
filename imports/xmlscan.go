package imports

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// Token kinds of xmlScanner.
const (
	tokEOF = iota
	tokStart
	tokEnd
	tokText
)

// xmlAttr is an attribute of a start tag: its local name and its value as
// written, entities not expanded (see attrValue).
type xmlAttr struct{ name, value []byte }

// xmlScanner splits XML into the tokens encoding/xml's Decoder.Token
// returns, without allocating: names, attributes and text are views of its
// buffer, valid until the next call to next. It checks that elements nest
// and close; text is checked as it is decoded (appendText). Comments,
// processing instructions and directives are skipped.
type xmlScanner struct {
	r        io.Reader
	err      error  // the reader's, once it has no more to give
	buf      []byte // buf[pos:end] is read and not yet scanned
	pos, end int

	kind  int
	name  []byte    // local name of a start or end tag
	attrs []xmlAttr // of a start tag
	text  []byte    // raw character data
	cdata bool      // text is a CDATA section: no entities in it
	empty bool      // the start tag was <name/>: its end comes next
	open  []byte    // the qualified names of the open elements, back to back
	ends  []int     // where each ends in open; len(ends) is the depth
}

func newXMLScanner(r io.Reader, size int) *xmlScanner {
	return &xmlScanner{r: r, buf: make([]byte, size)}
}

func syntaxError(msg string) error { return errors.New("XML syntax error: " + msg) }

var errUnexpectedEOF = syntaxError("unexpected EOF")

// errShort says a token runs past what the buffer holds: fill, then scan
// it again.
var errShort = errors.New("short buffer")

// next reads the next token into x.kind and the fields it sets.
func (x *xmlScanner) next() error {
	if x.empty {
		x.empty, x.kind = false, tokEnd
		x.pop()
		return nil
	}
	for {
		if err := x.scan(); err != errShort {
			return err
		}
		x.fill()
	}
}

// fill moves what is left to scan to the start of the buffer, growing it
// when that is all it holds, and reads as much more as fits. The reader's
// error, io.EOF included, is kept for scan to judge.
func (x *xmlScanner) fill() {
	if x.pos > 0 {
		x.end = copy(x.buf, x.buf[x.pos:x.end])
		x.pos = 0
	}
	if x.end == len(x.buf) {
		x.buf = append(x.buf, make([]byte, len(x.buf))...)
	}
	n, err := io.ReadFull(x.r, x.buf[x.end:])
	x.end += n
	switch err {
	case nil:
	case io.ErrUnexpectedEOF:
		x.err = io.EOF
	default:
		x.err = err
	}
}

// short is what scanning returns at the end of the buffer: errShort while
// the reader has more, else the end of the part in the middle of a token.
func (x *xmlScanner) short() error {
	switch x.err {
	case nil:
		return errShort
	case io.EOF:
		return errUnexpectedEOF
	}
	return x.err
}

// scan reads the token at x.pos, skipping comments, processing
// instructions and directives.
func (x *xmlScanner) scan() error {
	for {
		b := x.buf[x.pos:x.end]
		if len(b) == 0 {
			if x.err == io.EOF && len(x.ends) == 0 {
				x.kind = tokEOF
				return nil
			}
			return x.short()
		}
		if b[0] != '<' {
			i := bytes.IndexByte(b, '<')
			if i < 0 {
				if x.err == nil {
					return errShort
				}
				i = len(b) // text ends the part; next reports any unclosed element
			}
			x.kind, x.text, x.cdata = tokText, b[:i], false
			x.pos += i
			return nil
		}
		if len(b) < 2 {
			return x.short()
		}
		n := 0 // the length of a construct skipped, 0 while it runs past the buffer
		switch b[1] {
		case '/':
			return x.scanEnd(b)
		case '?':
			if end := bytes.Index(b[2:], []byte("?>")); end >= 0 {
				n = end + 4
			}
		case '!':
			switch {
			case bytes.HasPrefix(b, []byte("<!--")):
				if end := bytes.Index(b[4:], []byte("-->")); end >= 0 {
					n = end + 7
				}
			case bytes.HasPrefix(b, []byte("<![CDATA[")):
				end := bytes.Index(b[9:], []byte("]]>"))
				if end < 0 {
					return x.short()
				}
				x.kind, x.text, x.cdata = tokText, b[9:9+end], true
				x.pos += 12 + end
				return nil
			case len(b) < 9 && (bytes.HasPrefix([]byte("<!--"), b) || bytes.HasPrefix([]byte("<![CDATA["), b)):
			default:
				n = directiveLen(b)
			}
		default:
			return x.scanStart(b)
		}
		if n == 0 {
			return x.short()
		}
		x.pos += n
	}
}

// directiveLen is the length of the <!DOCTYPE …> or other directive b
// starts with, whose brackets and quotes may hold '>'; 0 when b ends first.
func directiveLen(b []byte) int {
	depth, quote := 0, byte(0)
	for i := 2; i < len(b); i++ {
		switch c := b[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '<':
			depth++
		case c == '>' && depth == 0:
			return i + 1
		case c == '>':
			depth--
		}
	}
	return 0
}

// scanStart reads a start tag: its name, then attributes name="value"
// (or 'value'), then ">" or "/>".
func (x *xmlScanner) scanStart(b []byte) error {
	i := 1 + nameLen(b[1:])
	if i == len(b) {
		return x.short()
	}
	if i == 1 {
		return syntaxError("expected element name after <")
	}
	qname := b[1:i]
	x.attrs = x.attrs[:0]
	empty := false
	for {
		i = skipSpace(b, i)
		if i == len(b) {
			return x.short()
		}
		if b[i] == '>' {
			i++
			break
		}
		if b[i] == '/' {
			if i+1 == len(b) {
				return x.short()
			}
			if b[i+1] != '>' {
				return syntaxError("expected /> in element")
			}
			empty, i = true, i+2
			break
		}
		n := nameLen(b[i:])
		if n == 0 {
			return syntaxError("expected attribute name in element")
		}
		name := b[i : i+n]
		if i = skipSpace(b, i+n); i == len(b) {
			return x.short()
		}
		if b[i] != '=' {
			return syntaxError("attribute name without = in element")
		}
		if i = skipSpace(b, i+1); i == len(b) {
			return x.short()
		}
		quote := b[i]
		if quote != '"' && quote != '\'' {
			return syntaxError("unquoted or missing attribute value in element")
		}
		end := bytes.IndexByte(b[i+1:], quote)
		if end < 0 {
			return x.short()
		}
		x.attrs = append(x.attrs, xmlAttr{localName(name), b[i+1 : i+1+end]})
		i += end + 2
	}
	x.pos += i
	x.open = append(x.open, qname...)
	x.ends = append(x.ends, len(x.open))
	x.kind, x.name, x.empty = tokStart, localName(qname), empty
	return nil
}

// scanEnd reads an end tag, which must close the innermost open element.
func (x *xmlScanner) scanEnd(b []byte) error {
	i := 2 + nameLen(b[2:])
	qname := b[2:i]
	if i = skipSpace(b, i); i == len(b) {
		return x.short()
	}
	if len(qname) == 0 || b[i] != '>' {
		return syntaxError("invalid end tag")
	}
	if len(x.ends) == 0 {
		return syntaxError("unexpected end element </" + string(qname) + ">")
	}
	start := 0
	if len(x.ends) > 1 {
		start = x.ends[len(x.ends)-2]
	}
	if open := x.open[start:]; !bytes.Equal(open, qname) {
		return syntaxError("element <" + string(open) + "> closed by </" + string(qname) + ">")
	}
	x.pos += i + 1
	x.pop()
	x.kind, x.name = tokEnd, localName(qname)
	return nil
}

func (x *xmlScanner) pop() {
	x.ends = x.ends[:len(x.ends)-1]
	n := 0
	if len(x.ends) > 0 {
		n = x.ends[len(x.ends)-1]
	}
	x.open = x.open[:n]
}

// skip reads past the end of the element just started.
func (x *xmlScanner) skip() error {
	depth := len(x.ends)
	for len(x.ends) >= depth {
		if err := x.next(); err != nil {
			return err
		}
	}
	return nil
}

// readChars appends to dst the decoded character data directly inside the
// element just started, up to its end; nested elements are skipped, as
// encoding/xml skips them decoding the element into a string.
func (x *xmlScanner) readChars(dst []byte) ([]byte, error) {
	for {
		if err := x.next(); err != nil {
			return dst, err
		}
		var err error
		switch x.kind {
		case tokText:
			dst, err = appendText(dst, x.text, x.cdata)
		case tokStart:
			err = x.skip()
		case tokEnd:
			return dst, nil
		}
		if err != nil {
			return dst, err
		}
	}
}

// attrValue decodes an attribute value; most need no decoding.
func attrValue(v []byte) ([]byte, error) {
	for _, c := range v {
		if c < 0x20 || c >= utf8.RuneSelf || c == '&' || c == '<' {
			if bytes.IndexByte(v, '<') >= 0 {
				return nil, syntaxError("unescaped < inside quoted string")
			}
			return appendText(nil, v, false)
		}
	}
	return v, nil
}

// appendText appends character data decoded as encoding/xml decodes it:
// the five predefined entities and character references expanded (not in
// CDATA), CR LF and CR read as LF, and refused when not UTF-8 or holding a
// character XML does not allow.
func appendText(dst, raw []byte, cdata bool) ([]byte, error) {
	i := 0
	for i < len(raw) {
		c := raw[i]
		if c < 0x20 && c != '\t' && c != '\n' || c >= utf8.RuneSelf || c == '&' && !cdata {
			break
		}
		i++
	}
	dst = append(dst, raw[:i]...)
	for raw = raw[i:]; len(raw) > 0; {
		c := raw[0]
		switch {
		case c == '&' && !cdata:
			r, n := entity(raw)
			if n == 0 {
				end := min(len(raw), 12)
				if j := bytes.IndexByte(raw[:end], ';'); j >= 0 {
					end = j + 1
				}
				return dst, syntaxError("invalid character entity " + string(raw[:end]))
			}
			if !isXMLChar(r) {
				return dst, syntaxError(fmt.Sprintf("illegal character code %U", r))
			}
			dst, raw = utf8.AppendRune(dst, r), raw[n:]
		case c == '\r':
			dst, raw = append(dst, '\n'), raw[1:]
			if len(raw) > 0 && raw[0] == '\n' {
				raw = raw[1:]
			}
		case c < utf8.RuneSelf:
			if c < 0x20 && c != '\t' && c != '\n' {
				return dst, syntaxError(fmt.Sprintf("illegal character code %U", rune(c)))
			}
			dst, raw = append(dst, c), raw[1:]
		default:
			r, n := utf8.DecodeRune(raw)
			if r == utf8.RuneError && n == 1 {
				return dst, syntaxError("invalid UTF-8")
			}
			if !isXMLChar(r) {
				return dst, syntaxError(fmt.Sprintf("illegal character code %U", r))
			}
			dst, raw = append(dst, raw[:n]...), raw[n:]
		}
	}
	return dst, nil
}

// entity decodes the entity or character reference that s starts with
// and its length, 0 when it is not one encoding/xml knows. A surrogate
// code reads as U+FFFD, as string(rune(n)) makes it.
func entity(s []byte) (rune, int) {
	end := bytes.IndexByte(s, ';')
	if end < 0 {
		return 0, 0
	}
	switch name := s[1:end]; {
	case len(name) > 1 && name[0] == '#':
		digits, base := name[1:], 10
		if digits[0] == 'x' {
			digits, base = digits[1:], 16
		}
		n, err := strconv.ParseUint(string(digits), base, 32)
		if err != nil || n > utf8.MaxRune {
			return 0, 0
		}
		if r := rune(n); utf8.ValidRune(r) {
			return r, end + 1
		}
		return utf8.RuneError, end + 1
	default:
		switch string(name) {
		case "lt":
			return '<', end + 1
		case "gt":
			return '>', end + 1
		case "amp":
			return '&', end + 1
		case "apos":
			return '\'', end + 1
		case "quot":
			return '"', end + 1
		}
	}
	return 0, 0
}

// isXMLChar reports whether XML 1.0 allows r in a document.
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// nameLen is the length of the XML name s starts with.
func nameLen(s []byte) int {
	for i, c := range s {
		if !nameByte[c] {
			return i
		}
	}
	return len(s)
}

// nameByte says which bytes may be part of a name, as encoding/xml reads
// names: ASCII letters, digits, "_:.-", and any byte of a multi-byte
// character.
var nameByte = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= utf8.RuneSelf || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			c == '_' || c == ':' || c == '.' || c == '-'
	}
	return t
}()

// localName strips a name's namespace prefix as encoding/xml does: only a
// single colon with text on both sides separates one.
func localName(q []byte) []byte {
	colon := -1
	for i, c := range q {
		if c == ':' {
			if colon >= 0 {
				return q
			}
			colon = i
		}
	}
	if colon <= 0 || colon == len(q)-1 {
		return q
	}
	return q[colon+1:]
}

// skipSpace skips the XML white space from b[i].
func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n') {
		i++
	}
	return i
}
