#!/usr/bin/env python3
"""Fails when C code hands an unmarked English literal to something people read.

Looks at the calls that put text in front of a person (labels, titles,
tooltips, errors, terminal output) and reports each string literal passed to
them that is not inside _(), N_(), C_() or g_dngettext(). Literals without a
letter (separators, format-only strings like "%s: %s") are fine.
"""
import re
import sys
from pathlib import Path

USER_FACING = [
    "gtk_label_set_text", "gtk_label_set_label", "gtk_button_set_label", "gtk_widget_set_tooltip_text",
    "adw_status_page_set_title", "adw_status_page_set_description", "adw_preferences_row_set_title",
    "adw_action_row_set_subtitle", "adw_preferences_group_set_title", "adw_preferences_group_set_description",
    "adw_window_title_set_title", "adw_window_title_set_subtitle", "adw_toast_new", "gtk_window_set_title",
    "g_set_error", "g_set_error_literal", "g_prefix_error", "g_print", "g_printerr",
    "gtk_editable_set_placeholder_text", "gtk_entry_set_placeholder_text",
]
# Words that are names, not language.
NAMES = re.compile(r"\bgawah-cli\b")
CALL = re.compile(r"\b(" + "|".join(USER_FACING) + r")\s*\(")
LITERAL = re.compile(r'"(?:[^"\\]|\\.)*"')
MARKED = re.compile(r"\b(?:_|N_|C_|NC_|g_dngettext)\s*\(\s*$")


def call_arguments(text, start):
    """The text of a call's arguments, from the opening parenthesis."""
    depth, i = 0, start
    while i < len(text):
        c = text[i]
        if c == '"':
            i = LITERAL.match(text, i).end()
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return text[start:i + 1]
        i += 1
    return text[start:]


def unmarked_literals(arguments):
    for literal in LITERAL.finditer(arguments):
        before = arguments[:literal.start()]
        if MARKED.search(before):
            continue
        if re.search(r"\b(?:_|N_|C_|NC_|g_dngettext)\s*\([^()]*$", before):
            continue
        words = NAMES.sub("", re.sub(r"%[-0-9.$]*[a-zA-Z]+|\\[nt]|G_GINT64_FORMAT", "", literal.group(0)[1:-1]))
        if re.search(r"[A-Za-z]{2,}", words):
            yield literal.group(0)


def main(top):
    problems = 0
    for path in sorted(Path(top, "src").rglob("*.c")):
        text = path.read_text(encoding="utf-8")
        for call in CALL.finditer(text):
            arguments = call_arguments(text, call.end() - 1)
            line = text.count("\n", 0, call.start()) + 1
            # A developer's message about broken built-in data says so.
            if "not translated" in "\n".join(text.splitlines()[max(0, line - 3):line]):
                continue
            for literal in unmarked_literals(arguments):
                print(f"{path.relative_to(top)}:{line}: {call.group(1)} is given an unmarked string {literal}")
                problems += 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
