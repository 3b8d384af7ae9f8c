#!/usr/bin/env bash
# Captures real Linux kernel traffic between two network namespaces, on the receive side, into pcaps/real/
# (or the folder given): a TCP bulk transfer with the sender's TSO and the receiver's GRO on and off, and a
# UDP burst without and with UDP GSO (done by the device, done by the kernel). Each capture is NAME.pcap;
# captures.json says what each shows, the features it ran with and every frame's virtio-net header.
# Needs root. The kit's own launcher does the work; OFFLOADKIT names another one.
#   ci/capture-real-traffic.sh [DIR]
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${1:-"$here/pcaps/real"}
launcher=${OFFLOADKIT:-"$here/offloadkit"}

if [ "$(id -u)" -ne 0 ]; then
  echo "capture-real-traffic: needs root (network namespaces, veth pairs, packet sockets): sudo $0 $*" >&2
  exit 2
fi

"$launcher" capture-real --out "$out"
