#!/usr/bin/env python3
"""Opens a Tongxin report in headless Chromium and checks that it works in a real browser.

Talks to Chromium over the DevTools protocol through a pipe (--remote-debugging-pipe: JSON messages
separated by NUL bytes on file descriptors 3 and 4), so it needs nothing beyond python3's standard
library and Debian's `chromium` package.

Checks, each a failure when it does not hold:
  - the page loads with no console error, no uncaught exception and no failed request;
  - the <h2> headings are exactly the expected ones (--headings, comma-separated);
  - every id in the page is unique (diagrams included);
  - no request leaves the file (the page is self-contained);
  - clicking a numeric header sorts its column ascending, a second click descending (empty cells
    last); clicking a text header sorts by the Chinese collator;
  - with print media, the content of closed <details> is laid out (nothing collapsed is lost).
Then it writes a screenshot of the top of the page and of the coverage section (PNG), prints the page
to PDF, and prints the file size, the load time (navigation start to the load event) and counts.

Usage: check-report.py REPORT.html --headings 概况,覆盖率 [--screenshot OUT.png] [--pdf OUT.pdf]
"""
import argparse
import base64
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time


class Browser:
    """A headless Chromium driven over --remote-debugging-pipe."""

    def __init__(self, executable, width, height):
        to_browser_read, self._to_browser = os.pipe()
        self._from_browser, from_browser_write = os.pipe()

        def child_fds():
            # Chromium reads commands on fd 3 and writes replies on fd 4. Move both ends out of the
            # way first, so that neither dup2 overwrites the other.
            read_end, write_end = os.dup2(to_browser_read, 100), os.dup2(from_browser_write, 101)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        self._profile = tempfile.mkdtemp(prefix="tongxin-check-report-")
        self._process = subprocess.Popen(
            [executable, "--headless", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions",
             "--hide-scrollbars", "--font-render-hinting=none", f"--window-size={width},{height}",
             f"--user-data-dir={self._profile}", "about:blank"],
            pass_fds=(3, 4, to_browser_read, from_browser_write), preexec_fn=child_fds,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._buffer = b""
        self._next_id = 0
        self.events = []

    def close(self):
        try:
            self.send("Browser.close")
        except (OSError, RuntimeError):
            pass
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)
        shutil.rmtree(self._profile, ignore_errors=True)

    def _receive(self, deadline):
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise RuntimeError("Chromium did not answer in time")
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, session=None, timeout=60):
        """Sends a command and returns its result; events that arrive meanwhile are kept."""
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._receive(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method, timeout=60):
        """Waits for an event (or finds it among those already received)."""
        for index, event in enumerate(self.events):
            if event.get("method") == method:
                return self.events.pop(index)
        deadline = time.monotonic() + timeout
        while True:
            event = self._receive(deadline)
            if event.get("method") == method:
                return event
            self.events.append(event)


def evaluate(browser, session, expression):
    result = browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                              "awaitPromise": True}, session)
    if "exceptionDetails" in result:
        raise RuntimeError(f"script failed: {result['exceptionDetails'].get('text')}: {expression[:80]}")
    return result["result"].get("value")


