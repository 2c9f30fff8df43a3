# The shapefile sample's oracle and corpus: GDAL's ogr2ogr, and third-party shapefiles from the test data and examples of
# Debian packages (downloaded and unpacked, never installed), in artifacts/geo-corpus (git-ignored; kept between runs).
apt_install gdal-bin
command -v ogr2ogr >/dev/null || { echo "ogr2ogr could not be installed" >&2; exit 1; }
geo_corpus=$PWD/artifacts/geo-corpus
geo_corpus_packages="r-cran-sf golang-github-jonas-p-go-shp-dev r-cran-spdata r-cran-maptools r-cran-terra php-phpmyadmin-shapefile"
if [ ! -f "$geo_corpus/.complete" ]; then
  rm -rf "$geo_corpus"
  mkdir -p "$geo_corpus/debs" "$geo_corpus/unpacked"
  if [ "$apt_updated" -eq 0 ]; then apt-get update -qq; apt_updated=1; fi
  # shellcheck disable=SC2086
  (cd "$geo_corpus/debs" && apt-get download -qq $geo_corpus_packages 2>&1 | grep -v '^W: Download is performed unsandboxed' || true)
  for deb in "$geo_corpus"/debs/*.deb; do
    pkg=$(basename "$deb"); pkg=${pkg%%_*}
    dpkg -x "$deb" "$geo_corpus/unpacked/$pkg"
  done
  # One flat folder per package with only the shapefiles' parts (the sample converts a folder at a time).
  for dir in "$geo_corpus"/unpacked/*; do
    pkg=$(basename "$dir")
    mkdir -p "$geo_corpus/files/$pkg"
    find "$dir" -iname '*.shp' -print0 | while IFS= read -r -d '' shp; do
      base=${shp%.*}
      for part in "$base".*; do
        case "${part##*.}" in shp|shx|dbf|cpg|prj|SHP|SHX|DBF|CPG|PRJ) cp "$part" "$geo_corpus/files/$pkg/" ;; esac
      done
    done
  done
  count=$(find "$geo_corpus/files" -iname '*.shp' | wc -l)
  [ "$count" -ge 15 ] || { echo "geo corpus: only $count shapefiles found in $geo_corpus_packages" >&2; exit 1; }
  touch "$geo_corpus/.complete"
fi
export PARALLELSUM_GEO_CORPUS=$geo_corpus/files
echo "geo corpus: $(find "$PARALLELSUM_GEO_CORPUS" -iname '*.shp' | wc -l) shapefiles in $PARALLELSUM_GEO_CORPUS"
