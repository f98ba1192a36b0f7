"""The real worker, ``flask --app wsgi worker``, in processes of its own, for the tests of
what the queue delivers (e-mail in tests/messages, webhooks in tests/webhooks)."""

import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
READY = "Huey consumer started"  # what the worker prints once it takes tasks
STARTUP_SECONDS = 90  # a worker on a loaded machine may take a while to import the app


class WorkerProcesses:
    """Starts workers with an environment of the test's (database, queue, servers), waits
    until each takes tasks, and stops them, keeping what they printed."""

    def __init__(self, env: dict[str, str]):
        self.env = env
        self.processes: list[subprocess.Popen] = []
        self._readers: list[threading.Thread] = []
        self._output: list[list[str]] = []

    def start(self, count: int = 1) -> None:
        """Start ``count`` workers and return once every one takes tasks.

        :raises AssertionError: a worker ended, or did not start in time (with its output).
        """
        waiting = []
        for _ in range(count):
            process = subprocess.Popen(
                [sys.executable, "-m", "flask", "--app", "wsgi", "worker", "--threads", "2"],
                cwd=ROOT, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                text=True)
            lines: list[str] = []
            ready = threading.Event()
            reader = threading.Thread(target=_read, args=(process, lines, ready), daemon=True)
            reader.start()
            self.processes.append(process)
            self._readers.append(reader)
            self._output.append(lines)
            waiting.append((process, lines, ready))
        for process, lines, ready in waiting:
            if not ready.wait(STARTUP_SECONDS) or process.poll() is not None:
                ended = process.poll()
                how = (f"ended (exit code {ended})" if ended is not None
                       else f"did not start within {STARTUP_SECONDS} s")
                raise AssertionError(f"A worker {how}:\n{''.join(lines)}")

    def stop(self) -> str:
        """Stop every worker; return what they printed."""
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for reader in self._readers:
            reader.join(timeout=5)
        output = "\n".join("".join(lines) for lines in self._output)
        self.processes, self._readers, self._output = [], [], []
        return output


def _read(process: subprocess.Popen, lines: list[str], ready: threading.Event) -> None:
    """Keep what a worker prints; say when it is ready, or when it ended without being so."""
    for line in process.stdout:
        lines.append(line)
        if READY in line:
            ready.set()
    ready.set()