# Runs in the page: sorts by a numeric and a text header and reports what the browser did.
SORT_PROBE = r"""
(() => {
  const collator = new Intl.Collator('zh', {numeric: true, sensitivity: 'base'});
  const tables = [...document.querySelectorAll('table.sortable')].filter(t => t.tBodies[0] && t.tBodies[0].rows.length >= 3);
  const key = cell => cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent.trim();
  const column = (table, index) => [...table.tBodies[0].rows].map(row => key(row.cells[index]));
  const numbers = values => values.filter(v => v !== '').map(Number);
  const ordered = (values, compare) => values.every((v, i) => i === 0 || compare(values[i - 1], v) <= 0);
  const report = {numericChecked: 0, textChecked: 0, problems: [],
                  collatorPinyin: collator.compare('恩施州', '武汉市') < 0 && collator.compare('武汉市', '宜昌市') < 0};
  for (const table of tables) {
    const headers = [...table.tHead.rows[0].cells];
    headers.forEach((th, index) => {
      const numeric = th.dataset.type === 'number';
      th.click();
      let values = column(table, index);
      const up = numeric ? ordered(numbers(values), (a, b) => a - b) : ordered(values, collator.compare);
      const emptiesLast = !numeric || values.indexOf('') < 0 || values.slice(values.indexOf('')).every(v => v === '');
      th.click();
      values = column(table, index);
      const down = numeric ? ordered(numbers(values), (a, b) => b - a) : ordered(values, (a, b) => collator.compare(b, a));
      if (!up || !down || !emptiesLast || th.getAttribute('aria-sort') !== 'descending') {
        report.problems.push(`${th.textContent.trim()}: ascending ${up}, descending ${down}, empties last ${emptiesLast}`);
      }
      if (numeric) { report.numericChecked += 1; } else { report.textChecked += 1; }
    });
  }
  return report;
})()
"""

# Runs in the page under print media: is the content of every closed <details> laid out?
PRINT_PROBE = r"""
(() => {
  const closed = [...document.querySelectorAll('details:not([open])')];
  const hidden = closed.filter(d => [...d.children].some(c => c.tagName !== 'SUMMARY' && !c.checkVisibility()));
  const samples = closed.map(d => d.querySelector('li, td')).filter(e => e).map(e => e.textContent.trim()).slice(0, 20);
  return {closed: closed.length, hidden: hidden.length, samples: samples};
})()
"""

COUNTS = r"""
(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  return {
    h2: [...document.querySelectorAll('main > section > h2')].map(h => h.textContent),
    h3: document.querySelectorAll('h3').length,
    tables: document.querySelectorAll('table').length,
    rows: document.querySelectorAll('tbody tr').length,
    details: document.querySelectorAll('details').length,
    svgs: document.querySelectorAll('figure.diagram svg').length,
    bars: document.querySelectorAll('.bar-rows .fill').length,
    domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
    load: nav ? nav.loadEventEnd : null,
    resources: performance.getEntriesByType('resource').map(r => r.name),
    duplicateIds: (ids => ids.length - new Set(ids).size)([...document.querySelectorAll('[id]')].map(e => e.id)),
  };
})()
"""


