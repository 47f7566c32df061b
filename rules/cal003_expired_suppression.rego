# METADATA
# title: Expired suppression
# description: >-
#   A suppression's expiry date has passed, so it no longer hides the finding it covered; that finding is reported again.
# related_resources:
#   - ref: https://github.com/calint/calint/blob/main/docs/suppressions.md
#     description: documentation
# custom:
#   id: CAL003
#   name: ExpiredSuppression
#   severity: medium
#   remediation: >-
#     Fix the finding, or review the accepted risk and move the expiry date.
#   reported_by: calint
package calint.rules.cal003

# This rule is reported by calint itself (parsing and suppression handling), not by Rego.
