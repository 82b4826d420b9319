"""The merge-request workflow: CODEOWNERS from the campaign config, the ownership check, the review summary.

In CI these run as the judge: the tool, schemas and campaign config of the target branch, with only the
data of the merge request (.ci/judge builds that tree outside the clone; see .gitlab-ci.yml).

owners.py      who owns which path (one table, used by CODEOWNERS and by the ownership check)
codeowners.py  .gitlab/CODEOWNERS rendered from campaign.yaml, and the check that they agree
gitrepo.py     the git plumbing: merge base, changed paths, a commit's tree extracted to a folder
membership.py  who the author is: GitLab login and the groups they belong to
identity.py    who the merge request comes from as GitLab recorded it (author, pipeline user, commit authors)
ownership.py   the ownership check: every changed path must belong to the author and the pipeline user
gitlab_api.py  the GitLab API (python-gitlab): group members, the review note on a merge request
review/        the review summary: both trees loaded with the project's loader, compared, rendered; what the
               merge request changes besides data named at its top (review/pending.py)
"""
