package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/calint/calint/pkg/parse"
)

type hookDef struct {
	ID            string `yaml:"id"`
	Name          string `yaml:"name"`
	Entry         string `yaml:"entry"`
	Language      string `yaml:"language"`
	Files         string `yaml:"files"`
	PassFilenames *bool  `yaml:"pass_filenames"`
	RequireSerial bool   `yaml:"require_serial"`
}

func readHooks(t *testing.T) []hookDef {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot(t), ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var hooks []hookDef
	if err := yaml.Unmarshal(b, &hooks); err != nil {
		t.Fatal(err)
	}
	return hooks
}

// TestPreCommitHooksFile checks the hook definition: a golang hook that gets file names,
// runs once for all of them, and whose files pattern selects exactly the files calint
// recognises (every kind, in source and Metadata API format).
func TestPreCommitHooksFile(t *testing.T) {
	hooks := readHooks(t)
	if len(hooks) != 1 {
		t.Fatalf("%d hooks, want 1", len(hooks))
	}
	h := hooks[0]
	if h.ID != "calint" || h.Language != "golang" || !strings.HasPrefix(h.Entry, "calint") {
		t.Errorf("hook: %+v", h)
	}
	if h.PassFilenames == nil || !*h.PassFilenames || !h.RequireSerial {
		t.Error("the hook must get file names (pass_filenames) in one run (require_serial)")
	}
	// pre-commit matches with Python's re.search; this pattern means the same in Go
	files := regexp.MustCompile(h.Files)
	names := []string{"README.md", "x.xml", "sfdx-project.json", "a/b.connectedApp-meta.xml.bak", "a/.eca", "a/b.ECA",
		"a/b.connectedAppX", "a/b.eca-meta.xmlx", "a/b-meta.xml", "retrieve.zip", "a/b.ecaOauth.xml"}
	for _, k := range parse.Kinds {
		for _, base := range []string{"App", "My.App", "deep/dir/App"} {
			names = append(names, base+"."+k.Suffix, base+"."+k.Suffix+"-meta.xml")
		}
		if k.Name != "" { // settings: recognised by name
			for _, dir := range []string{"", "settings/", "a/settings/"} {
				names = append(names, dir+k.Name+"."+k.Suffix, dir+k.Name+"."+k.Suffix+"-meta.xml")
			}
		}
	}
	names = append(names, "settings/Security.settings-meta.xml", "x/MyOauthOidc.settings")
	names = append(names, "x/Legacy.connectedapp", "x/Legacy.connectedapp-meta.xml")
	for _, n := range names {
		_, _, recognised := parse.KindOf(n)
		if files.MatchString(n) != recognised {
			t.Errorf("%s: pattern matches %v, calint recognises %v", n, files.MatchString(n), recognised)
		}
	}
}

const cleanCA = `<?xml version="1.0" encoding="UTF-8"?>
<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <contactEmail>integration@example.com</contactEmail>
    <label>Clean</label>
    <oauthConfig>
        <callbackUrl>https://app.example.com/oauth/callback</callbackUrl>
        <isAdminApproved>true</isAdminApproved>
        <isPkceRequired>true</isPkceRequired>
        <scopes>Api</scopes>
    </oauthConfig>
    <oauthPolicy>
        <ipRelaxation>ENFORCE</ipRelaxation>
        <refreshTokenPolicy>zero</refreshTokenPolicy>
    </oauthPolicy>
    <profileName>Integration User</profileName>
</ConnectedApp>
`

const fullCA = `<?xml version="1.0" encoding="UTF-8"?>
<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <contactEmail>integration@example.com</contactEmail>
    <label>Risky</label>
    <oauthConfig>
        <callbackUrl>https://app.example.com/oauth/callback</callbackUrl>
        <isAdminApproved>true</isAdminApproved>
        <isPkceRequired>true</isPkceRequired>
        <scopes>Full</scopes>
    </oauthConfig>
    <profileName>Integration User</profileName>
</ConnectedApp>
`

const ecaHeader = `<?xml version="1.0" encoding="UTF-8"?>
<ExternalClientApplication xmlns="http://soap.sforce.com/2006/04/metadata">
    <contactEmail>admin@acme.example</contactEmail>
    <distributionState>Local</distributionState>
    <isProtected>false</isProtected>
    <label>Acme Sync</label>
</ExternalClientApplication>
`

