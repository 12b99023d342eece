"""The unit the grammar hands to resolution: a piece of text and what it says.

Its own module so that the grammar (which finds chunks) and resolution (which reads them)
both import it without importing each other at load time.
"""


class Chunk:
    """A matched piece of text and what it says, before resolution against the publication time.

    `day` is ("abs", year|None, month, day, weekday|None), ("rel", days) or ("wd", weekday,
    direction);
    `time` is (hour, minute, minute_given, part_of_day_hint). `resolver` (periods, durations, refs)
    is (context, chunk) -> timex parts; `ends` an interval's (first, second) chunks; `lead` an
    opening
    preposition inside the span (dal, dalle, tra le, e le); `orphan` a piece valid only once joined
    to a neighbour (bare "sera", "e le 18"). A plain class with slots: dataclasses cost milliseconds
    of import time.
    """

    __slots__ = (
        "start",
        "end",
        "day",
        "pod",
        "time",
        "mod",
        "direction",
        "resolver",
        "ends",
        "lead",
        "orphan",
        "info",
    )

    def __init__(
        self,
        start,
        end,
        day=None,
        pod=None,
        time=None,
        mod=None,
        direction=None,
        resolver=None,
        ends=None,
        lead="",
        orphan=False,
        info=None,
    ):
        self.start, self.end, self.day, self.pod, self.time, self.mod = (
            start,
            end,
            day,
            pod,
            time,
            mod,
        )
        self.direction, self.resolver, self.ends, self.lead, self.orphan = (
            direction,
            resolver,
            ends,
            lead,
            orphan,
        )
        self.info = {} if info is None else info

    def with_day(self, day) -> "Chunk":
        return Chunk(
            self.start,
            self.end,
            day,
            self.pod,
            self.time,
            self.mod,
            self.direction,
            self.resolver,
            self.ends,
            self.lead,
            self.orphan,
            self.info,
        )

    def __repr__(self) -> str:
        return (
            f"Chunk({self.start}, {self.end}, day={self.day}, pod={self.pod}, "
            f"time={self.time}, mod={self.mod})"
        )

    @property
    def composable(self) -> bool:
        return self.resolver is None and self.ends is None
