# METADATA
# title: Unused suppression
# description: >-
#   A suppression matched no finding (reported only with --report-unused-suppressions). It is dead weight that may hide a future problem.
# related_resources:
#   - ref: https://github.com/calint/calint/blob/main/docs/suppressions.md
#     description: documentation
# custom:
#   id: CAL004
#   name: UnusedSuppression
#   severity: info
#   remediation: >-
#     Remove the suppression.
#   reported_by: calint
package calint.rules.cal004

# This rule is reported by calint itself (parsing and suppression handling), not by Rego.
