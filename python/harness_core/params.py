"""Workload parameters: declared with a default and help text, given as `--param KEY=VALUE` strings,
converted and validated here so that every bad value gets the same kind of message:
"parameter 'n': expected an integer >= 1, got 'x'"."""

import math
import re

from .workload import ParamError


class Param(object):
    def __init__(self, name, default, help):
        self.name = name
        self.default = default  # a string, as on the command line
        self.help = help

    def describe(self):
        return {"name": self.name, "default": self.default, "help": self.help}

    def fail(self, expected, text):
        raise ParamError("parameter '%s': expected %s, got %r" % (self.name, expected, text))

    def convert(self, text):
        raise NotImplementedError


class _Bounded(Param):
    """A number from `minimum` to `maximum` (None: no upper bound); KIND names it in messages."""

    KIND = None

    def __init__(self, name, default, help, minimum, maximum):
        Param.__init__(self, name, str(default), help)
        self.minimum = minimum
        self.maximum = maximum

    def parse(self, text):
        """The number `text` spells, or None."""
        raise NotImplementedError

    def convert(self, text):
        value = self.parse(text)
        if value is None or value < self.minimum or (self.maximum is not None and value > self.maximum):
            if self.maximum is None:
                self.fail("%s >= %s" % (self.KIND, self.minimum), text)
            self.fail("%s from %s to %s" % (self.KIND, self.minimum, self.maximum), text)
        return value


class Int(_Bounded):
    KIND = "an integer"

    def __init__(self, name, default, help, minimum=1, maximum=None):
        _Bounded.__init__(self, name, default, help, minimum, maximum)

    def parse(self, text):
        return int(text) if re.match(r"^[+-]?[0-9]+$", text.strip()) else None


class Float(_Bounded):
    KIND = "a number"

    def __init__(self, name, default, help, minimum=0.0, maximum=None):
        _Bounded.__init__(self, name, default, help, minimum, maximum)

    def parse(self, text):
        try:
            value = float(text)
        except ValueError:
            return None
        return value if math.isfinite(value) else None


class Bool(Param):
    _TRUE = ("true", "1", "yes", "on")
    _FALSE = ("false", "0", "no", "off")

    def __init__(self, name, default, help):
        Param.__init__(self, name, "true" if default else "false", help)

    def convert(self, text):
        lowered = text.strip().lower()
        if lowered in self._TRUE:
            return True
        if lowered in self._FALSE:
            return False
        self.fail("true or false", text)


class Choice(Param):
    """One of a fixed set of words; `aliases` maps other spellings to a canonical one."""

    def __init__(self, name, default, help, choices, aliases=None):
        Param.__init__(self, name, default, help)
        self.choices = list(choices)
        self.aliases = dict(aliases or {})

    def convert(self, text):
        value = self.aliases.get(text, text)
        if value not in self.choices:
            self.fail("one of " + ", ".join(self.choices + sorted(self.aliases)), text)
        return value


class ModuleList(Param):
    """A comma-separated list of dotted module names. Only names are accepted because they end up in
    the text of a `-c` program."""

    _NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")

    def convert(self, text):
        names = [part.strip() for part in text.split(",")]
        if not names or any(not self._NAME.match(n) for n in names):
            self.fail("a comma-separated list of module names such as 'json,re'", text)
        return names


def resolve(declared, given):
    """Validated values for every declared parameter: `given` (name -> string) overrides defaults.
    An unknown name is an error listing the known ones."""
    known = dict((p.name, p) for p in declared)
    for name in given:
        if name not in known:
            listed = ", ".join(sorted(known)) if known else "none"
            raise ParamError("unknown parameter '%s' (known: %s)" % (name, listed))
    values = {}
    for p in declared:
        values[p.name] = p.convert(given[p.name] if p.name in given else p.default)
    return values
