#!/usr/bin/python3
# test-a11y-timeline.py: the timeline's marks as a screen reader reaches them
#
# Starts tests/a11y-timeline-harness (the sample casebook's timeline in a
# window) and, from this separate process, finds the timeline on the
# accessibility bus, presses Down through the X server and reads what the
# timeline says of each mark: the description a screen reader speaks. Then
# presses Enter on a mark and checks that the harness opened that incident.
# Speaks TAP.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import re
import select
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

KEY_DOWN = 0xFF54
KEY_UP = 0xFF52
KEY_RETURN = 0xFF0D

harness_path, sample_path = sys.argv[1], sys.argv[2]
results = []


def check(condition, what):
    results.append((bool(condition), what))
    return condition


def read_line(process, timeout, prefix):
    """The next line the harness says that starts with prefix ("" if none in time)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], deadline - time.monotonic())
        if not ready:
            break
        line = process.stdout.readline()
        if line == "":
            break
        if line.startswith(prefix):
            return line.rstrip("\n")
    return ""


def find_application(pid, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is not None and app.get_process_id() == pid:
                return app
        time.sleep(0.2)
    return None


def find_by_name(accessible, name, depth=0):
    if accessible is None or depth > 40:
        return None
    if accessible.get_name() == name:
        return accessible
    for i in range(accessible.get_child_count()):
        found = find_by_name(accessible.get_child_at_index(i), name, depth + 1)
        if found is not None:
            return found
    return None


def description(accessible):
    accessible.clear_cache()
    return accessible.get_description() or ""


def press(keysym, pause=0.25):
    Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)
    time.sleep(pause)


def changed_description(timeline, before, timeout=3.0):
    """The description once it differs from before, or None if it stays."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = description(timeline)
        if text != before:
            return text
        time.sleep(0.05)
    return None


def walk_marks(timeline, presses=40):
    """The focused mark, then each one Down reaches, until the description stays."""
    spoken = [description(timeline)]
    for _ in range(presses):
        press(KEY_DOWN, pause=0)
        text = changed_description(timeline, spoken[-1] if spoken else "")
        if text is None:
            break
        spoken.append(text)
    return spoken


def local(tag):
    return tag.rsplit("}", 1)[-1]


def sample_incidents(path):
    """Titles of the sample's incidents, and how many have a start date."""
    titles, dated = set(), 0
    for incident in ET.parse(path).iter():
        if local(incident.tag) != "incident":
            continue
        for child in incident:
            if local(child.tag) == "title":
                titles.add(child.text.strip())
            elif local(child.tag) == "start" and child.get("date"):
                dated += 1
    return titles, dated


URDU_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


def incidents_heard(text, titles):
    """1 for a mark named by its incident, N for a group of N, 0 otherwise."""
    headline = text.split("\n")[0]
    if headline in titles:
        return 1
    number = re.search(r"[0-9]+", headline.translate(URDU_DIGITS))
    return int(number.group(0)) if number else 0


def main():
    titles, n_dated = sample_incidents(sample_path)
    Atspi.init()
    harness = subprocess.Popen([harness_path], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        ready = read_line(harness, 60, "READY\t")
        if not check(ready.startswith("READY\t"), "the harness shows the timeline (it said: %r)" % ready):
            return
        name = ready.split("\t", 1)[1]
        app = find_application(harness.pid)
        if not check(app is not None, "the app is on the accessibility bus"):
            return
        timeline = find_by_name(app, name)
        if not check(timeline is not None, "the timeline is found by its accessible name: %s" % name):
            return
        # Without a window manager, X sends keys to the window under the pointer.
        Atspi.generate_mouse_event(600, 250, "abs")
        time.sleep(0.3)

        spoken = walk_marks(timeline)
        for text in spoken:
            print("# heard: " + text.replace("\n", " / "))
        heard = sum(incidents_heard(text, titles) for text in spoken)
        check(heard == n_dated, "the keyboard reaches every dated incident: %d of %d" % (heard, n_dated))
        check(all(len(text.split("\n")) >= 2 and text.split("\n")[1] for text in spoken),
              "every mark is described with its dates")
        named = [text.split("\n")[0] for text in spoken if text.split("\n")[0] in titles]
        bins = [text for text in spoken if text.split("\n")[0] not in titles]
        check(len(named) >= 3, "marks are named by their incident's title (%d of %d)" % (len(named), len(spoken)))
        check(all(incidents_heard(text, titles) > 1 for text in bins),
              "every other mark is a group that says how many incidents it holds")

        # Back to the last named mark, then Enter opens its incident.
        for _ in range(len(spoken)):
            if description(timeline).split("\n")[0] in titles:
                break
            before = description(timeline)
            press(KEY_UP, pause=0)
            changed_description(timeline, before)
        title = description(timeline).split("\n")[0]
        press(KEY_RETURN)
        activated = read_line(harness, 10, "ACTIVATED\t")
        check(activated == "ACTIVATED\t" + title, "Enter opens the incident spoken: %s" % title)
    finally:
        harness.stdin.close()
        harness.wait(timeout=30)


main()
print("1..%d" % len(results))
for number, (passed, what) in enumerate(results, 1):
    print("%s %d - %s" % ("ok" if passed else "not ok", number, what))
sys.exit(0 if all(passed for passed, _ in results) else 1)
