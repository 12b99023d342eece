"""Granularity of TIMEX3 values and the disagreement rule (pure functions of timeline/corroborate.py)."""

import pytest

from timeline.corroborate import granularity, is_coarse, significant_disagreement



@pytest.mark.parametrize("value, expected", [
    ("2023", "year"), ("2023-Q1", "season"), ("2023-SU", "season"), ("2023-01", "month"),
    ("2023-W05", "week"), ("2023-W04-WE", "week"), ("2023-01-22", "day"),
    ("2023-01-22TEV", "part"), ("2023-01-22T22:00", "time"),
    ("2023-01-26/2023-01-28", "interval"), ("2023-01/2023-02", "month"),
    ("P3D", "duration"), ("PAST_REF", "ref"), ("", "unknown"),
])
def test_granularity(value, expected):
    assert granularity(value) == expected


def test_month_is_coarse():
    assert is_coarse("2023-01")


def test_day_is_not_coarse():
    assert not is_coarse("2023-01-01")


def test_disagreement_each_side_with_own_source():
    assert significant_disagreement({"2023-01-22": ["a", "b"], "2023-01-23": ["c"]})


def test_one_source_against_one_is_not_shown():
    assert not significant_disagreement({"2023-01-20": ["a"], "2023-01-21": ["b"]})


def test_a_source_giving_both_days_is_not_a_disagreement():
    assert not significant_disagreement({"2023-01-24": ["a", "b", "c"], "2023-01-25": ["a"]})


def test_one_day_is_no_disagreement():
    assert not significant_disagreement({"2023-01-22": ["a", "b"]})
