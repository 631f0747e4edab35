"""Compare the table of lib/README.md ("Which module needs which") and the
SKPI_NEEDS_ lists of lib/CMakeLists.txt with the symbols the built objects
of each module take from the other modules (nm).
usage: check_module_deps.py SOURCE_DIR OBJECT_DIR"""
import collections
import glob
import os
import re
import subprocess
import sys

src, objdir = sys.argv[1], sys.argv[2]
defined, wanted = {}, collections.defaultdict(set)
for obj in glob.glob(os.path.join(objdir, "*", "*.o")):
    module, name = obj.split(os.sep)[-2:]
    if not os.path.exists(os.path.join(src, "lib", module, name[:-2])):
        continue  # an object left over from a source that moved
    for line in subprocess.run(["nm", obj], capture_output=True, text=True, check=True).stdout.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "TDBR":
            defined[parts[2]] = module
        elif len(parts) == 2 and parts[0] == "U":
            wanted[module].add(parts[1])
actual = {m: {defined[s] for s in syms if s in defined} - {m} for m, syms in wanted.items()}

readme = open(os.path.join(src, "lib", "README.md"), encoding="utf-8").read()
table = {}
for name, need in re.findall(r"^\| ([a-z]+) \| [^|]* \|([a-z ]*)\|$", readme, re.M):
    if name != "module":
        table[name] = set(need.split())
cmake = open(os.path.join(src, "lib", "CMakeLists.txt"), encoding="utf-8").read()
needs = {m: set(d.split()) for m, d in re.findall(r"^set\(SKPI_NEEDS_([a-z]+) ([a-z ]+)\)$", cmake, re.M)}
needs["core"] = set()

bad = []
for m in sorted(set(actual) | set(table)):
    got = actual.get(m, set())
    if table.get(m) != got:
        bad.append(f"{m}: lib/README.md says {sorted(table.get(m, []))}, the objects need {sorted(got)}")
    if needs.get(m) != got:
        bad.append(f"{m}: lib/CMakeLists.txt says {sorted(needs.get(m, []))}, the objects need {sorted(got)}")
if bad:
    print("\n".join(bad))
    sys.exit(1)
print(f"{len(table)} modules need what lib/README.md and lib/CMakeLists.txt say")
