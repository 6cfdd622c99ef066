"""Rebindable keys: every binding is known by its action's name, so `[keys]` in the config file
can move it (`size_up = "u,plus"`) through Textual's keymap, and the help screen, generated from
the live bindings, shows the keys the reader chose."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from textual.binding import Binding, BindingType


def identified(bindings: Iterable[Binding]) -> list[BindingType]:
    """The bindings, each with its action as its id (two keys for one action share it)."""
    return [binding if binding.id else replace(binding, id=binding.action) for binding in bindings]


def binding_ids(*groups: Iterable[BindingType]) -> frozenset[str]:
    return frozenset(b.id for group in groups for b in group if isinstance(b, Binding) and b.id)


def unknown_actions(keymap: Mapping[str, str], known: frozenset[str]) -> list[str]:
    return sorted(set(keymap) - known)
