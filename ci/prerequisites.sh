#!/usr/bin/env bash
# Makes sure the native parts OffloadKit needs are on this machine, installing them where it can.
#   ci/prerequisites.sh run    what `./offloadkit` needs: Java 17+, Maven, libpcap
#   ci/prerequisites.sh test   what `./selftest` needs besides: tshark (the independent checksum oracle),
#                              iproute2 and ethtool (the Linux kernel harness configures namespaces, veth
#                              pairs and their offloads with them; its tests need root too, and skip without it),
#                              and python3 (the sample out-of-process agent runs the suites)
# As root with apt-get it installs what is missing; otherwise it prints the exact command and exits 2.
set -euo pipefail

need=${1:-run}
missing_packages=()
problems=()

java_major() {
  java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'
}

if ! command -v java >/dev/null 2>&1; then
  problems+=("Java 17 or newer is not installed (Debian: apt-get install openjdk-17-jdk-headless)")
elif [ "$(java_major)" -lt 17 ] 2>/dev/null; then
  problems+=("Java $(java_major) is too old; OffloadKit needs Java 17 or newer")
fi
command -v mvn >/dev/null 2>&1 || problems+=("Maven is not installed (Debian: apt-get install maven)")

# JNA finds the versioned library on its own: the -dev package is not needed.
if ! ldconfig -p 2>/dev/null | grep -q 'libpcap\.so\.0\.8'; then
  missing_packages+=(libpcap0.8)
fi
# ip and ethtool live in sbin, which a non-root PATH may leave out.
have() {
  command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ] || [ -x "/sbin/$1" ]
}
if [ "$need" = test ]; then
  have tshark || missing_packages+=(tshark)
  have ip || missing_packages+=(iproute2)
  have ethtool || missing_packages+=(ethtool)
  have python3 || missing_packages+=(python3)
fi

if [ ${#problems[@]} -gt 0 ]; then
  printf 'offloadkit: %s\n' "${problems[@]}" >&2
  exit 2
fi
[ ${#missing_packages[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "offloadkit: installing ${missing_packages[*]} ..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  for package in "${missing_packages[@]}"; do
    # Debian 13 and Ubuntu 24.04 renamed the runtime library in the 64-bit time_t transition.
    if [ "$package" = libpcap0.8 ]; then
      apt-get install -y -qq libpcap0.8 >/dev/null 2>&1 || apt-get install -y -qq libpcap0.8t64 >/dev/null
    else
      apt-get install -y -qq "$package" >/dev/null
    fi
  done
  exit 0
fi

echo "offloadkit: missing ${missing_packages[*]}. Install with:" >&2
echo "  sudo apt-get install -y ${missing_packages[*]}" >&2
exit 2