const ecaOauth = `<?xml version="1.0" encoding="UTF-8"?>
<ExtlClntAppOauthSettings xmlns="http://soap.sforce.com/2006/04/metadata">
    <commaSeparatedOauthScopes>Api, RefreshToken</commaSeparatedOauthScopes>
    <externalClientApplication>Acme_Sync</externalClientApplication>
    <isFirstPartyAppEnabled>false</isFirstPartyAppEnabled>
    <label>Acme_Sync_oauth</label>
</ExtlClntAppOauthSettings>
`

const ecaPolicy = `<?xml version="1.0" encoding="UTF-8"?>
<ExtlClntAppOauthConfigurablePolicies xmlns="http://soap.sforce.com/2006/04/metadata">
    <commaSeparatedPermissionSet>Acme_Sync_Users</commaSeparatedPermissionSet>
    <externalClientApplication>Acme_Sync</externalClientApplication>
    <ipRelaxationPolicyType>Enforce</ipRelaxationPolicyType>
    <isClientCredentialsFlowEnabled>false</isClientCredentialsFlowEnabled>
    <label>Acme_Sync_oauthPlcy</label>
    <permittedUsersPolicyType>AdminApprovedPreAuthorized</permittedUsersPolicyType>
    <refreshTokenPolicyType>SpecificLifetime</refreshTokenPolicyType>
    <refreshTokenValidityPeriod>PERIOD</refreshTokenValidityPeriod>
    <refreshTokenValidityUnit>Days</refreshTokenValidityUnit>
    <requiredSessionLevel>STANDARD</requiredSessionLevel>
</ExtlClntAppOauthConfigurablePolicies>
`

// TestPreCommitHook runs Debian's pre-commit in a temporary git repository whose
// .pre-commit-config.yaml uses this repository as the hook source: the working tree
// (uncommitted work included) is committed into a temporary hook repository, and
// pre-commit builds calint from it with the Go toolchain. A commit of a clean app passes,
// a commit of a Full-scope app is blocked and shows the finding, --all-files checks every
// metadata file, and the files of an External Client App are joined (or, for a lone
// child file, reported without a crash).
func TestPreCommitHook(t *testing.T) {
	long(t)
	preCommit := need(t, "pre-commit")
	git := need(t, "git")
	goBin := need(t, "go")
	root := repoRoot(t)
	tmp := t.TempDir()
	// an own global git config (never /dev/null: a tool that writes the global config
	// would replace it)
	gitConfig := filepath.Join(tmp, "gitconfig")
	writeFile(t, gitConfig, "[user]\n\tname = calint test\n\temail = test@example.com\n[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n")
	gitEnv := []string{"GIT_CONFIG_GLOBAL=" + gitConfig, "GIT_CONFIG_NOSYSTEM=1"}
	env := append([]string{
		"PRE_COMMIT_HOME=" + filepath.Join(tmp, "pre-commit-home"),
		"PRE_COMMIT_COLOR=never", "NO_COLOR=1",
	}, gitEnv...)
	// pre-commit gives the hook its own GOPATH; the modules come from the local module cache
	// (the build cache is shared through HOME)
	env = append(env, hermeticGo(t, goBin, root)...)

	// the hook repository: this working tree, committed
	src := filepath.Join(tmp, "hook-src")
	for _, f := range sourceFiles(t, root) {
		b, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(src, f), string(b))
	}
	mustRun(t, src, env, git, "init", "-q")
	mustRun(t, src, env, git, "add", "-A")
	mustRun(t, src, env, git, "commit", "-q", "-m", "calint working tree")
	rev := strings.TrimSpace(mustRun(t, src, env, git, "rev-parse", "HEAD"))

	// the project that uses the hook
	proj := filepath.Join(tmp, "project")
	writeFile(t, filepath.Join(proj, ".pre-commit-config.yaml"), "repos:\n  - repo: "+src+"\n    rev: "+rev+"\n    hooks:\n      - id: calint\n")
	mustRun(t, proj, env, git, "init", "-q")
	mustRun(t, proj, env, preCommit, "install")
	commit := func(msg string) result {
		t.Helper()
		return run(t, 10*time.Minute, proj, env, git, "commit", "-m", msg)
	}
	head := func() string { return strings.TrimSpace(mustRun(t, proj, env, git, "rev-parse", "HEAD")) }
	check := func(r result, wantCode int, want []string, notWant []string) {
		t.Helper()
		if (r.code == 0) != (wantCode == 0) {
			t.Fatalf("exit %d, want %d:\n%s", r.code, wantCode, r.out)
		}
		for _, w := range want {
			if !strings.Contains(r.out, w) {
				t.Errorf("output lacks %q:\n%s", w, r.out)
			}
		}
		for _, w := range notWant {
			if strings.Contains(r.out, w) {
				t.Errorf("output has %q:\n%s", w, r.out)
			}
		}
	}

	// 1. a clean Connected App and a complete External Client App: the commit passes
	def := filepath.Join(proj, "force-app", "main", "default")
	writeFile(t, filepath.Join(def, "connectedApps", "Clean.connectedApp-meta.xml"), cleanCA)
	writeFile(t, filepath.Join(def, "externalClientApps", "Acme_Sync.eca-meta.xml"), ecaHeader)
	writeFile(t, filepath.Join(def, "extlClntAppOauthSettings", "Acme_Sync_oauth.ecaOauth-meta.xml"), ecaOauth)
	writeFile(t, filepath.Join(def, "extlClntAppOauthPolicies", "Acme_Sync_oauthPlcy.ecaOauthPlcy-meta.xml"), strings.Replace(ecaPolicy, "PERIOD", "30", 1))
	writeFile(t, filepath.Join(proj, "notes.xml"), "<notes>not metadata</notes>\n")
	mustRun(t, proj, env, git, "add", "-A")
	check(commit("clean apps"), 0, []string{"calint", "Passed"}, nil)
	first := head()

	// 2. --all-files passes every metadata file at once, so the ECA's files are joined:
	// no dangling-reference finding
	r := run(t, 5*time.Minute, proj, env, preCommit, "run", "--all-files", "--verbose")
	check(r, 0, []string{"Passed", "in 4 files, 2 apps", "calint: PASS (fail-on high)"}, []string{"CAL604", "notes.xml", "hint"})

	// 3. only a child file of the ECA changes: pre-commit passes that file alone, calint
	// reads the rest of the app from the project as context (no false dangling-reference
	// finding) and reports only the changed file (a 365-day lifetime is a medium
	// finding, below the default fail-on)
	writeFile(t, filepath.Join(def, "extlClntAppOauthPolicies", "Acme_Sync_oauthPlcy.ecaOauthPlcy-meta.xml"), strings.Replace(ecaPolicy, "PERIOD", "365", 1))
	mustRun(t, proj, env, git, "add", "-A")
	r = run(t, 5*time.Minute, proj, env, preCommit, "run", "--verbose")
	check(r, 0, []string{"Passed", "CAL103", "in 1 file, 1 app"}, []string{"CAL604", "panic", "goroutine"})
	check(commit("shorter refresh tokens"), 0, []string{"Passed"}, nil)
	second := head()
	if second == first {
		t.Fatal("the commit of the child file was not made")
	}

	// 3b. header and child staged together are joined
	writeFile(t, filepath.Join(def, "externalClientApps", "Acme_Sync.eca-meta.xml"), strings.Replace(ecaHeader, "Acme Sync", "Acme Sync 2", 1))
	writeFile(t, filepath.Join(def, "extlClntAppOauthPolicies", "Acme_Sync_oauthPlcy.ecaOauthPlcy-meta.xml"), strings.Replace(ecaPolicy, "PERIOD", "45", 1))
	mustRun(t, proj, env, git, "add", "-A")
	r = run(t, 5*time.Minute, proj, env, preCommit, "run", "--verbose")
	check(r, 0, []string{"Passed", "in 2 files, 1 app"}, []string{"CAL604"})
	check(commit("rename"), 0, []string{"Passed"}, nil)
	third := head()

	// 4. a Full-scope app (Metadata API format) is blocked, with the finding shown
	writeFile(t, filepath.Join(proj, "src", "connectedApps", "Risky.connectedApp"), fullCA)
	mustRun(t, proj, env, git, "add", "-A")
	r = commit("add a risky app")
	check(r, 1, []string{"Failed", "CAL101", "src/connectedApps/Risky.connectedApp:9:", "Full"}, nil)
	// the hook's output ends with the verdict and a hint at baselines and suppressions
	lines := strings.Split(strings.TrimSpace(r.out), "\n")
	if n := len(lines); n < 2 || !strings.HasPrefix(lines[n-2], "calint: FAIL (fail-on high): 0 critical, 1 high,") ||
		!strings.HasPrefix(lines[n-1], "calint: hint: ") || !strings.Contains(lines[n-1], "--write-baseline") {
		t.Errorf("the hook output does not end with the verdict and a hint:\n%s", r.out)
	}
	if head() != third {
		t.Fatal("the commit of a Full-scope app was not blocked")
	}

	// 5. --all-files sees it too, with every other metadata file
	r = run(t, 5*time.Minute, proj, env, preCommit, "run", "--all-files")
	check(r, 1, []string{"Failed", "CAL101", "in 5 files, 3 apps"}, nil)
}
