package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
)

type jsonReport struct {
	Version  string      `json:"version"`
	Summary  Summary     `json:"summary"`
	Findings []Finding   `json:"findings"`
	Errors   []FileError `json:"errors"`
}

// JSON writes one object: version, summary (bySeverity has all five severities), findings (suppressed ones included, marked)
// and errors. It streams the findings one by one, so a scan of many apps never holds its
// whole report in memory; the bytes are those of encoding jsonReport with a two-space
// indent and no HTML escaping.
func JSON(w io.Writer, r *Report) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	e := &jsonStream{w: bw}
	e.raw("{\n  \"version\": ")
	e.value("  ", r.Version)
	e.raw(",\n  \"summary\": ")
	e.value("  ", r.Summary.WithAllSeverities())
	e.raw(",\n  \"findings\": ")
	writeArray(e, r.Findings)
	e.raw(",\n  \"errors\": ")
	writeArray(e, r.Errors)
	e.raw("\n}\n")
	if e.err != nil {
		return e.err
	}
	return bw.Flush()
}

func writeArray[T any](e *jsonStream, items []T) {
	if len(items) == 0 {
		e.raw("[]")
		return
	}
	e.raw("[\n    ")
	for i := range items {
		if i > 0 {
			e.raw(",\n    ")
		}
		e.value("    ", &items[i])
	}
	e.raw("\n  ]")
}

// jsonStream writes JSON values with encoding/json's indentation, keeping the first error.
type jsonStream struct {
	w   *bufio.Writer
	buf bytes.Buffer
	err error
}

func (e *jsonStream) raw(s string) {
	if e.err == nil {
		_, e.err = e.w.WriteString(s)
	}
}

// value writes v indented as if it were nested at prefix.
func (e *jsonStream) value(prefix string, v any) {
	if e.err != nil {
		return
	}
	e.buf.Reset()
	enc := json.NewEncoder(&e.buf)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	if e.err = enc.Encode(v); e.err != nil {
		return
	}
	_, e.err = e.w.Write(bytes.TrimSuffix(e.buf.Bytes(), []byte("\n")))
}
