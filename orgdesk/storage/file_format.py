"""What makes a file an `.orgdesk` file of a given format: its application id and version.

Apart from `schema` (which builds SQLAlchemy tables) so that reading and
checking a file — every export, `info`, `check` — needs no SQLAlchemy: importing
it costs a third of a second, more than a 10,000-position chart's layout.
"""
from __future__ import annotations

#: `PRAGMA application_id` of every .orgdesk file: ASCII "OrgD".
APPLICATION_ID = 0x4F726744
#: `PRAGMA user_version` written by this build.
SCHEMA_VERSION = 4  # 4: scenarios (see storage.scenarios)
