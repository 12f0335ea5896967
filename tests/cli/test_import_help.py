"""`orgdesk import --help` lists the fields a column can be read as (filled in when shown)."""
from __future__ import annotations

import pytest

from orgdesk.cli import main
from orgdesk.io.fields import FIELDS


def test_the_import_help_lists_every_field(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["import", "--help"])
    assert exited.value.code == 0
    help_text = capsys.readouterr().out
    assert "FIELD is one of:" in help_text
    listed = help_text.split("FIELD is one of:")[1].split("Nothing is written")[0].split()
    assert listed == [f.key for f in FIELDS]
    assert "{fields}" not in help_text
