#!/usr/bin/python3
"""retrason is linked with libical and libcurl like any program: the
dynamic section names both (so dpkg-shlibdeps, ldd and debuggers see
them), the loader finds them, and they are the very libraries this build
was configured with (pkg-config's), not a SONAME written into the code."""
import os
import re
import subprocess
import sys

EXE = os.environ["RETRASON"]
fails = 0


def expect(name, ok, detail=""):
    global fails
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else f": {detail}"))
    fails += not ok


def needed(path):
    out = subprocess.run(["readelf", "-d", path], capture_output=True, text=True,
                         check=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)


def soname(path):
    out = subprocess.run(["readelf", "-d", path], capture_output=True, text=True,
                         check=True).stdout
    m = re.search(r"\(SONAME\)\s+Library soname: \[([^\]]+)\]", out)
    return m.group(1) if m else None


def configured(pkg):
    """The SONAME of the library pkg-config points the build at."""
    libdir = subprocess.run(["pkg-config", "--variable=libdir", pkg], capture_output=True,
                            text=True, check=True).stdout.strip()
    name = {"libical": "libical.so", "libcurl": "libcurl.so"}[pkg]
    return soname(os.path.realpath(os.path.join(libdir, name)))


deps = needed(EXE)
ldd = subprocess.run(["ldd", EXE], capture_output=True, text=True)
for pkg in ("libical", "libcurl"):
    want = configured(pkg)
    expect(f"DT_NEEDED names {pkg} as the build found it ({want})", want in deps, deps)
    line = next((l for l in ldd.stdout.splitlines() if l.strip().startswith(want + " ")), "")
    expect(f"ldd resolves {want}", "=> /" in line and "not found" not in line, ldd.stdout)

for sym in ("dlopen", "dlsym"):
    out = subprocess.run(["nm", "-D", "--undefined-only", EXE], capture_output=True,
                         text=True, check=True).stdout
    expect(f"nothing is bound by hand ({sym} unused)",
           not re.search(rf"\b{sym}\b", out), out)

print(f"{len(deps)} libraries needed; {fails} failed")
sys.exit(1 if fails else 0)
