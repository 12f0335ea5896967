"""Forecast files (CSV and Excel) read into interval tables, and refused with a sentence."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from orgdesk.design.sizing import size
from orgdesk.design.workload import Workload
from orgdesk.io.forecast import read_forecast
from orgdesk.io.problems import MalformedFile


def test_csv_with_dates_over_two_days(tmp_path: Path) -> None:
    path = tmp_path / "forecast.csv"
    path.write_text("Interval start,Contacts\n2026-12-07 08:00,10\n2026-12-07 08:15,12\n"
                    "2026-12-08 08:00,20\n", encoding="utf-8")
    forecast = read_forecast(path)
    assert forecast.interval_minutes == 15
    assert forecast.volumes == ((480, 10.0), (495, 12.0), (1440 + 480, 20.0))
    workload = Workload(aht=180, volumes=forecast.volumes, interval_minutes=15,
                        opens=480, closes=510)
    assert workload.days == 2
    assert [c for _, c in workload.intervals()] == [10.0, 12.0, 20.0, 0.0]


def test_gbk_csv_with_chinese_headers_and_times_wrapping_days(tmp_path: Path) -> None:
    path = tmp_path / "话务预测.csv"
    rows = "备注,时段,话务量\n" + "".join(f"x,{h:02d}:00-{h:02d}:30,{h * 10}\nx,{h:02d}:30,1\n"
                                       for h in (22, 23)) + "x,00:00,5\n"
    path.write_bytes(rows.encode("gb18030"))
    forecast = read_forecast(path)
    assert forecast.interval_minutes == 30
    assert forecast.volumes == ((22 * 60, 220.0), (22 * 60 + 30, 1.0), (23 * 60, 230.0),
                                (23 * 60 + 30, 1.0), (1440, 5.0))


def test_xlsx_with_datetime_cells(tmp_path: Path) -> None:
    path = tmp_path / "forecast.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Start", "Calls"])
    for hour in range(8, 11):
        sheet.append([dt.datetime(2026, 12, 7, hour), hour * 3])
    book.save(path)
    forecast = read_forecast(path)
    assert forecast.interval_minutes == 60
    assert forecast.volumes == ((480, 24.0), (540, 27.0), (600, 30.0))
    sizing = size(Workload(aht=180, volumes=forecast.volumes, interval_minutes=60,
                           opens=480, closes=660))
    assert sizing.peak.start == 600


@pytest.mark.parametrize(("text", "words"), [
    ("start,contacts\n08:00,ten\n", "Line 2 of"),
    ("start,contacts\nsoon,10\n", "not an interval start"),
    ("start,contacts\n08:00,10\n08:20,10\n", "20 minutes apart"),
    ("start,contacts\n2026-12-07 08:00,1\n08:30,1\n", "date for some"),
    ("start,contacts\n", "no intervals"),
    ("start,contacts\n08:00,-4\n", "not a number of contacts"),
])
def test_bad_forecasts_are_refused_with_one_sentence(tmp_path: Path, text: str,
                                                     words: str) -> None:
    path = tmp_path / "f.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(MalformedFile) as caught:
        read_forecast(path)
    assert words in str(caught.value)


def test_other_formats_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "f.json"
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(MalformedFile, match="CSV or Excel"):
        read_forecast(path)


def test_date_and_time_of_day_in_two_columns(tmp_path: Path) -> None:
    # The shape of a workforce-management export: Date, Interval, Offered.
    path = tmp_path / "wfm.csv"
    path.write_text("Date,Interval,Offered,AHT\n2026-12-07,23:30,4,200\n2026-12-09,08:00,9,200\n"
                    "2026-12-09,08:30,12,200\n", encoding="utf-8")
    forecast = read_forecast(path)
    assert forecast.volumes == ((23 * 60 + 30, 4.0), (2 * 1440 + 480, 9.0),
                                (2 * 1440 + 510, 12.0))
    assert forecast.interval_minutes == 30
