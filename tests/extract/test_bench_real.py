"""bench/real.py: its own metric code (the articles scorer's 4-gram F1) and its refusal without the
sets."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "real.py"


@pytest.fixture(scope="module")
def real():
    spec = importlib.util.spec_from_file_location("bench_real", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_exit_status_2_without_the_sets(tmp_path):
    done = subprocess.run(
        [sys.executable, str(BENCH), str(tmp_path / "nowhere")], capture_output=True, text=True
    )
    assert (done.returncode, "no real-world sets" in done.stderr) == (2, True)


def test_identical_text_scores_one(real):
    gold = {"a": {"articleBody": "The mail service was down for three days in January."}}
    assert real.f1({"a": "The mail service was down for three days in January."}, gold) == 1.0


def test_half_the_grams_right(real):
    # gold 4-grams: (a b c d), (b c d e); predicted: (a b c d), (b c d x): TP 1, FP 1, FN 1
    assert real.page_shares("a b c d e", "a b c d x") == (0.5, 0.5)


def test_empty_prediction_counts_only_for_recall(real):
    assert real.page_shares("a b c d e", "") == (None, 0.0)
