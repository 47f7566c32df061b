// Package rules embeds calint's built-in Rego rules, their tests, the helper library and the
// metadata type schemas.
package rules

import "embed"

// FS holds every built-in rule (`*.rego`), its test (`*_test.rego`), the helper library
// (`lib/`) and the metadata schemas (`schema/*.json`).
//
//go:embed *.rego lib/*.rego schema/*.json
var FS embed.FS
