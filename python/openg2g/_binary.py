"""Finding the ``openg2g`` executable."""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import List, Optional

from ._errors import OpenG2GError

ENV_VAR = "OPENG2G_BIN"


def _repo_build() -> Path:
    # python/openg2g/_binary.py -> the repository root is two folders up from the package.
    return Path(__file__).resolve().parents[2] / "OpenG2G.Cli" / "bin" / "Release" / "net10.0"


def find_binary(binary: Optional[str] = None) -> List[str]:
    """The command that starts ``openg2g``, as an argument list.

    Rule, first match wins: the ``binary`` argument; the ``OPENG2G_BIN`` environment variable; ``openg2g`` on
    ``PATH``; the repository's build ``OpenG2G.Cli/bin/Release/net10.0/openg2g`` (``dotnet build OpenG2G.Cli
    -c Release``). A path ending in ``.dll`` is started with ``dotnet``.
    """
    tried = []
    for source, value in (("binary argument", binary), (ENV_VAR, os.environ.get(ENV_VAR))):
        if value:
            path = Path(value).expanduser()
            if path.is_file():
                return _command(path)
            raise OpenG2GError(f"{source}: {value} is not a file; point it at the openg2g executable (or openg2g.dll)")
    on_path = shutil.which("openg2g")
    if on_path:
        return [on_path]
    tried.append("openg2g on PATH")
    build = _repo_build()
    for name in ("openg2g", "openg2g.exe", "openg2g.dll"):
        if (build / name).is_file():
            return _command(build / name)
    tried.append(str(build / "openg2g"))
    raise OpenG2GError(
        "cannot find the openg2g executable; tried " + ", ".join(tried)
        + f". Build it (dotnet build OpenG2G.Cli -c Release) or set {ENV_VAR} to its path")


def _command(path: Path) -> List[str]:
    if path.suffix == ".dll":
        dotnet = shutil.which("dotnet")
        if dotnet is None:
            raise OpenG2GError(f"{path} is a .dll and needs 'dotnet' on PATH to start")
        return [dotnet, str(path)]
    return [str(path)]
