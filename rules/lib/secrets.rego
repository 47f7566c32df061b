# Helpers for the secret-exposure (3xx) rules: placeholder secrets, PEM private keys and
# naming elements found by walk().
package calint.lib

# secret_placeholder is true for a value that obviously stands in for a secret instead of
# being one: {SECRET}, {{secret}}, ${ENV_VAR}, <your secret>, changeme, xxxx, ****.
secret_placeholder(s) if regex.match(`^\$?\{+[^{}]*\}+$`, trim_space(s))

secret_placeholder(s) if regex.match(`^<[^<>]*>$`, trim_space(s))

secret_placeholder(s) if regex.match(`^(?i)(change[-_ ]?me|change[-_ ]?it|placeholder([-_ ]?value)?|todo|tbd|redacted|dummy|secret|your[-_ ]?(consumer[-_ ]?|client[-_ ]?)?secret([-_ ]?here)?)$`, trim_space(s))

secret_placeholder(s) if regex.match(`^[xX*]+$`, trim_space(s))

# pem_private_key_pattern matches the BEGIN marker of a PEM private key block, e.g.
# -----BEGIN PRIVATE KEY-----, -----BEGIN RSA PRIVATE KEY-----, -----BEGIN OPENSSH PRIVATE KEY-----.
pem_private_key_pattern := `-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----`

# pem_private_key_marker returns the BEGIN marker of the first private key block in s.
pem_private_key_marker(s) := m if {
	is_string(s)
	contains(s, "PRIVATE KEY")
	some m in regex.find_n(pem_private_key_pattern, s, 1)
}

# walk_path_name names the element at a walk() path: its string segments joined by "/",
# without array indexes and without the "urls" list of a urllist leaf.
walk_path_name(path) := concat("/", [p | some p in path; is_string(p); p != "urls"])

# walk_skip_path is true for a walk() path into the input's non-element parts (app metadata,
# unknownElements, invalidValues) or into the per-line "urls" entries of a urllist leaf.
walk_skip_path(path) if path[0] in {"app", "unknownElements", "invalidValues"}

walk_skip_path(path) if "urls" in path
