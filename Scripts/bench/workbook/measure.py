#!/usr/bin/env python3
"""The peer half of Scripts/bench/workbook.sh: openpyxl writing the same coverage workbook (write-only
mode, its fastest) and reading the same ledger (read-only mode), best of 3; prints one JSON line.

    python3 Scripts/bench/workbook/measure.py WRITE_ROWS FOLDER   # FOLDER holds bench-workbook's ledger.xlsx
"""
import json
import sys
import time

import openpyxl
from openpyxl.styles import Font


def best(body, runs=3):
    """The best wall and the best CPU (user + system, time.process_time) seconds of `runs` runs."""
    walls, cpus = [], []
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        body()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def write(rows, path):
    towns = ["小溪塔街道", "龙舟坪镇", "龙泉镇", "鸦鹊岭镇", "分乡镇", "太平溪镇", "三斗坪镇", "乐天溪镇"]
    book = openpyxl.Workbook(write_only=True)
    regions = book.create_sheet("regions")
    regions.freeze_panes = "A2"
    regions.append(["id", "name", "level", "units", "covered", "rate", "path"])
    for index in range(rows // 20):
        units = 20 + index % 17
        regions.append([f"4205{index}", f"{towns[index % len(towns)]}{index}", "town", units, index % units,
                        (index % units) / units, "湖北省 / 宜昌市 / 夷陵区"])
    uncovered = book.create_sheet("uncovered")
    uncovered.freeze_panes = "A2"
    uncovered.append(["id", "name", "path"])
    for index in range(rows):
        uncovered.append([f"v{420506000000 + index}", f"第{index}村", f"湖北省 / 宜昌市 / 夷陵区 / {towns[index % len(towns)]}"])
    book.save(path)


def read(path):
    book = openpyxl.load_workbook(path, read_only=True)
    return sum(1 for row in book.worksheets[0].iter_rows(values_only=True) for _ in row)


rows, folder = int(sys.argv[1]), sys.argv[2]
write_wall, write_cpu = best(lambda: write(rows, folder + "/coverage-openpyxl.xlsx"))
read_wall, read_cpu = best(lambda: read(folder + "/ledger.xlsx"))
print(json.dumps({"openpyxl_write_seconds": write_wall, "openpyxl_write_cpu_seconds": write_cpu,
                  "openpyxl_read_seconds": read_wall, "openpyxl_read_cpu_seconds": read_cpu}))
