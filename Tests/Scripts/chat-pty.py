#!/usr/bin/env python3
"""Runs a program on a pseudo-terminal and types into it, as a person at a terminal would.

Usage: chat-pty.py [--wait-for TEXT] [--reply-end TEXT] [--type MESSAGE ...] [--end eot|none]
                   [--timeout SECONDS] -- PROGRAM [ARGUMENT ...]

The program's standard input, output and error are the terminal. The helper waits for
--wait-for (a banner), then types each --type message followed by Return and waits until the
program has printed --reply-end once more than before (the last line of its answer), as a
person waits for the answer before typing on. --end eot then types
Ctrl-D (EOT, 0x04) on an empty line. Everything the terminal showed (the echoed typing
included) is printed to standard output; the helper exits with the program's exit status, 124
when the program did not answer or end within --timeout seconds (it is then killed), or 128 +
N when signal N ended it.
"""

import argparse
import os
import pty
import select
import signal
import sys
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wait-for", default="")
    parser.add_argument("--reply-end", default="")
    parser.add_argument("--type", action="append", default=[])
    parser.add_argument("--end", choices=["eot", "none"], default="eot")
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("command", nargs="+")
    options = parser.parse_args()

    pid, fd = pty.fork()
    if pid == 0:
        try:
            os.execvp(options.command[0], options.command)
        finally:
            os._exit(127)

    seen = bytearray()
    deadline = time.monotonic() + options.timeout

    def read_until(done):
        """Reads the terminal until done() holds; False on timeout or end of output."""
        while not done():
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            ready, _, _ = select.select([fd], [], [], min(left, 0.5))
            if not ready:
                continue
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                return False
            if not chunk:
                return False
            seen.extend(chunk)
        return True

    def fail(why):
        sys.stdout.write(seen.decode("utf-8", "replace"))
        sys.stdout.write("\nchat-pty: " + why + "\n")
        sys.stdout.flush()
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        sys.exit(124)

    wait_for = options.wait_for.encode()
    if wait_for and not read_until(lambda: wait_for in seen):
        fail("no banner " + repr(options.wait_for))
    reply_end = options.reply_end.encode()
    for message in options.type:
        expected = seen.count(reply_end) + 1 if reply_end else 0
        os.write(fd, message.encode() + b"\r")
        if reply_end and not read_until(lambda: seen.count(reply_end) >= expected):
            fail("no reply to " + repr(message))
    if options.end == "eot":
        # Ctrl-D ends the input only at the start of a line, as in a shell.
        os.write(fd, b"\x04")
    read_until(lambda: False)
    if time.monotonic() >= deadline:
        fail("the program did not end")
    _, status = os.waitpid(pid, 0)
    sys.stdout.write(seen.decode("utf-8", "replace"))
    sys.stdout.flush()
    if os.WIFSIGNALED(status):
        sys.exit(128 + os.WTERMSIG(status))
    sys.exit(os.WEXITSTATUS(status))


if __name__ == "__main__":
    main()
