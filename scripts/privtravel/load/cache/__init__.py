"""A content-keyed cache of check results (gitignored, safe to delete), which can cost time but
never change an answer.

Two levels, both keyed by the *content* of files, never by their names or times alone:

* per unit: the unit's final diagnostics, valid while every file in the unit folder (the list of
  files and each file's bytes), the campaign config, the schemas, the package's own code and the
  versions of Python, PyYAML and jsonschema are unchanged.  A hit skips the unit entirely.
* per file: the strict-load + schema-validation result (diagnostics and validated data) of each
  file of a unit that has to be checked again, so a one-file change re-parses one file.  The later
  stages (cross-check, statistics, site) read these too (``Cache.reuse``): they need every unit
  loaded, but not every file parsed again.

Reading every file to hash it is the slow part at province scale, so, like git's index, a file's
hash is reused when its size, inode, mtime and ctime are all unchanged and it was last changed
well before the hashes were recorded (a file written within that window is always re-read).
ctime changes on every write, including one that restores the old mtime.

``memo``: the Cache itself; ``salt``: what every result depends on.  ``records``: the files on disk, JSON checked for shape before use
(never pickle: reading a record cannot run code).  ``place``: where the cache lives and when it
must not be used at all (tracked by git, inside the data folders).
"""

from privtravel.load.cache.memo import Cache
from privtravel.load.cache.place import CACHE_DIR
from privtravel.load.cache.salt import digest, salt

__all__ = ["CACHE_DIR", "Cache", "digest", "salt"]