def screenshot(browser, session, path, selector=None):
    if selector:
        evaluate(browser, session, f"document.querySelector({json.dumps(selector)}).scrollIntoView()")
    else:
        evaluate(browser, session, "window.scrollTo(0, 0)")
    data = browser.send("Page.captureScreenshot", {"format": "png"}, session)["data"]
    pathlib.Path(path).write_bytes(base64.b64decode(data))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report")
    parser.add_argument("--headings", required=True, help="the expected <h2> texts, comma-separated")
    parser.add_argument("--screenshot", help="PNG of the top of the page; PATH-coverage.png and PATH-diagrams.png too")
    parser.add_argument("--pdf", help="print the page to this PDF")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args()

    report = pathlib.Path(args.report).resolve()
    if not report.is_file():
        sys.exit(f"check-report: {args.report}: no such file")
    if not os.access(args.chromium, os.X_OK):
        sys.exit("check-report: chromium not found (Debian: apt-get install chromium)")
    expected = [h for h in args.headings.split(",") if h]
    failures = []

    browser = Browser(args.chromium, args.width, args.height)
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            browser.send(f"{domain}.enable", {}, session)
        browser.events.clear()
        started = time.monotonic()
        browser.send("Page.navigate", {"url": report.as_uri()}, session)
        browser.wait_for("Page.loadEventFired")
        wall = time.monotonic() - started
        counts = evaluate(browser, session, COUNTS)

        errors = []
        for event in browser.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                details = params["exceptionDetails"]
                errors.append(f"exception: {details.get('exception', {}).get('description') or details.get('text')}")
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert", "warning"):
                errors.append("console." + params["type"] + ": "
                              + " ".join(str(a.get("value", a.get("description"))) for a in params.get("args", [])))
            elif method == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning"):
                errors.append(f"log {params['entry']['level']}: {params['entry']['text']}")
            elif method == "Network.loadingFailed":
                errors.append(f"request failed: {params.get('errorText')}")
        failures += errors
        if counts["h2"] != expected:
            failures.append(f"headings are {counts['h2']}, expected {expected}")
        if counts["duplicateIds"]:
            failures.append(f"{counts['duplicateIds']} elements repeat an id used before them")
        outside = [name for name in counts["resources"] if not name.startswith("file:")]
        if counts["resources"]:
            failures.append(f"the page fetched {len(counts['resources'])} resources: {counts['resources'][:3]}"
                            + (" (from outside the file)" if outside else ""))

        if args.screenshot:
            screenshot(browser, session, args.screenshot)
            base, _ = os.path.splitext(args.screenshot)
            if counts["bars"]:
                screenshot(browser, session, base + "-coverage.png", "#coverage")
            if counts["svgs"]:
                screenshot(browser, session, base + "-diagrams.png", "#diagrams")

        browser.send("Emulation.setEmulatedMedia", {"media": "print"}, session)
        printed = evaluate(browser, session, PRINT_PROBE)
        browser.send("Emulation.setEmulatedMedia", {"media": ""}, session)
        if printed["hidden"]:
            failures.append(f"{printed['hidden']} of {printed['closed']} closed <details> stay hidden when printed")

        pages = None
        pdf_checked = None
        if args.pdf:
            pdf = browser.send("Page.printToPDF", {"printBackground": True, "preferCSSPageSize": True}, session,
                               timeout=300)["data"]
            data = base64.b64decode(pdf)
            pathlib.Path(args.pdf).write_bytes(data)
            pages = data.count(b"/Type /Page") - data.count(b"/Type /Pages")
            if shutil.which("pdftotext"):
                text = subprocess.run(["pdftotext", "-q", args.pdf, "-"], capture_output=True, text=True).stdout
                text = "".join(text.split())
                missing = [sample for sample in printed["samples"] if "".join(sample.split()) not in text]
                if missing:
                    failures.append(f"collapsed content missing from the PDF: {missing[:5]}")
                pdf_checked = len(printed["samples"]) - len(missing)

        # Last: sorting reorders the tables, and the screenshots and PDF show the page as it opens.
        sort = evaluate(browser, session, SORT_PROBE)
        failures += [f"sorting: {problem}" for problem in sort["problems"]]
        if not sort["collatorPinyin"]:
            failures.append("the browser's Chinese collator does not order by pinyin (恩施州 < 武汉市 < 宜昌市)")

    finally:
        browser.close()

    size = report.stat().st_size
    print(f"check-report: {report.name}: {size:,} bytes ({size / 1048576:.2f} MiB)")
    print(f"check-report: load {counts['load']:.0f} ms after navigation start (DOMContentLoaded "
          f"{counts['domContentLoaded']:.0f} ms; {wall * 1000:.0f} ms wall including the pipe)")
    print(f"check-report: {len(counts['h2'])} sections, {counts['h3']} subsections, {counts['tables']} tables "
          f"({counts['rows']:,} rows), {counts['details']} collapsible blocks, {counts['bars']} bars, "
          f"{counts['svgs']} diagrams")
    print(f"check-report: sorted {sort['numericChecked']} numeric and {sort['textChecked']} text columns; "
          f"{printed['closed'] - printed['hidden']} of {printed['closed']} closed <details> laid out for print")
    if args.pdf:
        print(f"check-report: {args.pdf}: {pages} pages"
              + (f"; {pdf_checked} texts from collapsed blocks found in it" if pdf_checked is not None else ""))
    if failures:
        for failure in failures:
            print(f"check-report: FAIL: {failure}", file=sys.stderr)
        sys.exit(1)
    print("check-report: OK")


if __name__ == "__main__":
    main()
