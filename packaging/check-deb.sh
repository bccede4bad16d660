#!/usr/bin/env bash
# Builds the Debian package from a configured and built BUILD_DIR, checks the
# files and dependencies it declares, installs it and runs the installed
# rapport-cli. A package that was not installed before is removed again, so a
# second run (or a developer's machine) is left as it was.
set -euo pipefail

build_dir="${1:?usage: packaging/check-deb.sh BUILD_DIR}"
app_id=org.rapportcrm.Rapport
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build_dir/CMakeCache.txt")

rm -f "$build_dir"/rapport_*.deb
if ! log=$(cd "$build_dir" && cpack -G DEB 2>&1); then
    echo "$log" >&2
    exit 1
fi
debs=("$build_dir"/rapport_"$version"_*.deb)
deb=$(realpath "${debs[0]}")
echo "Built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"

files=$(dpkg-deb -c "$deb" | awk '{ print $6 }')
expected=(
    ./usr/bin/rapport
    ./usr/bin/rapport-cli
    "./usr/share/applications/$app_id.desktop"
    "./usr/share/metainfo/$app_id.metainfo.xml"
    "./usr/share/mime/packages/$app_id.xml"
    "./usr/share/icons/hicolor/scalable/apps/$app_id.svg"
)
for size in 16 24 32 48 64 128 256; do
    expected+=("./usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
status=0
for file in "${expected[@]}"; do
    if ! grep -qxF "$file" <<<"$files"; then
        echo "The package lacks $file" >&2
        status=1
    fi
done
depends=$(dpkg-deb -f "$deb" Depends)
for package in libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 libqt6sql6 libqt6sql6-sqlite libqt6svg6 \
    qt6-qpa-plugins libsqlite3-0; do
    if ! grep -qE "(^|, )$package( |,|$)" <<<"$depends"; then
        echo "The package does not depend on $package (Depends: $depends)" >&2
        status=1
    fi
done
((status == 0)) || exit 1

# The installed tree links the desktop entry, the metainfo and the icon.
staging=$(find "$build_dir/_CPack_Packages" -type d -path '*/usr/share/metainfo' -printf '%h/../..\n' | head -n1)
appstreamcli validate-tree --no-net "$staging" >/dev/null

sudo=()
if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
was_installed=0
if dpkg-query -W -f='${Status}' rapport 2>/dev/null | grep -q "install ok installed"; then was_installed=1; fi
apt() {
    local log
    if ! log=$(DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get -y -qq "$@" 2>&1); then
        echo "$log" >&2
        return 1
    fi
}
apt install --reinstall --allow-downgrades "$deb"
installed=$(/usr/bin/rapport-cli --version)
if ((was_installed == 0)); then
    apt remove rapport
fi
if [[ "$installed" != "rapport-cli $version" ]]; then
    echo "The installed rapport-cli says “$installed”, not “rapport-cli $version”" >&2
    exit 1
fi
echo "The package installs, and its rapport-cli runs: $installed"
