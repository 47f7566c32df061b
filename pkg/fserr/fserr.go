// Package fserr shapes file-system errors for messages that already name the file.
package fserr

import (
	"errors"
	"io/fs"
)

// Cause returns the error under an *fs.PathError (*os.PathError is the same type), such as
// "no such file or directory", for a message that names the path itself: wrapping the
// PathError as is would name it twice ("config a.yaml: open a.yaml: no such file ...").
// Any other error is returned unchanged.
func Cause(err error) error {
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		return pe.Err
	}
	return err
}
