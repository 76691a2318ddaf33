#!/usr/bin/env python3
"""Reference data section of the install script (filled in by the data work)."""


def generate(root):
    return ''
