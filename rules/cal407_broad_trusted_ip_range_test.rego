package calint.rules.cal407_test

import data.calint.rules.cal407
import data.calint.test as t

ca_range(ref, start, end, facts) := {"_ref": ref, "start": {"_ref": ref + 1, "value": start}, "end": {"_ref": ref + 2, "value": end}, "_range": facts}

eca_range(ref, start, end, facts) := {"_ref": ref, "startIpAddress": {"_ref": ref + 1, "value": start}, "endIpAddress": {"_ref": ref + 2, "value": end}, "_range": facts}

ca_ranges(ranges) := t.ca({"ipRanges": ranges})

eca_ranges(ranges) := t.eca({"ecaOauth": {"_ref": 0, "trustedIpRanges": ranges}})

test_ca_whole_internet_fires if {
	r := cal407.deny with input as ca_ranges([
		ca_range(10, "203.0.113.10", "203.0.113.20", {"valid": true, "reversed": false, "addresses": 11}),
		ca_range(20, "0.0.0.0", "255.255.255.255", {"valid": true, "reversed": false, "addresses": 4294967296}),
	])
	count(r) == 1
	some f in r
	f.node._ref == 20
	f.key == "broad"
	contains(f.msg, "4294967296")
	contains(f.msg, "0.0.0.0-255.255.255.255")
}

test_ca_ipv6_capped_count_fires if {
	r := cal407.deny with input as ca_ranges([ca_range(10, "::", "ffff::", {"valid": true, "reversed": false, "addresses": 9223372036854775808})])
	count(r) == 1
	some f in r
	contains(f.msg, "9223372036854775808")
}

# default 256 addresses (a /24)
test_ca_exactly_default_passes if {
	r := cal407.deny with input as ca_ranges([ca_range(10, "198.51.100.0", "198.51.100.255", {"valid": true, "reversed": false, "addresses": 256})])
	count(r) == 0
}

# severity by size: up to a /16 medium (real corpus: 80.153.0.0-80.153.255.255), above high
test_ca_tiers if {
	r := cal407.deny with input as ca_ranges([
		ca_range(10, "198.51.100.0", "198.51.101.0", {"valid": true, "reversed": false, "addresses": 257}),
		ca_range(20, "80.153.0.0", "80.153.255.255", {"valid": true, "reversed": false, "addresses": 65536}),
		ca_range(30, "80.152.0.0", "80.153.255.255", {"valid": true, "reversed": false, "addresses": 131072}),
	])
	{f.node._ref: f.severity | some f in r} == {10: "medium", 20: "medium", 30: "high"}
}

test_ca_option_override if {
	inp := ca_ranges([ca_range(10, "10.0.0.0", "10.0.255.255", {"valid": true, "reversed": false, "addresses": 65536})])
	count(cal407.deny) == 1 with input as inp
	count(cal407.deny) == 0 with input as inp
		with data.calint.options as {"max-trusted-ip-addresses": 65536}
	count(cal407.deny) == 1 with input as inp
		with data.calint.options as {"max-trusted-ip-addresses": 65536}
		with data.calint.apps as {"A": {"max-trusted-ip-addresses": 256}}
}

test_ca_reversed_fires if {
	r := cal407.deny with input as ca_ranges([ca_range(10, "10.0.0.20", "10.0.0.10", {"valid": true, "reversed": true, "addresses": 0})])
	count(r) == 1
	some f in r
	f.key == "reversed"
	f.node._ref == 10
}

test_ca_invalid_fires if {
	r := cal407.deny with input as ca_ranges([ca_range(10, "10.0.0.300", "10.0.1.1", {"valid": false, "reversed": false, "addresses": 0})])
	count(r) == 1
	some f in r
	f.key == "invalid"
	f.node._ref == 10
}

test_ca_no_ranges_passes if {
	r := cal407.deny with input as {"app": t.ca_app, "connectedApp": {"_ref": 0}}
	count(r) == 0
}

test_eca_broad_fires if {
	r := cal407.deny with input as eca_ranges([
		eca_range(10, "198.51.100.0", "198.51.100.255", {"valid": true, "reversed": false, "addresses": 256}),
		eca_range(20, "10.0.0.0", "10.255.255.255", {"valid": true, "reversed": false, "addresses": 16777216}),
	])
	count(r) == 1
	some f in r
	f.node._ref == 20
	contains(f.msg, "ecaOauth/trustedIpRanges")
}

test_eca_mixed_family_fires if {
	r := cal407.deny with input as eca_ranges([eca_range(10, "10.0.0.1", "::1", {"valid": false, "reversed": false, "addresses": 0})])
	count(r) == 1
	some f in r
	f.key == "invalid"
}

test_eca_narrow_passes if {
	r := cal407.deny with input as eca_ranges([eca_range(10, "198.51.100.0", "198.51.100.255", {"valid": true, "reversed": false, "addresses": 256})])
	count(r) == 0
}

# the whole violation, as the engine receives it
test_whole_violation if {
	app := ca_ranges([
		ca_range(10, "203.0.113.10", "203.0.113.20", {"valid": true, "reversed": false, "addresses": 11}),
		ca_range(20, "0.0.0.0", "255.255.255.255", {"valid": true, "reversed": false, "addresses": 4294967296}),
	])
	t.equals(cal407.deny, {{
		"key": "broad",
		"msg": "ipRanges entry 0.0.0.0-255.255.255.255 spans 4294967296 addresses, more than max-trusted-ip-addresses (256); users connecting from it skip identity verification",
		"node": app.connectedApp.ipRanges[1],
		"severity": "high",
	}}) with input as app
}
