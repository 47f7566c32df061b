# METADATA
# title: Unreadable or malformed metadata file
# description: >-
#   A recognised metadata file could not be scanned: it cannot be read, is not well-formed XML, is not UTF-8 (after an optional byte order mark), exceeds the size limit, uses a DTD or entities (refused for safety), or its root element does not match its suffix. calint scans every other file and exits 2, so a broken file never passes a gate silently.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: documentation
# custom:
#   id: CAL001
#   name: ParseError
#   severity: high
#   remediation: >-
#     Fix the file so that it is well-formed UTF-8 XML whose root element matches the suffix (for example <ConnectedApp> in a .connectedApp-meta.xml file). Retrieving the component again with sf project retrieve start gives a valid file.
#   reported_by: calint
package calint.rules.cal001

# This rule is reported by calint itself (parsing and suppression handling), not by Rego.
