"""Web forms (网页填报) for a unit's HR: Decap CMS configured from schemas/.

fields.py turns each schema field into a form widget (Chinese label and help from its title and
description, drop-downs from enums, dates as 年-月-日, numbers-as-text as text); shapes.py gives the
browser's YAML writer (site/forms/privtravel-yaml.js, a port of excel/emit.py) the field order it
needs to write the very bytes `privtravel import` writes; config.py builds one editor configuration
per unit (its own folder, or its own unit repository), with the GitLab backend, the editorial
workflow (each save a branch and a merge request) and Chinese commit messages; build.py writes the
editor into the dashboard at forms/.
"""
