"""The package as a stranger installs it: a wheel built from the checkout, installed apart from
it, serves an incident page from any directory (web assets and metadata travel inside it)."""

from __future__ import annotations

import socket
import subprocess
import sys
import sysconfig
import urllib.request
import zipfile

import pytest

from tests.integration.conftest import PROJECT
from tests.web.conftest import JANUARY, build


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(PROJECT),
            "--no-deps",
            "--quiet",
            "-w",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    return next(out.glob("incident_timeline-*.whl"))


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory):
    """The wheel installed into a folder of its own (its dependencies from this environment)."""
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--quiet",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    return target


def names(wheel) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


@pytest.mark.parametrize(
    "member",
    [
        "incident_timeline/web/metadata.yml",
        "incident_timeline/web/templates/pages/incidents/{slug}.html",
        "incident_timeline/web/plugins/timeline_page.py",
        "incident_timeline/web/static/timeline.css",
        "incident_timeline/spiders/site.py",
        "incident_timeline/pipelines/events.py",
    ],
)
def test_wheel_carries(wheel, member):
    assert member in names(wheel)


def test_wheel_installs_no_top_level_spiders_pipelines_or_web(wheel):
    assert {n.split("/")[0] for n in names(wheel)} <= {
        "incident_timeline",
        wheel.name.split("-py3")[0] + ".dist-info",
    }


def test_installed_wheel_serves_the_incident_page_from_elsewhere(installed, tmp_path):
    db = tmp_path / "story.db"
    build(db)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    # -S: no site hooks, so the checkout's editable install is out of sight; the wheel's folder
    # first, then the environment's libraries.
    code = (
        "import sys; sys.path[:0] = [sys.argv[1], sys.argv[2]]; "
        "from incident_timeline.cli import main; "
        "sys.exit(main(['serve', '--db', sys.argv[3], '--port', sys.argv[4], '--workers', '1']))"
    )
    proc = subprocess.Popen(
        [
            sys.executable,
            "-S",
            "-c",
            code,
            str(installed),
            sysconfig.get_paths()["purelib"],
            str(db),
            str(port),
        ],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        proc.stdout.readline()  # "Serving …": it listens
        with urllib.request.urlopen(
            f"http://127.0.0.1:{port}/incidents/{JANUARY}", timeout=30
        ) as r:
            status, page = r.status, r.read().decode("utf-8")
        module = subprocess.run(
            [
                sys.executable,
                "-S",
                "-c",
                "import sys; sys.path[:0] = [sys.argv[1], "
                "sys.argv[2]]; import incident_timeline; print(incident_timeline.__file__)",
                str(installed),
                sysconfig.get_paths()["purelib"],
            ],
            cwd=tmp_path,
            capture_output=True,
            text=True,
        ).stdout
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert (status, "<h1>" in page, module.startswith(str(installed))) == (200, True, True)
