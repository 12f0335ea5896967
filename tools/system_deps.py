"""Make sure the Debian packages orgdesk needs are installed.

Runs with the system Python before any virtualenv exists.  Installs through
apt-get when running as root on Debian/Ubuntu; otherwise prints the exact
command to run and exits non-zero so `make` stops with that sentence.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys


def missing_packages(packages: list[str]) -> list[str]:
    missing = []
    for name in packages:
        result = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", name],
            capture_output=True, text=True, check=False,
        )
        if "install ok installed" not in result.stdout:
            missing.append(name)
    return missing


def main(argv: list[str]) -> int:
    packages = argv[1:]
    if not shutil.which("dpkg-query"):
        print("orgdesk: not a Debian-based system; install Graphviz and a CJK font "
              "yourself (see README, 'Other systems').", file=sys.stderr)
        return 0
    missing = missing_packages(packages)
    if not missing:
        return 0
    command = ["apt-get", "install", "-y", "--no-install-recommends", *missing]
    if os.geteuid() != 0:
        print("orgdesk needs these system packages; run:\n  sudo apt-get update && sudo "
              + " ".join(command), file=sys.stderr)
        return 1
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    print("orgdesk: installing system packages: " + " ".join(missing), flush=True)
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
