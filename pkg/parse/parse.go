// Package parse reads Salesforce metadata XML safely into a tree of elements that keep their
// exact source positions. It processes no DTDs or entities, reads nothing but the given bytes,
// and bounds file size, nesting depth and element count.
package parse

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// Limits bounds what a single file may contain.
type Limits struct {
	// MaxBytes is the largest accepted file size.
	MaxBytes int64
	// MaxDepth is the deepest accepted element nesting.
	MaxDepth int
	// MaxElements is the largest accepted number of elements.
	MaxElements int
}

// DefaultLimits are generous for real metadata (the largest real files are a few KiB) and
// small enough that a hostile file cannot exhaust memory or time.
var DefaultLimits = Limits{MaxBytes: 4 << 20, MaxDepth: 32, MaxElements: 100_000}

// Pos is a position in a file: 1-based line, 1-based column in Unicode code points, and
// the 0-based byte offset.
type Pos struct {
	Line, Col, Off int
}

// Node is one XML element.
type Node struct {
	// Name is the element's local name (namespace prefixes are dropped).
	Name string
	// Children are the child elements in document order.
	Children []*Node
	// Parent is nil for the root.
	Parent *Node
	// Start is the position of the start tag's '<'; End is just after the end tag's '>'.
	Start, End Pos
	// TextStart and TextEnd delimit the raw character data directly inside the element
	// (from the first to the end of the last text token); both are -1 when there is none.
	TextStart, TextEnd int
	// ContentStart and ContentEnd delimit everything between the start tag and the end tag
	// (text, CDATA, comments, child elements); they are equal for an empty element.
	ContentStart, ContentEnd int
	// Text is the unescaped character data directly inside the element.
	Text string
	// Nil is set for an element marked xsi:nil="true" (an explicit null, as Salesforce
	// writes a field without a value on retrieve).
	Nil bool
	// Comments are the comments that directly precede the element (only whitespace and
	// other comments between them), in document order.
	Comments []Comment
	// Trailing are the comments that follow the element's end tag on the same line.
	Trailing []Comment
}

// Comment is an XML comment with its position.
type Comment struct {
	Text  string
	Start Pos
}

// Doc is a parsed metadata file.
type Doc struct {
	// Path is the file's path as given (slash-separated, relative where possible).
	Path string
	// Kind is the metadata kind recognised from the file's name.
	Kind Kind
	// Root is the root element.
	Root *Node
	// Src is the file's content (without a BOM).
	Src []byte
	// Elements is the number of elements in the tree.
	Elements int
	// Context is set for a file read only to complete an app; findings in it are not
	// reported.
	Context bool
	// Secrets are the byte ranges of Src that hold secrets (the content of secret elements,
	// URL credentials), sorted and disjoint; every view of the source hides them. The model
	// sets them from the schema (see SetSecrets).
	Secrets []Span
	// SecretValues are the decoded values of the secrets (an element's text, a URL's
	// password), so that a message quoting one can be masked.
	SecretValues []string
	// SecretTokens are the decoded values of URL parts without a name (`?TOKEN`, `#TOKEN`),
	// which may be credentials or words: messages hide them only where they appear whole.
	SecretTokens []string
	// SecretsMarked is set once the secrets have been recorded.
	SecretsMarked bool
	// Occurrence counts earlier files of the same path in the scan (a zip with two entries of
	// one name): 0 for the first.
	Occurrence int

	lineStarts []int
}

// Span is a range of byte offsets, Start inclusive, End exclusive.
type Span struct{ Start, End int }

