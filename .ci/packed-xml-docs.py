"""packed-xml-docs.py NUPKG PROJECT_DIR: every XML docs file in the package documents only the public API that
PROJECT_DIR's PublicAPI.Shipped.txt and PublicAPI.Unshipped.txt declare (the analyzer's record, not the build's filter):
each entry's type is a declared public type, and every declared public type has its entry."""
import re, sys, zipfile
from pathlib import Path

nupkg, project = sys.argv[1], Path(sys.argv[2])
def type_lines(name):
    """The type lines of one PublicAPI file (generic parameters dropped), split into declared and *REMOVED*."""
    declared, removed = set(), set()
    for line in (project / name).read_text().splitlines():
        target = removed if line.startswith("*REMOVED*") else declared
        line = line.removeprefix("*REMOVED*")
        if re.fullmatch(r"[A-Za-z0-9_.]+(<[A-Za-z0-9_, ]+>)?", line):
            target.add(re.sub(r"<[^<>]*>", "", line))
    return declared, removed

shipped, _ = type_lines("PublicAPI.Shipped.txt")
added, removed = type_lines("PublicAPI.Unshipped.txt")
public_types = (shipped - removed) | added

def owning_type(doc_id):
    kind, path = doc_id[0], re.sub(r"\(.*$", "", doc_id[2:])
    path = re.sub(r"~.*$", "", path)
    if kind != "T":
        path = path.rsplit(".", 1)[0]
    return re.sub(r"`\d+", "", path)

z = zipfile.ZipFile(nupkg)
xmls = [n for n in z.namelist() if n.startswith("lib/") and n.endswith(".xml")]
assert xmls, f"{nupkg} holds no XML docs"
for xml in xmls:
    ids = re.findall(r'<member name="([^"]+)"', z.read(xml).decode())
    stray = sorted({i for i in ids if owning_type(i) not in public_types})
    assert not stray, f"{xml} documents {len(stray)} non-public entries, e.g. {stray[:5]}"
    types = {owning_type(i) for i in ids if i.startswith("T:")}
    missing = sorted(public_types - types)
    assert not missing, f"{xml} lacks the public types {missing[:5]}"
    print(f"{xml}: {len(ids)} entries, all of the declared public API ({len(public_types)} types)")
