"""The review summary of a merge request: what it changes in people, documents, trips, custody,
approvals and cases, per unit, and (through ``extras``) in the statistics and the cross-check findings.

trees.py     the campaign at the merge base and in the working tree, loaded with the project's loader
align.py     pairing old and new records by their keys
values.py    values as a reviewer reads them (dates, 是/否, lists; numbers masked)
fields.py    field-by-field comparison of two records
changes.py   the summary as data: units, sections, items
records.py   one section per kind of declaration
campaign.py  the campaign config's changes
extras.py    the seam for 附件2/附件3 figures and cross-check findings
build.py     everything above put together
markdown.py  the summary as Markdown for the reviewer (long sections collapsed)
"""