// SetSecrets records the byte ranges of the file that hold secrets, in any order (empty
// ranges are dropped, overlapping and adjacent ones merged), and their decoded values.
func (d *Doc) SetSecrets(spans []Span, values []string) {
	d.SecretValues = values
	out := make([]Span, 0, len(spans))
	for _, s := range spans {
		s.Start, s.End = max(0, s.Start), min(len(d.Src), s.End)
		if s.End > s.Start {
			out = append(out, s)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	merged := out[:0]
	for _, s := range out {
		if n := len(merged); n > 0 && s.Start <= merged[n-1].End {
			merged[n-1].End = max(merged[n-1].End, s.End)
			continue
		}
		merged = append(merged, s)
	}
	d.Secrets = merged
}

// Error is a file that cannot be parsed. Line is 0 when no position applies.
type Error struct {
	Path string
	Line int
	Col  int
	Msg  string
	// Source is the text of the error's line when the file is readable text. It may hold a
	// secret: show it only when neither Open nor the line's own tags name a secret element
	// and KeyMaterial is false (see pkg/redact).
	Source string
	// Open names the elements open at the error (local names, outermost first).
	Open []string
	// KeyMaterial is set when the content of an open element, up to the error, holds a
	// private key marker.
	KeyMaterial bool
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

var bom = []byte{0xEF, 0xBB, 0xBF}

// Read reads at most lim.MaxBytes from r and parses it; a larger input is an error.
func Read(path string, kind Kind, r io.Reader, lim Limits) (*Doc, error) {
	src, err := readAll(r, lim.MaxBytes+1)
	if err != nil {
		return nil, &Error{Path: path, Msg: "read: " + err.Error()}
	}
	if int64(len(src)) > lim.MaxBytes {
		return nil, &Error{Path: path, Msg: "file is larger than the " + sizeString(lim.MaxBytes) + " limit"}
	}
	return Parse(path, kind, src, lim)
}

// readAll reads at most limit bytes of r. A file is read into a buffer of its size (one
// allocation, where io.ReadAll grows a small buffer several times).
func readAll(r io.Reader, limit int64) ([]byte, error) {
	size := int64(512)
	if st, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if fi, err := st.Stat(); err == nil && fi.Mode().IsRegular() {
			size = min(fi.Size()+1, limit) // +1 to see EOF without growing
		}
	}
	buf := make([]byte, 0, max(size, 1))
	lr := io.LimitReader(r, limit)
	for {
		n, err := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if errors.Is(err, io.EOF) {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
	}
}

// Parse parses src as the metadata file path of the given kind.
func Parse(path string, kind Kind, src []byte, lim Limits) (*Doc, error) {
	src = bytes.TrimPrefix(src, bom)
	d := &Doc{Path: path, Kind: kind, Src: src}
	var stack []*Node // the open elements; fail reads them
	fail := func(off int, format string, args ...any) error {
		e := &Error{Path: path, Msg: fmt.Sprintf(format, args...)}
		if off >= 0 {
			p := d.Pos(off)
			e.Line, e.Col = p.Line, p.Col
			if l := d.Line(p.Line); len(l) <= 500 && utf8.ValidString(l) && !strings.ContainsRune(l, 0) {
				e.Source = l
			}
			for _, n := range stack {
				e.Open = append(e.Open, n.Name)
				if n.ContentStart <= off && bytes.Contains(src[n.ContentStart:min(len(src), off+1)], []byte("PRIVATE KEY")) {
					e.KeyMaterial = true
				}
			}
		}
		return e
	}
	if int64(len(src)) > lim.MaxBytes {
		return nil, fail(-1, "file is larger than the %s limit", sizeString(lim.MaxBytes))
	}
	if len(bytes.TrimSpace(src)) == 0 {
		return nil, fail(-1, "file is empty")
	}
	if bad := invalidUTF8(src); bad >= 0 {
		return nil, fail(bad, "file is not valid UTF-8 (calint reads UTF-8 metadata only)")
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return nil, fail(i, "file contains a NUL byte (binary data)")
	}

	dec := xml.NewDecoder(bytes.NewReader(src))
	dec.Strict = true
	dec.CharsetReader = func(label string, _ io.Reader) (io.Reader, error) {
		return nil, fmt.Errorf("encoding %q is not supported (calint reads UTF-8 metadata only)", label)
	}

	var texts []textBuf // per open element: its character data when it comes in pieces
	var pending []Comment
	var lastClosed *Node
	var slab []Node
	cur := cursor{src: src, line: 1, col: 1}
	pos := func(off int) Pos {
		if off < cur.off {
			return d.Pos(off)
		}
		return cur.advance(off)
	}
	count := 0
	rootClosed := false
	for {
		off := int(dec.InputOffset())
		tok, err := dec.RawToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fail(errOffset(dec, src, off, err), "not well-formed XML: %s", cleanXMLError(err))
		}
		end := int(dec.InputOffset())
		switch t := tok.(type) {
		case xml.StartElement:
			if rootClosed {
				return nil, fail(off, "not well-formed XML: content after the root element")
			}
			if d.Root == nil && len(stack) == 0 && count > 0 {
				return nil, fail(off, "not well-formed XML: several root elements")
			}
			count++
			if count > lim.MaxElements {
				return nil, fail(off, "more than %d elements", lim.MaxElements)
			}
			if len(stack) >= lim.MaxDepth {
				return nil, fail(off, "elements nested deeper than %d levels", lim.MaxDepth)
			}
			// nodes come from a slab: one allocation per 32 elements
			if len(slab) == cap(slab) {
				slab = make([]Node, 0, 32)
			}
			slab = append(slab, Node{Name: t.Name.Local, Start: pos(off), TextStart: -1, TextEnd: -1, ContentStart: end, ContentEnd: end, Comments: pending})
			n := &slab[len(slab)-1]
			n.Nil = isNil(t.Attr)
			pending = nil
			lastClosed = nil
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				n.Parent = p
				p.Children = append(p.Children, n)
			} else {
				d.Root = n
			}
			stack = append(stack, n)
			if len(texts) < len(stack) {
				texts = append(texts, textBuf{})
			}
			texts[len(stack)-1].pieces = 0
		case xml.EndElement:
			if len(stack) == 0 {
				return nil, fail(off, "not well-formed XML: unexpected end tag </%s>", t.Name.Local)
			}
			n := stack[len(stack)-1]
			if n.Name != t.Name.Local {
				return nil, fail(off, "not well-formed XML: element <%s> closed by </%s>", n.Name, t.Name.Local)
			}
			n.End = pos(end)
			n.ContentEnd = max(off, n.ContentStart)
			if tb := &texts[len(stack)-1]; tb.pieces > 1 {
				n.Text = internText(tb.buf)
			}
			stack = stack[:len(stack)-1]
			pending = nil
			lastClosed = n
			if len(stack) == 0 {
				rootClosed = true
			}
		case xml.CharData:
			if len(stack) == 0 {
				if trimmed := bytes.TrimLeft(t, " \t\r\n"); len(trimmed) > 0 {
					return nil, fail(off+len(t)-len(trimmed), "not well-formed XML: text outside the root element")
				}
				continue
			}
			n := stack[len(stack)-1]
			if n.TextStart < 0 {
				n.TextStart = off
			}
			n.TextEnd = end
			// most text is one piece; an element's whitespace between children comes in
			// several, joined once at its end tag
			switch tb := &texts[len(stack)-1]; tb.pieces {
			case 0:
				n.Text = internText(t)
			case 1:
				tb.buf = append(append(tb.buf[:0], n.Text...), t...)
			default:
				tb.buf = append(tb.buf, t...)
			}
			texts[len(stack)-1].pieces++
			if len(bytes.TrimSpace(t)) > 0 {
				pending = nil
			}
			if bytes.ContainsAny(t, "\r\n") || len(bytes.TrimSpace(t)) > 0 {
				lastClosed = nil
			}
		case xml.Comment:
			c := Comment{Text: string(t), Start: pos(off)}
			if lastClosed != nil && lastClosed.End.Line == c.Start.Line {
				lastClosed.Trailing = append(lastClosed.Trailing, c)
				continue
			}
			pending = append(pending, c)
		case xml.Directive:
			return nil, fail(off, "DOCTYPE and other XML directives are not allowed (no DTD or entity processing)")
		case xml.ProcInst:
			if t.Target != "xml" && (d.Root != nil || len(stack) > 0) {
				continue
			}
			if enc := procInstParam(string(t.Inst), "encoding"); enc != "" && !strings.EqualFold(enc, "utf-8") {
				return nil, fail(off, "encoding %q is not supported (calint reads UTF-8 metadata only)", enc)
			}
		}
	}
	if len(stack) > 0 {
		n := stack[len(stack)-1]
		return nil, fail(len(src), "not well-formed XML: unexpected end of file, <%s> (line %d) is not closed", n.Name, n.Start.Line)
	}
	if d.Root == nil {
		return nil, fail(-1, "no root element")
	}
	d.Elements = count
	if kind.Type != "" && d.Root.Name != kind.Type {
		return nil, fail(d.Root.Start.Off, "root element <%s> does not match the file suffix .%s (expected <%s>)", d.Root.Name, kind.Suffix, kind.Type)
	}
	return d, nil
}

// textBuf collects the character data of an open element that comes in several pieces.
type textBuf struct {
	buf    []byte
	pieces int
}

// internText returns b as a string, shared for the short whitespace runs that indent
// metadata files (a newline and a few spaces or tabs), which are most of all text pieces.
func internText(b []byte) string {
	if len(b) > 0 && len(b) <= 24 && len(bytes.TrimLeft(b, " \t\r\n")) == 0 {
		if s, ok := whitespace.Load(string(b)); ok {
			return s.(string)
		}
		s := string(b)
		whitespace.Store(s, s)
		return s
	}
	return string(b)
}

var whitespace sync.Map // string -> the same string

// cursor converts offsets that only grow into positions in one pass over the source, as the
// parser asks for them in document order; Doc.Pos answers any offset.
type cursor struct {
	src            []byte
	off, line, col int
}

func (c *cursor) advance(off int) Pos {
	off = min(off, len(c.src))
	for i := c.off; i < off; {
		b := c.src[i]
		switch {
		case b == '\n':
			c.line, c.col = c.line+1, 1
			i++
		case b == '\r' && (i+1 >= len(c.src) || c.src[i+1] != '\n'):
			// a lone \r ends a line; in \r\n the \n does
			c.line, c.col = c.line+1, 1
			i++
		case b < utf8.RuneSelf:
			c.col++
			i++
		default:
			_, size := utf8.DecodeRune(c.src[i:])
			c.col++
			i += size
		}
	}
	c.off = off
	return Pos{Line: c.line, Col: c.col, Off: off}
}

// errOffset gives the best offset for a decoder error: the start of the bad token where the
// error names one (an illegal character, literal or as a reference; an entity reference; an
// unescaped "]]>"), since the decoder reports these only after reading the whole text or
// reference; otherwise the decoder's current offset.
func errOffset(dec *xml.Decoder, src []byte, tokenStart int, err error) int {
	o := int(dec.InputOffset())
	if o <= tokenStart {
		return tokenStart
	}
	o = min(o, len(src))
	seg := src[tokenStart:o]
	var se *xml.SyntaxError
	if !errors.As(err, &se) {
		return o
	}
	var r rune
	switch {
	case fmtScan(se.Msg, "illegal character code U+%x", &r):
		if i := bytes.IndexRune(seg, r); i >= 0 && r != utf8.RuneError {
			return tokenStart + i
		}
		// a character reference: the first one in the token that stands for r
		for i := 0; i < len(seg); {
			j := bytes.Index(seg[i:], []byte("&#"))
			if j < 0 {
				break
			}
			at := i + j
			end := bytes.IndexByte(seg[at:], ';')
			if end < 0 {
				break
			}
			ref := string(seg[at+2 : at+end])
			var v rune
			if (strings.HasPrefix(ref, "x") && fmtScan(ref[1:], "%x", &v) || fmtScan(ref, "%d", &v)) && v == r {
				return tokenStart + at
			}
			i = at + 2
		}
	case strings.HasPrefix(se.Msg, "invalid character entity"):
		if i := bytes.LastIndexByte(seg, '&'); i >= 0 {
			return tokenStart + i
		}
	case strings.HasPrefix(se.Msg, "unescaped ]]>"):
		if i := bytes.LastIndex(seg, []byte("]]>")); i >= 0 {
			return tokenStart + i
		}
	}
	return o
}

// fmtScan reads one number from s by format into v, reporting whether it could.
func fmtScan(s, format string, v *rune) bool {
	var n int64
	if _, err := fmt.Sscanf(s, format, &n); err != nil || n < 0 || n > utf8.MaxRune {
		return false
	}
	*v = rune(n)
	return true
}

// cleanXMLError strips the "XML syntax error on line N:" prefix, since calint prints the
// position itself.
func cleanXMLError(err error) string {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return se.Msg
	}
	msg := err.Error()
	return strings.TrimPrefix(msg, "xml: ")
}

