"""The analyze path of a CSV loads no Parquet writer/reader, file systems or ssl (cold-start time)."""

from __future__ import annotations

import json
import subprocess
import sys


def test_the_csv_analyze_path_does_not_import_pyarrow_parquet() -> None:
    # A fresh interpreter: the test session itself may have loaded these modules already.
    code = (
        "import json, sys\n"
        "import cxmapper.analysis.readers, cxmapper.analysis.report\n"
        "import cxmapper.analysis.engines.numpy_engine\n"
        "print(json.dumps(sorted(m for m in ('pyarrow.parquet', 'pyarrow.fs', 'ssl')"
        " if m in sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []
