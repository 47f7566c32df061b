package redact

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// gram is the length of the pieces of a secret that Values finds in a text: any run of gram
// or more bytes of a secret is hidden, so neither a secret nor a long part of one is shown.
const gram = 6

// Values hides known secret values (the decoded content of an app's secret ranges) wherever
// they appear in a text such as a finding message, whole or in part: every run of at least 6
// bytes that also occurs in a secret is hidden. It holds the secrets' 6-byte pieces as a
// sorted set (8 bytes each), so its cost is linear in the secrets' size to build and
// O(n log m) for a text of n bytes. Secrets of 4 or 5 bytes are hidden where they occur whole;
// shorter ones cannot be told from text. The zero value hides nothing.
type Values struct {
	grams []uint64
	whole []string // hidden only where they appear whole
}

// minWhole is the shortest bare URL token (see Credential.Bare) masked in messages: a
// shorter one is more likely a word (`#callback`) than a credential.
const minWhole = 12

// NewValues returns the Values of the given secrets; blank lines and PEM armour lines
// ("-----BEGIN ...-----") are not secret and are left out. Each of whole (bare URL tokens,
// which may be words) is hidden only where it appears whole, if it has at least 12 bytes.
func NewValues(secrets []string, whole ...string) *Values {
	v := &Values{}
	for _, w := range whole {
		if len(w) >= minWhole {
			v.whole = append(v.whole, w)
		}
	}
	for _, s := range secrets {
		for line := range strings.Lines(s) {
			line = strings.TrimSpace(line)
			if strings.HasPrefix(line, "-----") {
				continue
			}
			switch {
			case len(line) >= gram:
				for i := 0; i+gram <= len(line); i++ {
					v.grams = append(v.grams, pack(line[i:i+gram]))
				}
			case len(line) >= 4:
				v.whole = append(v.whole, line)
			}
		}
	}
	slices.Sort(v.grams)
	v.grams = slices.Compact(v.grams)
	return v
}

// pack holds a 6-byte piece exactly in an integer.
func pack(s string) uint64 {
	var x uint64
	for i := range gram {
		x = x<<8 | uint64(s[i])
	}
	return x
}

func (v *Values) has(s string) bool {
	_, ok := slices.BinarySearch(v.grams, pack(s))
	return ok
}

// Empty reports whether v hides nothing.
func (v *Values) Empty() bool { return v == nil || (v.grams == nil && v.whole == nil) }

// Mask returns s with every part that matches a secret replaced by Hidden.
func (v *Values) Mask(s string) string {
	if v.Empty() || len(s) < 4 {
		return s
	}
	var hide []bool // per byte of s
	mark := func(from, to int) {
		if hide == nil {
			hide = make([]bool, len(s))
		}
		for i := from; i < to; i++ {
			hide[i] = true
		}
	}
	if v.grams != nil {
		covered := 0 // bytes of s before this are already marked where they match
		for i := 0; i+gram <= len(s); i++ {
			if v.has(s[i : i+gram]) {
				mark(max(i, covered), i+gram)
				covered = i + gram
			}
		}
	}
	for _, sh := range v.whole {
		for at := 0; ; {
			j := strings.Index(s[at:], sh)
			if j < 0 {
				break
			}
			mark(at+j, at+j+len(sh))
			at += j + 1
		}
	}
	if hide == nil {
		return s
	}
	// a hidden run covers whole characters
	for i := 1; i < len(s); i++ {
		if hide[i-1] && !hide[i] && !utf8.RuneStart(s[i]) {
			hide[i] = true
		}
	}
	for i := len(s) - 2; i >= 0; i-- {
		if hide[i+1] && !hide[i] && !utf8.RuneStart(s[i+1]) {
			hide[i] = true
		}
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if !hide[i] {
			b.WriteByte(s[i])
			i++
			continue
		}
		b.WriteString(Hidden)
		for i < len(s) && hide[i] {
			i++
		}
	}
	return b.String()
}