func procInstParam(inst, name string) string {
	i := strings.Index(inst, name)
	if i < 0 {
		return ""
	}
	rest := strings.TrimLeft(inst[i+len(name):], " \t\r\n")
	if !strings.HasPrefix(rest, "=") {
		return ""
	}
	rest = strings.TrimLeft(rest[1:], " \t\r\n")
	if rest == "" || (rest[0] != '"' && rest[0] != '\'') {
		return ""
	}
	q := rest[0]
	j := strings.IndexByte(rest[1:], q)
	if j < 0 {
		return ""
	}
	return rest[1 : 1+j]
}

func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}

// Pos converts a byte offset into a position.
func (d *Doc) Pos(off int) Pos {
	if d.lineStarts == nil {
		d.lineStarts = lineStarts(d.Src)
	}
	off = max(0, min(off, len(d.Src)))
	// binary search for the line containing off
	lo, hi := 0, len(d.lineStarts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if d.lineStarts[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	ls := d.lineStarts[lo]
	return Pos{Line: lo + 1, Col: utf8.RuneCount(d.Src[ls:off]) + 1, Off: off}
}

// Line returns the raw text of a 1-based line without its line break. It may hold a
// secret: what a user sees goes through pkg/redact.
func (d *Doc) Line(n int) string {
	s, e, ok := d.LineSpan(n)
	if !ok {
		return ""
	}
	return string(d.Src[s:e])
}

// LineSpan returns the byte offsets of a 1-based line, without its line break.
func (d *Doc) LineSpan(n int) (start, end int, ok bool) {
	if d.lineStarts == nil {
		d.lineStarts = lineStarts(d.Src)
	}
	if n < 1 || n > len(d.lineStarts) {
		return 0, 0, false
	}
	s := d.lineStarts[n-1]
	e := len(d.Src)
	if n < len(d.lineStarts) {
		e = d.lineStarts[n]
	}
	for e > s && (d.Src[e-1] == '\n' || d.Src[e-1] == '\r') {
		e--
	}
	return s, e, true
}

// lineStarts returns the byte offset at which each line starts; \r\n, \n and \r all end a
// line, as in XML.
func lineStarts(src []byte) []int {
	starts := []int{0}
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			starts = append(starts, i+1)
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		}
	}
	return starts
}

