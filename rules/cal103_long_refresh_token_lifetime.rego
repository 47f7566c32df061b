# METADATA
# title: Refresh token lifetime or idle time too long
# description: |-
#   The refresh token policy lets tokens live longer than the configured maximum:
#   a ConnectedApp `specific_lifetime:N:UNIT` longer than `max-refresh-token-lifetime-days`
#   (default 90) or `specific_inactivity:N:UNIT` longer than `max-refresh-token-idle-days`
#   (default 30); for an External Client App, `refreshTokenPolicyType` `SpecificLifetime` or
#   `SpecificInactivity` with `refreshTokenValidityPeriod` and `refreshTokenValidityUnit` likewise.
#   A month counts as 30 days. Salesforce recommends that refresh tokens expire after 90 days or
#   fewer and that idle refresh tokens expire after 30 days; every extra day is a day in which a
#   leaked token still works.
#
#   Reported only where the app can receive a refresh token: its scopes include `RefreshToken`
#   (`refresh_token`, `offline_access`). Salesforce's scope reference says `full` "does not
#   return a refresh token", so without that scope the policy governs no token.
#
#   Severity: medium. The lifetime bounds how long a leaked refresh token works; Salesforce's
#   security controls rate refresh-token misuse High, and list short-lived, rotating refresh
#   tokens as the compensating control for other OAuth risks.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappoauthconfigurablepolicies.htm
#     description: ExtlClntAppOauthConfigurablePolicies (refreshTokenValidityPeriod, refreshTokenValidityUnit)
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.connected_app_limit_idle_ttl.htm
#     description: Limit the Idle Refresh Token TTL in Connected Apps (30 days)
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_oauth_tokens_scopes.htm
#     description: OAuth Tokens and Scopes (full returns no refresh token)
# schemas:
#   - input: schema.input
# custom:
#   id: CAL103
#   name: LongRefreshTokenLifetime
#   severity: medium
#   remediation: |-
#     Shorten the refresh token policy to at most 90 days of lifetime or 30 days of inactivity
#     (or whatever `max-refresh-token-lifetime-days` / `max-refresh-token-idle-days` allow).
#   example: |-
#     <refreshTokenPolicy>specific_inactivity:30:DAYS</refreshTokenPolicy>
package calint.rules.cal103

import data.calint.lib

# hours per unit; a month counts as 30 days
unit_hours := {"HOURS": 1, "DAYS": 24, "MONTHS": 720}

kinds := {
	"lifetime": {"option": "max-refresh-token-lifetime-days", "what": "a refresh token stays valid for"},
	"inactivity": {"option": "max-refresh-token-idle-days", "what": "an unused refresh token stays valid for"},
}

eca_kinds := {"SpecificLifetime": "lifetime", "SpecificInactivity": "inactivity"}

# fmt_days prints a number of days without a trailing ".0" for whole days.
fmt_days(d) := sprintf("%d", [d]) if d == floor(d)

fmt_days(d) := sprintf("%.2f", [d]) if d != floor(d)

# duration(n, unit, hours): the policy's duration as written, with its length in days when
# the unit is not days ("365 days", "4 months (120 days)", "2161 hours (90.04 days)").
duration(n, unit, hours) := sprintf("%v days", [n]) if upper(unit) == "DAYS"

duration(n, unit, hours) := sprintf("%v %s (%s days)", [n, lower(unit), fmt_days(hours / 24)]) if upper(unit) != "DAYS"

# CA: oauthPolicy/refreshTokenPolicy specific_lifetime:N:UNIT or specific_inactivity:N:UNIT
deny contains {"msg": msg, "node": p} if {
	lib.is_ca
	lib.refresh_scope_granted
	p := input.connectedApp.oauthPolicy.refreshTokenPolicy
	is_string(p.value)
	parts := regex.find_all_string_submatch_n(`^specific_(lifetime|inactivity):([0-9]+):([A-Za-z]+)$`, p.value, 1)[0]
	kind := kinds[parts[1]]
	n := to_number(parts[2])
	hours := n * unit_hours[upper(parts[3])]
	limit := lib.option(kind.option)
	hours > limit * 24
	msg := sprintf("refresh token policy %s: %s %s, more than the maximum of %v days (%s)", [p.value, kind.what, duration(n, parts[3], hours), limit, kind.option])
}

# ECA: refreshTokenPolicyType SpecificLifetime/SpecificInactivity with period and unit
deny contains {"msg": msg, "node": period} if {
	lib.is_eca
	lib.refresh_scope_granted
	plcy := input.ecaOauthPlcy
	kind := kinds[eca_kinds[plcy.refreshTokenPolicyType.value]]
	period := plcy.refreshTokenValidityPeriod
	is_number(period.value)
	unit := plcy.refreshTokenValidityUnit.value
	hours := period.value * unit_hours[upper(unit)]
	limit := lib.option(kind.option)
	hours > limit * 24
	msg := sprintf("refresh token policy %s: %s %s, more than the maximum of %v days (%s)", [plcy.refreshTokenPolicyType.value, kind.what, duration(period.value, unit, hours), limit, kind.option])
}
