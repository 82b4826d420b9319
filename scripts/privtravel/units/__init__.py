"""One repository per unit: the committee mounts each unit's repository at submissions/<单位代码>/.

mounts     which unit folders are submodules, at which commit; reading the base side of a review
git        plain git for the unit commands (file:// remotes allowed, errors in Chinese)
workspace  a committee-layout folder around one unit's files (the unit's own hook and pipeline)
scaffold   the files of a ready unit repository (README, hooks, templates, schemas)
init       `units init`: write a new unit repository
split      `units split`: turn a folder into a unit repository with its history, mount it
sync       `units sync`: take in each unit's checked main, one commit per unit
state      what sync refused and since when (committed, read by the dashboard)
history    each unit repository's history of record (merges, approvers) for the audit trail
"""
