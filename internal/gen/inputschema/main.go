// Command inputschema prints the JSON schema of the rule input document
// (docs/input.schema.json), generated from rules/schema.
package main

import (
	"fmt"
	"os"

	"github.com/calint/calint/pkg/engine"
)

func main() {
	s, err := engine.Schemas()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	b, err := s.JSONSchema()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(string(b))
}