// Path returns the element path from the root's child level, e.g. "oauthConfig/scopes[1]".
// Indexes count same-named siblings from 0 and are only written for repeated names.
func (n *Node) Path() string {
	if n.Parent == nil {
		return ""
	}
	var parts []string
	for c := n; c.Parent != nil; c = c.Parent {
		idx, total := 0, 0
		for _, s := range c.Parent.Children {
			if s.Name == c.Name {
				if s == c {
					idx = total
				}
				total++
			}
		}
		if total > 1 {
			parts = append(parts, fmt.Sprintf("%s[%d]", c.Name, idx))
		} else {
			parts = append(parts, c.Name)
		}
	}
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	return strings.Join(parts, "/")
}

// TextLine is one line of an element's text: its trimmed unescaped value and the position
// of its first character.
type TextLine struct {
	Value      string
	Start, End Pos
}

// TextLines splits the element's raw text on line breaks (\r\n, \n, \r) and returns every
// non-blank line, trimmed, with its own position. It is used for multi-line values such as
// callbackUrl.
func (d *Doc) TextLines(n *Node) []TextLine {
	if n.TextStart < 0 {
		return nil
	}
	raw := d.Src[n.TextStart:n.TextEnd]
	if bytes.Contains(raw, []byte("<![CDATA[")) || bytes.Contains(raw, []byte("<!--")) {
		// positions inside CDATA/comments are not worth the complexity: all lines point at
		// the element.
		var out []TextLine
		for _, l := range splitLines(n.Text) {
			if v := strings.TrimSpace(l); v != "" {
				out = append(out, TextLine{Value: v, Start: n.Start, End: n.End})
			}
		}
		return out
	}
	var out []TextLine
	start := 0
	emit := func(end int) {
		seg := raw[start:end]
		trimmed := bytes.TrimSpace(seg)
		if len(trimmed) > 0 {
			lead := len(seg) - len(bytes.TrimLeft(seg, " \t"))
			s := n.TextStart + start + lead
			out = append(out, TextLine{Value: unescape(trimmed), Start: d.Pos(s), End: d.Pos(s + len(trimmed))})
		}
	}
	for i := 0; i < len(raw); i++ {
		switch raw[i] {
		case '\n':
			emit(i)
			start = i + 1
		case '\r':
			emit(i)
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
			start = i + 1
		}
	}
	emit(len(raw))
	return out
}

