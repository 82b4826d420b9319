"""The merge-request workflow: CODEOWNERS from the campaign config, the ownership check, the review summary.

owners.py      who owns which path (one table, used by CODEOWNERS and by the ownership check)
codeowners.py  .gitlab/CODEOWNERS rendered from campaign.yaml, and the check that they agree
gitrepo.py     the git plumbing: merge base, changed paths, a commit's tree extracted to a folder
membership.py  who the author is: GitLab login and the groups they belong to
ownership.py   the ownership check: every changed path must belong to the author
gitlab_api.py  the GitLab API (python-gitlab): group members, the review note on a merge request
review/        the review summary: both trees loaded with the project's loader, compared, rendered
"""
