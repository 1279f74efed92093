#!/usr/bin/python3
"""Checks that a run file written by the [xarray_fixture] case of test_output opens in
xarray (engines netcdf4 and h5netcdf) and ncdump with named dimensions and the values
set in test_hdf5_writer.cpp.

Usage: /usr/bin/python3 check_xarray.py FILE   (exit status 0 when every check passes)
"""
import subprocess
import sys

YEARS = [2024, 2025, 2026]
ZONES = ["小店区", "清徐县"]
CHANNELS = ["talent", "employment"]
SEED = 20240601
SCENARIO_LINES = 3000


def fail(message):
    print(f"check_xarray: FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def expect(condition, message):
    if not condition:
        fail(message)


def check_dataset(ds, engine):
    where = f"[{engine}]"
    rate = ds["registered_urbanization_rate"]
    expect(rate.dims == ("replicate", "period"), f"{where} rate dims {rate.dims}")
    expect(str(rate.dtype) == "float64", f"{where} rate dtype {rate.dtype}")
    settle = ds["settlements"]
    expect(settle.dims == ("replicate", "period", "zone", "channel"),
           f"{where} settlements dims {settle.dims}")
    expect(ds["settlements_by_group"].dims == ("replicate", "period", "zone", "group"),
           f"{where} settlements_by_group dims {ds['settlements_by_group'].dims}")
    expect(ds["population_resident"].dims == ("replicate", "period", "zone"),
           f"{where} population_resident dims {ds['population_resident'].dims}")
    expect(not any(d.startswith("phony_dim") for d in ds.dims), f"{where} phony dims {list(ds.dims)}")

    expect(list(ds["replicate"].values) == [0, 1], f"{where} replicate {ds['replicate'].values}")
    expect(list(ds["period"].values) == YEARS, f"{where} period {ds['period'].values}")
    expect(ds["period"].attrs.get("units") == "year", f"{where} period units {ds['period'].attrs}")
    expect(list(ds["zone"].values) == ZONES, f"{where} zone {ds['zone'].values}")
    expect(list(ds["channel"].values) == CHANNELS, f"{where} channel {ds['channel'].values}")
    groups = list(ds["group"].values)
    expect(len(groups) > 1 and groups[-1] == "other", f"{where} group {groups}")

    for name in ("registered_urbanization_rate", "settlements"):
        attrs = ds[name].attrs
        expect(isinstance(attrs.get("units"), str) and attrs["units"] != "",
               f"{where} {name} units {attrs.get('units')!r}")
        expect(isinstance(attrs.get("long_name"), str) and attrs["long_name"] != "",
               f"{where} {name} long_name {attrs.get('long_name')!r}")
    expect(settle.attrs["units"] == "persons", f"{where} settlements units {settle.attrs['units']}")
    # Every output variable says its kind and dimensions (outputs.def), and the
    # attribute names the dimensions the reader actually sees.
    expected_kind = {"registered_urbanization_rate": "rate", "population_resident": "stock", "settlements": "flow"}
    for name, kind in expected_kind.items():
        expect(ds[name].attrs.get("kind") == kind, f"{where} {name} kind {ds[name].attrs.get('kind')!r}")
    for name, var in ds.data_vars.items():
        if "replicate" in var.dims and "period" in var.dims:
            expect(var.attrs.get("kind") in ("rate", "stock", "flow"), f"{where} {name} kind {var.attrs.get('kind')!r}")
            expect(var.attrs.get("dimensions") == " ".join(var.dims),
                   f"{where} {name} dimensions {var.attrs.get('dimensions')!r} against {var.dims}")

    # Values from make_replicate(): rate = 0.5 + 0.1 r + 0.01 p; settlements = 1000 r + 100 p + 10 z + c.
    got = float(rate.sel(replicate=1, period=2025))
    expect(abs(got - 0.61) < 1e-12, f"{where} rate(1, 2025) = {got}")
    got = float(settle.sel(replicate=1, period=2026, zone="清徐县", channel="talent"))
    expect(got == 1210.0, f"{where} settlements(1, 2026, 清徐县, talent) = {got}")
    got = float(settle.isel(replicate=0, period=1, zone=0, channel=1))
    expect(got == 101.0, f"{where} settlements(0, 2025, 小店区, employment) = {got}")
    total = float(settle.sum())
    expected_total = sum(1000 * r + 100 * p + 10 * z + c
                         for r in range(2) for p in range(3) for z in range(2) for c in range(2))
    expect(total == expected_total, f"{where} settlements total {total} != {expected_total}")

    attrs = ds.attrs
    expect(int(attrs.get("seed", -1)) == SEED, f"{where} seed {attrs.get('seed')!r}")
    expect(int(attrs.get("threads", -1)) == 2, f"{where} threads {attrs.get('threads')!r}")
    expect(float(attrs.get("scale", -1)) == 0.25, f"{where} scale {attrs.get('scale')!r}")
    for key, value in (("tool_version", "0.1.0"), ("scenario_name", "太原 baseline"),
                       ("created", "2024-06-01T12:00:00Z"), ("Conventions", "CF-1.8"),
                       ("institution", "测试")):
        expect(attrs.get(key) == value, f"{where} root attribute {key} = {attrs.get(key)!r}")

    text = ds["scenario_text"]
    expect(text.ndim == 0, f"{where} scenario_text dims {text.dims}")
    value = text.values.item()
    if isinstance(value, bytes):
        value = value.decode("utf-8")
    expect(value.startswith('name = "taiyuan_fixture"\n') and value.count("\n") == SCENARIO_LINES + 1
           and "户籍制度改革" in value, f"{where} scenario_text ({len(value)} chars)")

    frame = settle.to_dataframe()
    expect(len(frame) == 2 * 3 * 2 * 2, f"{where} to_dataframe rows {len(frame)}")


def main():
    if len(sys.argv) != 2:
        fail("usage: check_xarray.py FILE")
    path = sys.argv[1]
    try:
        import xarray as xr
    except ImportError as e:
        fail(f"cannot import xarray ({e}); run with /usr/bin/python3")

    for engine in ("netcdf4", "h5netcdf"):
        try:
            ds = xr.open_dataset(path, engine=engine)
        except Exception as e:  # noqa: BLE001 - any failure to open is the test failing
            fail(f"xarray engine={engine} cannot open {path}: {type(e).__name__}: {e}")
        with ds:
            try:
                check_dataset(ds.load(), engine)
            except (KeyError, ValueError, TypeError, AttributeError, IndexError) as e:
                fail(f"[{engine}] {type(e).__name__}: {e} (missing or malformed variable?)")

    try:
        result = subprocess.run(["ncdump", "-h", path], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as e:
        fail(f"cannot run ncdump: {e}")
    expect(result.returncode == 0, f"ncdump -h exited {result.returncode}: {result.stderr.strip()}")
    expect("double settlements(replicate, period, zone, channel)" in result.stdout,
           "ncdump -h does not show settlements(replicate, period, zone, channel)")
    expect("string zone(zone)" in result.stdout, "ncdump -h does not show string zone(zone)")

    print(f"check_xarray: OK: {path} opens with netcdf4, h5netcdf and ncdump")


if __name__ == "__main__":
    main()
