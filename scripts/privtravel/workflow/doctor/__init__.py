"""`privtravel gitlab doctor`: the GitLab project's settings this repository's trust rests on, checked.

fetch.py reads them through the REST API (one snapshot, every answer kept with its HTTP status);
checks.py judges the snapshot, one function per topic, each finding with its fix in Chinese;
report.py prints them.  A setting that cannot be read counts as unsafe: not knowing is not safe.
"""
