"""The writer of the JSON-lines protocol on the inherited fd (python/README.md, "Protocol")."""

import io
import json


class ProtocolWriter(object):
    """One JSON object per line, flushed after each, so the reader sees every sample as soon as it is
    measured and a crash loses nothing already written."""

    def __init__(self, stream):
        self._stream = stream
        self.terminated = False

    @classmethod
    def open_fd(cls, fd):
        # Line-buffered text; closefd so that closing the writer signals EOF to the reader.
        return cls(io.open(fd, "w", buffering=1, encoding="utf-8", closefd=True))

    def emit(self, event, **fields):
        if self.terminated:
            raise RuntimeError("event %r after the terminal event" % event)
        record = {"event": event}
        record.update(fields)
        # allow_nan=False: NaN/Infinity are not JSON; a workload producing one is a bug to report.
        line = json.dumps(record, allow_nan=False, sort_keys=False)
        self._stream.write(line + "\n")
        self._stream.flush()
        if event in TERMINAL_EVENTS:
            self.terminated = True

    def close(self):
        try:
            self._stream.close()
        except OSError:
            pass  # the reader went away: nothing left to tell it


TERMINAL_EVENTS = ("done", "skip", "wrong_result", "error")
