// Package fingerprint computes the semantic identity of a finding or a suppression: a hash
// of what it is about (rule, app, element path without indexes, distinguishing value), never
// of where it is (line, column), so reformatting or reordering a file keeps it stable.
// Baselines store these values: changing how they are computed invalidates every baseline.
package fingerprint

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Of hashes parts, each terminated by a NUL byte, and returns the first 16 bytes of the
// SHA-256 in hex (32 characters).
func Of(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	var sum [sha256.Size]byte
	return hex.EncodeToString(h.Sum(sum[:0])[:16])
}

// ElementPath drops every index ("[digits]") from an element path such as
// ConnectedApp/oauthConfig/scopes[2], so a finding keeps its identity when sibling
// elements are added or reordered. Only a bracketed run of ASCII digits is an index;
// any other bracket is kept as written.
func ElementPath(p string) string {
	if !strings.Contains(p, "[") {
		return p
	}
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		if p[i] == '[' {
			j := i + 1
			for j < len(p) && p[j] >= '0' && p[j] <= '9' {
				j++
			}
			if j > i+1 && j < len(p) && p[j] == ']' {
				i = j
				continue
			}
		}
		b.WriteByte(p[i])
	}
	return b.String()
}
