package parse

import "testing"

// TestCursorMatchesPos: the parser's one-pass cursor gives the same position as Doc.Pos for
// every offset, with \n, \r\n and lone \r line breaks and multi-byte characters.
func TestCursorMatchesPos(t *testing.T) {
	src := []byte("<a>\r\n  <b>é\rx</b>\n\n<c>日本\r\n</c>\r</a>\r")
	d := &Doc{Src: src}
	c := cursor{src: src, line: 1, col: 1}
	for off := 0; off <= len(src); off++ {
		if off < len(src) && src[off]&0xC0 == 0x80 {
			continue // not a character boundary
		}
		if got, want := c.advance(off), d.Pos(off); got != want {
			t.Fatalf("offset %d: cursor %+v, Pos %+v", off, got, want)
		}
	}
}
