// Command parsefloor is the parse floor of scripts/bench: it walks DIR and tokenizes every
// metadata file with encoding/xml on as many workers as calint uses, and nothing else.
//
//	usage: parsefloor DIR
package main

import (
	"fmt"
	"os"

	"github.com/calint/calint/internal/parsefloor"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: parsefloor DIR")
		os.Exit(2)
	}
	r, err := parsefloor.Run(os.Args[1], 0)
	if err != nil {
		fmt.Fprintln(os.Stderr, "parsefloor:", err)
		os.Exit(1)
	}
	fmt.Printf("%d files, %d bytes, %d tokens\n", r.Files, r.Bytes, r.Tokens)
}
