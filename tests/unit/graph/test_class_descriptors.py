from __future__ import annotations

import zipfile

import pytest

from scanner.errors import CorruptPackage
from scanner.graph.dex import DexFile
from tests.conftest import SAMPLES


def _dex() -> bytes:
    with zipfile.ZipFile(SAMPLES / "fingertip-checkin.apk") as zf:
        return zf.read("classes.dex")


def test_defined_classes_of_the_checkin_sample() -> None:
    classes = DexFile(_dex(), "classes.dex").class_descriptors()
    assert "Lcn/gov/example/daka/MainActivity;" in classes
    assert "Lcn/gov/example/daka/MainActivity$1;" in classes
    assert "Lcom/amap/api/location/AMapLocationClient;" in classes
    # Referenced framework classes are not defined here.
    assert "Landroid/location/LocationManager;" not in classes


@pytest.mark.parametrize("cut", [0x20, 0x70, 200])
def test_truncated_dex_is_a_clear_error(cut: int) -> None:
    data = _dex()
    with pytest.raises(CorruptPackage):
        DexFile(data[:cut], "classes.dex").class_descriptors()
