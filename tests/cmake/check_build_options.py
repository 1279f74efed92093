"""Checks of the build's own options, by configuring the project (never building it).

Usage: check_build_options.py SOURCE_DIR CHECK   (CHECK: pgo or pgo_script)

pgo: -DHUKOU_PGO=generate and =use put their flags on every compile and name the
build in the generated version header (what `hukou --version` prints); any other
value stops the configure with a message naming the accepted ones.
pgo_script: scripts/build-pgo explains itself and refuses an unknown option with
exit code 2. Its whole run (two builds and a training run, 8-12 minutes) is not
part of the suite; docs/performance.md reports it.
"""
import json
import os
import subprocess
import sys
import tempfile


def configure(src, build, *options):
    return subprocess.run(["cmake", "-S", src, "-B", build, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release",
                           "-DHUKOU_BUILD_TESTS=OFF", *options], capture_output=True, text=True)


def compile_flags(build):
    with open(os.path.join(build, "compile_commands.json")) as f:
        commands = json.load(f)
    assert commands, "no compile commands"
    return [c["command"] for c in commands]


def version_header(build):
    with open(os.path.join(build, "sim", "cli", "generated", "cli", "version.hpp")) as f:
        return f.read()


def check_pgo(src):
    expected = {
        "generate": (["-fprofile-generate", "-fprofile-update=atomic"], "Release, instrumented for profiling"),
        "use": (["-fprofile-use", "-fprofile-partial-training", "-Wno-error=coverage-mismatch"],
                "Release, profile-guided"),
        "": ([], "Release"),
    }
    for value, (flags, description) in expected.items():
        with tempfile.TemporaryDirectory() as build:
            done = configure(src, build, f"-DHUKOU_PGO={value}")
            assert done.returncode == 0, (value, done.stderr)
            commands = compile_flags(build)
            for flag in flags:
                missing = [c for c in commands if flag not in c.split()]
                assert not missing, (value, flag, missing[:1])
            if not flags:
                assert not any("-fprofile" in c for c in commands), value
            assert f'kBuild = "{description}";' in version_header(build), (value, version_header(build))
    with tempfile.TemporaryDirectory() as build:
        done = configure(src, build, "-DHUKOU_PGO=yes")
        assert done.returncode != 0, "HUKOU_PGO=yes was accepted"
        assert "HUKOU_PGO must be empty, generate or use" in done.stderr and "'yes'" in done.stderr, done.stderr


def check_pgo_script(src):
    script = os.path.join(src, "scripts", "build-pgo")
    done = subprocess.run([script, "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and "HUKOU_PGO=generate" in done.stdout and "--test" in done.stdout, done
    done = subprocess.run([script, "--fast"], capture_output=True, text=True)
    assert done.returncode == 2, done
    assert "unknown option '--fast'" in done.stderr, done.stderr


if __name__ == "__main__":
    source, check = sys.argv[1], sys.argv[2]
    {"pgo": check_pgo, "pgo_script": check_pgo_script}[check](source)
    print(f"{check}: ok")
