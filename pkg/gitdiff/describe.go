package gitdiff

import (
	"context"
	"net/url"
	"os/exec"
	"strings"
)

// Repo describes the git repository a scan ran in, for reports.
type Repo struct {
	// Remote is the URL of the remote "origin" with any credentials removed; empty when
	// there is none.
	Remote string
	// Commit is the full id of HEAD.
	Commit string
	// Dirty is true when the working tree has uncommitted changes.
	Dirty bool
}

// Describe returns the repository around dir, or false when dir is not in a git working
// tree (or git is not installed).
func Describe(ctx context.Context, dir string) (Repo, bool) {
	if _, err := exec.LookPath("git"); err != nil {
		return Repo{}, false
	}
	head, err := git(ctx, dir, "rev-parse", "--verify", "--quiet", "HEAD")
	if err != nil {
		return Repo{}, false
	}
	r := Repo{Commit: strings.TrimSpace(head)}
	if remote, err := git(ctx, dir, "config", "--get", "remote.origin.url"); err == nil {
		r.Remote = withoutCredentials(strings.TrimSpace(remote))
	}
	if st, err := git(ctx, dir, "status", "--porcelain", "--untracked-files=no"); err == nil {
		r.Dirty = strings.TrimSpace(st) != ""
	}
	return r, true
}

// withoutCredentials drops the user information (a token, a password) and any query or
// fragment from a remote URL; scp-like remotes (git@host:path) keep only host and path.
func withoutCredentials(remote string) string {
	if u, err := url.Parse(remote); err == nil && u.Scheme != "" && u.Host != "" {
		u.User = nil
		u.RawQuery, u.Fragment = "", ""
		return u.String()
	}
	if at := strings.LastIndex(remote, "@"); at >= 0 && strings.Contains(remote[at:], ":") {
		return remote[at+1:]
	}
	return remote
}
