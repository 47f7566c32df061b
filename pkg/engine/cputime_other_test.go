//go:build !unix

package engine_test

import (
	"testing"
	"time"
)

// cpuTime is not measured here: the cpu-ns/app metric reads 0.
func cpuTime(*testing.B) time.Duration { return 0 }
