#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""jsonsubset.py: does a JSON document contain an expected subset?

Usage: jsonsubset.py EXPECTED.json ACTUAL.json

Every key of an object in EXPECTED must be present in ACTUAL with an equal value
(objects compared key by key, recursively; ACTUAL may have more keys). Arrays must
have the same length and are compared element by element. The string "*" in
EXPECTED matches any value (also null, objects and arrays). Other values must be
equal and of the same JSON type (1 is not "1", null is not "null").

Exit 0 if ACTUAL contains EXPECTED; 1 with the JSON path of the first difference
on stdout (e.g. `$.lots[0].ranking[1].total: expected "144.00", got "144"`);
2 if a file cannot be read or is not JSON.
"""
import json
import re
import sys

IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def kind(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, (int, float)):
        return "number"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list):
        return "array"
    return "object"


def show(v):
    text = json.dumps(v, ensure_ascii=False)
    return text if len(text) <= 120 else text[:117] + "..."


def step(path, key):
    if isinstance(key, int):
        return "%s[%d]" % (path, key)
    if IDENT.match(key):
        return "%s.%s" % (path, key)
    return "%s[%s]" % (path, json.dumps(key, ensure_ascii=False))


def diff(exp, act, path):
    """The first difference as a message, or None."""
    if exp == "*":
        return None
    ke, ka = kind(exp), kind(act)
    if ke != ka:
        return "%s: expected %s %s, got %s %s" % (path, ke, show(exp), ka, show(act))
    if ke == "object":
        for key in exp:
            if key not in act:
                return "%s: missing (expected %s)" % (step(path, key), show(exp[key]))
            d = diff(exp[key], act[key], step(path, key))
            if d:
                return d
        return None
    if ke == "array":
        if len(exp) != len(act):
            return "%s: expected %d elements, got %d: %s" % (
                path, len(exp), len(act), show(act))
        for i, (e, a) in enumerate(zip(exp, act)):
            d = diff(e, a, step(path, i))
            if d:
                return d
        return None
    if exp != act:
        return "%s: expected %s, got %s" % (path, show(exp), show(act))
    return None


def load(name):
    try:
        with open(name, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        print("%s: %s" % (name, e))
        sys.exit(2)


def main(argv):
    if len(argv) != 3:
        print("usage: jsonsubset.py EXPECTED.json ACTUAL.json")
        return 2
    d = diff(load(argv[1]), load(argv[2]), "$")
    if d:
        print(d)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
