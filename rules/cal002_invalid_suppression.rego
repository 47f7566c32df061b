# METADATA
# title: Invalid suppression
# description: >-
#   A calint:ignore comment or a config ignore entry is malformed: it has no reason, names an unknown rule id, or has an expiry date that is not YYYY-MM-DD. An invalid suppression suppresses nothing.
# related_resources:
#   - ref: https://github.com/calint/calint/blob/main/docs/suppressions.md
#     description: documentation
# custom:
#   id: CAL002
#   name: InvalidSuppression
#   severity: medium
#   remediation: >-
#     Give the suppression known rule ids, a reason and, optionally, an expiry date: <!-- calint:ignore CAL101 reason="legacy integration, owner: team-x" expires=2027-06-30 -->
#   reported_by: calint
package calint.rules.cal002

# This rule is reported by calint itself (parsing and suppression handling), not by Rego.
