"""The benchmark data sets, built once with `seed-demo` and cached in bench/data/.

A cached file is named after a hash of what decides its content — the migrations,
the demo seed code, the shipped grids and the seed parameters — so that a change to
any of them builds a new file on the next run. Runs work on copies: the cache stays
as built.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
FLASK = [sys.executable, "-m", "flask", "--app", "app"]
SOURCES = ("migrations", "hr/demo", "hr/grids/shipped")
SEED = 2026


@dataclass(frozen=True)
class DataSet:
    employees: int
    years: int

    @property
    def name(self) -> str:
        return f"demo-{self.employees}x{self.years}"


LARGE = DataSet(5000, 8)
SMALL = DataSet(50, 8)


def source_hash(data_set: DataSet) -> str:
    """Also the month: the seed dates its history from today, and pages such as
    "this month" stay meaningful when the data set is at most a month old."""
    digest = hashlib.sha256(f"{data_set}:{SEED}:{date.today():%Y-%m}".encode())
    for top in SOURCES:
        for path in sorted((ROOT / top).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(ROOT)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def env_for(database: Path) -> dict[str, str]:
    """The environment of a Parcours process on `database` (never instance/)."""
    env = dict(os.environ)
    env.update(
        DATABASE_URL=f"sqlite:///{database.resolve()}",
        SECRET_KEY="bench-secret-key-not-for-production",
        PARCOURS_ENV="local",
        PYTHONPATH=str(ROOT),
    )
    return env


def _checkpoint(database: Path) -> None:
    """Fold the WAL into the main file, so that one file is the whole database."""
    conn = sqlite3.connect(database)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def cached(data_set: DataSet, log=print, reuse: bool = False) -> Path:
    """The cached database for `data_set`, built first when missing or outdated.
    `reuse`: take the existing file even if the sources changed since (quick reruns
    while working on pages; wrong after a schema change)."""
    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / f"{data_set.name}-{source_hash(data_set)}.sqlite3"
    if path.exists():
        return path
    existing = sorted(DATA.glob(f"{data_set.name}-*.sqlite3"), key=lambda p: p.stat().st_mtime)
    if reuse and existing:
        log(f"reusing {existing[-1].name} although its sources changed (--reuse)")
        return existing[-1]
    for old in DATA.glob(f"{data_set.name}-*.sqlite3*"):
        old.unlink()
    building = path.with_suffix(".building")
    for leftover in DATA.glob(building.name + "*"):
        leftover.unlink()
    log(
        f"building {data_set.name} (seed-demo --employees {data_set.employees} "
        f"--years {data_set.years}); cached for later runs …"
    )
    started = time.perf_counter()
    env = env_for(building)
    for args in (
        ["db", "upgrade"],
        [
            "hr",
            "seed-demo",
            "--employees",
            str(data_set.employees),
            "--years",
            str(data_set.years),
            "--seed",
            str(SEED),
        ],
    ):
        done = subprocess.run(FLASK + args, cwd=ROOT, env=env, capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(f"bench: `flask {' '.join(args)}` failed:\n{done.stderr[-3000:]}")
    _checkpoint(building)
    building.rename(path)
    log(f"  built in {time.perf_counter() - started:.0f} s: {path.relative_to(ROOT)}")
    return path


def copy(source: Path, target: Path) -> Path:
    """A fresh working copy of a database (its recent writes folded in first)."""
    for old in target.parent.glob(target.name + "*"):
        old.unlink()
    _checkpoint(source)
    shutil.copyfile(source, target)
    return target
