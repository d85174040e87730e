#!/usr/bin/env python3
"""Uses the web workspace (`tongxin serve`) as a person would, in real headless Chromium.

Starts `tongxin serve` on the Hubei graph, its 2023 version and a small hostile graph (a node named
with HTML and script) on a free loopback port, drives Debian's chromium through chromium-driver with
Selenium, and checks, each a failure when it does not hold:
  - the overview shows the counts and the map; the language toggle switches to English and is
    remembered over a reload;
  - searching 梁子 lists 梁子湖区 and 梁子镇; its entity page shows attributes, links and the
    neighbourhood diagram, and clicking a node of the diagram opens that node's page;
  - coverage drills from the province to a city, a county and a town by clicking rows; the map
    of a city's counties is drawn; back goes up one level;
  - the xlsx download is a zip (an Office Open XML workbook) with the sheets of the coverage answer;
  - a query shows a table that sorts on a header click; a bad query shows the caret at its column;
  - the pairing and change pages show their tables;
  - the hostile name is shown as text (search, entity page, diagram) and no alert ever opens;
  - the browser logged no console error (other than the bad query's own 400 answer).
Writes screenshots at 1280×800 and 768×1024 to out/browser/ for a person to look at.

Usage: browser-test.py TONGXIN [--out out/browser]   (run from the repository; Scripts/test.sh runs it)
"""
import argparse
import json
import os
import pathlib
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile

# Selenium finds the browser and driver it is given; it must not look for them on the network.
os.environ.setdefault("SE_OFFLINE", "true")
os.environ.setdefault("SE_AVOID_STATS", "true")

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, TimeoutException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>"
BAD_QUERY = "MATCH (n:region RETURN n"


