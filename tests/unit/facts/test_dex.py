from __future__ import annotations

import zipfile

import pytest

from scanner.errors import CorruptPackage
from scanner.facts.dex import defined_classes, java_name
from tests.conftest import SAMPLES


def _dex() -> bytes:
    with zipfile.ZipFile(SAMPLES / "fingertip-checkin.apk") as zf:
        return zf.read("classes.dex")


def test_defined_classes_of_the_checkin_sample() -> None:
    classes = defined_classes(_dex())
    assert "Lcn/gov/example/daka/MainActivity;" in classes
    assert "Lcn/gov/example/daka/MainActivity$1;" in classes
    assert "Lcom/amap/api/location/AMapLocationClient;" in classes
    # Referenced framework classes are not defined here.
    assert "Landroid/location/LocationManager;" not in classes


def test_java_name() -> None:
    assert java_name("Lcom/example/Foo$Bar;") == "com.example.Foo$Bar"


@pytest.mark.parametrize("cut", [0x20, 0x70, 200])
def test_truncated_dex_is_a_clear_error(cut: int) -> None:
    data = _dex()
    with pytest.raises(CorruptPackage):
        defined_classes(data[:cut])
