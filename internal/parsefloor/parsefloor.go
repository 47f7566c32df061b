// Package parsefloor is the parse floor of the benchmarks: it finds the metadata files under
// a directory and tokenizes each with encoding/xml, on as many workers as a scan uses, and
// does nothing else. A scan can not be faster than this; docs/performance.md compares the two.
package parsefloor

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
)

// Result counts what Run read.
type Result struct {
	Files, Bytes, Tokens int64
}

// Find returns the metadata files (*-meta.xml) under dir, skipping .git and node_modules,
// in walk order.
func Find(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, "-meta.xml") {
			files = append(files, p)
		}
		return nil
	})
	return files, err
}

// Run walks dir and tokenizes every metadata file with encoding/xml's RawToken on jobs
// workers (0 means the number of CPUs), as a scan does, while the walk goes on.
func Run(dir string, jobs int) (Result, error) {
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	paths := make(chan string, jobs*4)
	var walkErr error
	go func() {
		defer close(paths)
		walkErr = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && (d.Name() == ".git" || d.Name() == "node_modules") {
				return filepath.SkipDir
			}
			if !d.IsDir() && strings.HasSuffix(p, "-meta.xml") {
				paths <- p
			}
			return nil
		})
	}()
	var files, size, tokens atomic.Int64
	var firstErr error
	var once sync.Once
	var wg sync.WaitGroup
	for range jobs {
		wg.Go(func() {
			for p := range paths {
				n, t, err := File(p)
				if err != nil {
					once.Do(func() { firstErr = err })
					continue
				}
				files.Add(1)
				size.Add(n)
				tokens.Add(t)
			}
		})
	}
	wg.Wait()
	if err := errors.Join(walkErr, firstErr); err != nil {
		return Result{}, err
	}
	return Result{Files: files.Load(), Bytes: size.Load(), Tokens: tokens.Load()}, nil
}

// File reads one file and tokenizes it, returning its size and token count.
func File(path string) (size, tokens int64, err error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return 0, 0, err
	}
	dec := xml.NewDecoder(bytes.NewReader(src))
	dec.Strict = true
	for {
		_, err := dec.RawToken()
		if errors.Is(err, io.EOF) {
			return int64(len(src)), tokens, nil
		}
		if err != nil {
			return 0, 0, fmt.Errorf("%s: %w", path, err)
		}
		tokens++
	}
}
