"""A check for frozen dataclasses that set their fields in a hand-written `__init__`
(`Classification`, `Opinion`: the fields at once, made one or two a message)."""

from __future__ import annotations

import inspect
from dataclasses import fields, replace
from typing import Any


def assert_init_sets_every_field(cls: type[Any]) -> None:
    """The `__init__` takes every field, in order, with the field's default, and sets
    each as given: a field added to the class and not to its `__init__` fails here."""
    names = [f.name for f in fields(cls)]
    assert list(inspect.signature(cls).parameters) == names
    defaults = {f.name: f.default for f in fields(cls)}
    for name, parameter in inspect.signature(cls).parameters.items():
        assert parameter.default is inspect.Parameter.empty or parameter.default == defaults[name]
    values = {name: f"{name}!" for name in names}
    made = cls(**values)
    assert [getattr(made, name) for name in names] == list(values.values())
    assert made == cls(**values)
    first = names[0]
    assert getattr(replace(made, **{first: "other"}), first) == "other"
    assert getattr(made, first) == f"{first}!"