func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Split(s, "\n")
}

func unescape(b []byte) string {
	if !bytes.ContainsRune(b, '&') {
		return string(b)
	}
	var sb strings.Builder
	dec := xml.NewDecoder(bytes.NewReader(append(append([]byte("<x>"), b...), "</x>"...)))
	for {
		t, err := dec.Token()
		if err != nil {
			break
		}
		if cd, ok := t.(xml.CharData); ok {
			sb.Write(cd)
		}
	}
	return sb.String()
}

// sizeString renders a byte count for messages: "4 MiB", "512 KiB", "1000 bytes".
func sizeString(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// Content returns the character data of an element's content (text and CDATA, with entity
// and character references decoded; comments, processing instructions and child elements
// left out) and, for each of its bytes, the range of Src it comes from. It serves positions
// inside a value, such as the credentials of a URL written with references or CDATA.
func (d *Doc) Content(n *Node) (string, []Span) {
	src := d.Src
	var text []byte
	var from []Span
	add := func(b []byte, s Span) {
		for _, c := range b {
			text = append(text, c)
			from = append(from, s)
		}
	}
	for i := n.ContentStart; i < n.ContentEnd; {
		rest := src[i:n.ContentEnd]
		switch {
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			body := rest[len("<![CDATA["):]
			j := bytes.Index(body, []byte("]]>"))
			if j < 0 {
				j = len(body)
			}
			for k := range j {
				at := i + len("<![CDATA[") + k
				add(body[k:k+1], Span{at, at + 1})
			}
			i += len("<![CDATA[") + j + len("]]>")
		case bytes.HasPrefix(rest, []byte("<!--")):
			j := bytes.Index(rest, []byte("-->"))
			if j < 0 {
				return string(text), from
			}
			i += j + len("-->")
		case bytes.HasPrefix(rest, []byte("<?")):
			j := bytes.Index(rest, []byte("?>"))
			if j < 0 {
				return string(text), from
			}
			i += j + len("?>")
		case rest[0] == '<':
			j := bytes.IndexByte(rest, '>')
			if j < 0 {
				return string(text), from
			}
			i += j + 1
		case rest[0] == '&':
			j := bytes.IndexByte(rest, ';')
			if j < 0 {
				add(rest[:1], Span{i, i + 1})
				i++
				continue
			}
			add([]byte(unescape(rest[:j+1])), Span{i, i + j + 1})
			i += j + 1
		default:
			add(rest[:1], Span{i, i + 1})
			i++
		}
	}
	return string(text), from
}

// isNil reports whether the attributes mark an element xsi:nil="true" (any prefix: the
// attribute is matched by its local name nil, as RawToken leaves prefixes unresolved).
func isNil(attrs []xml.Attr) bool {
	for _, a := range attrs {
		if a.Name.Local == "nil" && a.Name.Space != "" {
			v := strings.TrimSpace(a.Value)
			return v == "true" || v == "1"
		}
	}
	return false
}