def hostile_graph(folder):
    """A tiny native graph whose figure, organization and village carry the hostile name."""
    nodes = [
        {"id": "42", "kind": "region", "name": "湖北省", "level": "province"},
        {"id": "4201", "kind": "region", "name": "武汉市", "parent": "42", "level": "city"},
        {"id": "420102", "kind": "region", "name": "江岸区", "parent": "4201", "level": "county"},
        {"id": "420102001", "kind": "region", "name": "大智街道", "parent": "420102", "level": "town"},
        {"id": "420102001001", "kind": "village", "name": HOSTILE, "parent": "420102001", "type": "community"},
        {"id": "x1", "kind": "figure", "name": HOSTILE, "parent": "420102001001", "category": HOSTILE},
        {"id": "x2", "kind": "organization", "name": "商会 " + HOSTILE, "parent": "420102001", "type": "商会"},
    ]
    edges = [
        {"source": "x1", "target": "x2", "kind": "member_of"},
        {"source": "x2", "target": "420102001001", "kind": "serves"},
    ]
    path = pathlib.Path(folder) / "hostile.json"
    path.write_text(json.dumps({"format": "tongxin-graph", "version": 1, "name": "hostile", "metadata": {},
                                "nodes": nodes, "edges": edges}, ensure_ascii=False), encoding="utf-8")
    return path


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Check:
    """Counts failures and says what went wrong, without stopping at the first."""

    def __init__(self):
        self.failures = []

    def that(self, condition, message):
        if not condition:
            self.failures.append(message)
            print(f"browser-test: FAIL {message}", file=sys.stderr)
        return condition


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("tongxin")
    parser.add_argument("--out", default="out/browser")
    parser.add_argument("--graph", default="Graphs/hubei.json")
    parser.add_argument("--old", default="Graphs/hubei-2023.json")
    arguments = parser.parse_args()
    out = pathlib.Path(arguments.out)
    out.mkdir(parents=True, exist_ok=True)
    scratch = pathlib.Path(tempfile.mkdtemp(prefix="tongxin-browser-"))
    downloads = scratch / "downloads"
    downloads.mkdir()
    check = Check()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    started = time.monotonic()
    server = subprocess.Popen([arguments.tongxin, "serve", arguments.graph, arguments.old, str(hostile_graph(scratch)),
                               "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    driver = None
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(base + "/api/graphs", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"browser-test: the server did not start:\n{server.stdout.read()}")
            time.sleep(0.1)
        print(f"browser-test: server ready in {time.monotonic() - started:.2f} s on port {port}")

        options = Options()
        for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,800", "--hide-scrollbars", "--font-render-hinting=none", "--lang=zh-CN"):
            options.add_argument(flag)
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        options.add_experimental_option("prefs", {
            "download.default_directory": str(downloads), "download.prompt_for_download": False,
        })
        driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"))
        driver.set_window_size(1280, 800)
        wait = WebDriverWait(driver, 60)

        def no_alert(where):
            try:
                alert = driver.switch_to.alert
                text = alert.text
                alert.accept()
                check.that(False, f"an alert opened ({text!r}) at {where}")
            except NoAlertPresentException:
                pass

        def shot(name):
            driver.save_screenshot(str(out / f"{name}.png"))

        def find(css, text=None):
            """Waits for an element matching `css` (whose text contains `text`, when given)."""
            def found(_):
                for element in driver.find_elements(By.CSS_SELECTOR, css):
                    if text is None or text in element.text:
                        return element
                return False
            try:
                return wait.until(found)
            except TimeoutException:
                check.that(False, f"no {css}" + (f" with {text!r}" if text else "") + f" on {driver.current_url}")
                raise

        def open_hash(route):
            driver.get(f"{base}/#{route}")

        def step(name, action):
            began = time.monotonic()
            try:
                action()
            except TimeoutException:
                shot(f"failed-{name}")
            except Exception as error:  # noqa: BLE001 — one step failing must not hide the others
                check.that(False, f"{name}: {type(error).__name__}: {error}")
                shot(f"failed-{name}")
            no_alert(name)
            print(f"browser-test: {name} ({time.monotonic() - began:.1f} s)")

        # Overview: counts and the map.
        def overview():
            driver.get(base + "/")
            find(".card .figure", "97,039")
            find(".map-wrap svg path[data-id]")
            shot("overview")
            # English by the toggle, remembered over a reload; then back to Chinese.
            find("#language").click()
            find(".header nav a", "Coverage")
            driver.refresh()
            find(".header nav a", "Coverage")
            find(".card .figure", "97,039")
            shot("overview-en")
            find("#language").click()
            find(".header nav a", "覆盖率")
        step("overview", overview)

        # Search 梁子, open 梁子湖区, follow a link in its diagram.
        def search_and_entity():
            open_hash("/search")
            field = find("#search-input")
            field.send_keys("梁子")
            find("ul.hits a.entity", "梁子湖区")
            find("ul.hits a.entity", "梁子镇")
            shot("search")
            find("ul.hits a.entity", "梁子湖区").click()
            find("h1", "梁子湖区")
            find(".links summary")
            node = find("svg.diagram g.node.clickable")
            shot("entity")
            here = driver.current_url
            targets = driver.execute_script(
                "return [...document.querySelectorAll('svg.diagram g.node.clickable')].map(n => n.querySelector('a')"
                "?.getAttributeNS('http://www.w3.org/1999/xlink','title')?.split('\\n')[0])")
            other = next(i for i, target in enumerate(targets) if target and target != "420702")
            driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))",
                                  driver.find_elements(By.CSS_SELECTOR, "svg.diagram g.node.clickable")[other])
            wait.until(lambda d: d.current_url != here)
            find("h1 .id", targets[other])
            assert "/entity/" in driver.current_url, driver.current_url
            shot("entity-followed")
            del node
        step("search and entity", search_and_entity)

        # Coverage: province → 十堰市 → a county → a town, by clicking rows; back goes up.
        def coverage():
            open_hash("/coverage?unit=village&by=figure&via=liaison_for")
            find(".coverage-table tbody tr.clickable", "十堰市").click()
            find(".crumbs", "十堰市")
            find(".map-wrap svg path[data-id]")
            find(".summary", "1,898")
            shot("coverage-city")
            rows = driver.find_elements(By.CSS_SELECTOR, ".coverage-table tbody tr.clickable")
            county = rows[1].find_element(By.CSS_SELECTOR, "td").text
            rows[1].click()
            find(".crumbs", county)
            rows = driver.find_elements(By.CSS_SELECTOR, ".coverage-table tbody tr.clickable")
            town = rows[1].find_element(By.CSS_SELECTOR, "td").text
            rows[1].click()
            find(".crumbs", town)
            find(".summary", town)
            shot("coverage-town")
            driver.back()
            find(".coverage-table tbody tr", county)
            assert town in driver.find_element(By.CSS_SELECTOR, ".coverage-table").text, "back did not return to the county"
        step("coverage drill-down", coverage)

        # The xlsx download.
        def download():
            open_hash("/coverage?unit=town&region=4203")
            find("#download-xlsx").click()
            deadline = time.monotonic() + 30
            files = []
            while time.monotonic() < deadline:
                files = [f for f in downloads.iterdir() if f.suffix == ".xlsx"]
                if files:
                    break
                time.sleep(0.2)
            assert files, "no .xlsx was downloaded"
            with zipfile.ZipFile(files[0]) as workbook:
                names = workbook.namelist()
                assert "xl/workbook.xml" in names, f"not a workbook: {names}"
                sheets = workbook.read("xl/workbook.xml").decode("utf-8")
            for sheet in ("region", "uncovered"):
                assert f'name="{sheet}"' in sheets, f"no sheet {sheet} in {sheets[:300]}"
            print(f"browser-test: downloaded {files[0].name}, {files[0].stat().st_size} bytes")
        step("xlsx download", download)

        # Queries: a table that sorts, and a bad query with its caret.
        def query():
            text = "MATCH (c:region {name: '宜昌市'})<-[:within]-(county:region)<-[:within]-(town:region) RETURN county.name AS county, count(town) AS towns"
            open_hash("/query")
            editor = find("#query-text")
            editor.clear()
            editor.send_keys(text)
            find("#query-run").click()
            table = find(".query-table table")
            headers = table.find_elements(By.CSS_SELECTOR, "th")
            headers[1].click()
            headers[1].click()
            values = [int(cell.text.replace(",", "")) for cell in table.find_elements(By.CSS_SELECTOR, "tbody tr td:nth-child(2)")]
            assert values == sorted(values, reverse=True) and len(values) >= 10, f"towns not sorted descending: {values}"
            shot("query")
            editor = find("#query-text")
            editor.clear()
            editor.send_keys(BAD_QUERY)
            find("#query-run").click()
            caret = find(".error pre.caret")
            pad = caret.find_element(By.CSS_SELECTOR, ".pad").get_attribute("textContent")
            assert BAD_QUERY.startswith(pad) and len(pad) > 0, f"caret after {pad!r}"
            shot("query-error")
        step("query", query)

        def pairing():
            open_hash("/pairing?programme=villages&region=4205&by=county")
            find(".page-pairing table tbody tr", "夷陵区")
            find(".page-pairing .panel h2", "未结对")
            shot("pairing")
        step("pairing", pairing)

        def change():
            open_hash("/change")
            find(".page-change table tbody tr")
            shot("change")
        step("change", change)

        # The hostile graph: the name is text everywhere, and nothing runs.
        def hostile():
            driver.get(base + "/")
            Select(find("#graph-picker")).select_by_visible_text("hostile.json")
            open_hash("/search?q=script")
            link = find("ul.hits a.entity")
            names = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "ul.hits a.entity")]
            assert HOSTILE in names, f"the hostile name is not shown as text: {names}"
            link = next(a for a in driver.find_elements(By.CSS_SELECTOR, "ul.hits a.entity") if a.text == HOSTILE)
            link.click()
            find("h1", "<script>")
            find("svg.diagram g.node")
            injected = driver.execute_script(
                "return document.querySelectorAll('img[src=\"x\"], main script, [onerror]').length")
            assert injected == 0, f"{injected} injected elements in the page"
            shot("hostile")
            Select(find("#graph-picker")).select_by_index(0)
        step("hostile names", hostile)

        # The tablet.
        def tablet():
            driver.set_window_size(768, 1024)
            open_hash("/coverage?unit=town&region=4203")
            find(".coverage-table tbody tr")
            find(".map-wrap svg path[data-id]")
            shot("tablet-coverage")
            open_hash("/entity/420702")
            find("svg.diagram g.node")
            shot("tablet-entity")
            driver.set_window_size(1280, 800)
        step("tablet", tablet)

        errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"
                  and not ("/api/query" in entry["message"] and "400" in entry["message"])]
        for entry in errors:
            check.that(False, f"console error: {entry['message']}")
    finally:
        if driver is not None:
            driver.quit()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(scratch, ignore_errors=True)

    took = time.monotonic() - started
    if check.failures:
        print(f"browser-test: {len(check.failures)} failure(s) in {took:.1f} s; screenshots in {out}", file=sys.stderr)
        return 1
    print(f"browser-test: OK in {took:.1f} s; screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
