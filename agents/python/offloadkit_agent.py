#!/usr/bin/env python3
"""A sample OffloadKit agent: a software adapter that does every offload as the spec says, behind the
out-of-process DUT protocol (docs/protocol.md, version 1). Standard library only.

    python3 offloadkit_agent.py                      speak the protocol on stdin/stdout (--dut exec:...)
    python3 offloadkit_agent.py --listen HOST:PORT   listen there, one session a connection (--dut tcp:...)

A vendor replaces the Adapter class's datapath with calls into the real driver or NIC; the protocol loop
(serve) stays as it is. The offloads here follow OffloadKit's reference engines: Tx checksum (spec 1.3),
LSO and USO segmentation (2.2-2.4), Rx checksum evaluation (1.3) and receive segment coalescing by the
NDIS rules (3.2).
"""

import argparse
import base64
import json
import socket
import sys
import threading

PROTOCOL_VERSIONS = (1,)

# NET_ADAPTER_OFFLOAD_LAYER3_FLAGS / LAYER4_FLAGS
IPV4_NO_OPTIONS, IPV4_WITH_OPTIONS, IPV6_NO_EXTENSIONS, IPV6_WITH_EXTENSIONS = 0x1, 0x2, 0x4, 0x8
TCP_NO_OPTIONS, TCP_WITH_OPTIONS, UDP = 0x1, 0x2, 0x4

# NET_PACKET_LAYOUT types
L2_UNSPECIFIED, L2_ETHERNET = 0, 2
L3_UNSPECIFIED, L3_IPV4_UNSPECIFIED, L3_IPV4_WITH_OPTIONS, L3_IPV4_NO_OPTIONS = 0, 1, 2, 3
L3_IPV6_UNSPECIFIED, L3_IPV6_WITH_EXTENSIONS, L3_IPV6_NO_EXTENSIONS = 4, 5, 6
L4_UNSPECIFIED, L4_TCP, L4_UDP, L4_IP_FRAGMENT, L4_IP_NOT_FRAGMENT = 0, 1, 2, 3, 4

# NET_PACKET_TX_CHECKSUM_ACTION, NET_PACKET_RX_CHECKSUM_EVALUATION
REQUIRED = 2
NOT_CHECKED, VALID, INVALID = 0, 1, 2

FIN, SYN, RST, PSH, ACK, URG, ECE, CWR = 0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80

LAYER4_HEADER_OFFSET_LIMIT = 255   # what an 8-bit descriptor field holds
MAXIMUM_OFFLOAD_SIZE = 65536
MINIMUM_SEGMENT_COUNT = 2
MAX_MSS = (1 << 20) - 1
MAX_DATAGRAM = 65535


def u16(b, o):
    return b[o] << 8 | b[o + 1]


def u32(b, o):
    return int.from_bytes(b[o:o + 4], "big")


def put16(b, o, v):
    b[o] = (v >> 8) & 0xFF
    b[o + 1] = v & 0xFF


def put32(b, o, v):
    b[o:o + 4] = (v & 0xFFFFFFFF).to_bytes(4, "big")


# ---------------------------------------------------------------- RFC 1071 arithmetic

def csum(b, off=0, length=None):
    """The folded one's complement sum of big-endian 16-bit words (not complemented)."""
    data = bytes(b[off:] if length is None else b[off:off + length])
    if len(data) & 1:
        data += b"\0"
    n = int.from_bytes(data, "big")
    s = n % 0xFFFF      # 2^16 = 1 (mod 0xFFFF): the end-around carry for free
    return 0xFFFF if s == 0 and n != 0 else s


def cadd(x, y):
    s = x + y
    s = (s & 0xFFFF) + (s >> 16)
    return (s & 0xFFFF) + (s >> 16)


def complement(s):
    return ~s & 0xFFFF


# ---------------------------------------------------------------- frame layout

class Layout:
    """NET_PACKET_LAYOUT plus what a checksum needs: the protocol, where the datagram ends, the
    offset of the pseudo-header's destination address."""

    def __init__(self, l2type, l2len, l3type, l3len, l4type, l4len, proto=-1, ip_end=0, pseudo_dst=-1):
        self.l2type, self.l2len, self.l3type, self.l3len, self.l4type, self.l4len = l2type, l2len, l3type, l3len, l4type, l4len
        self.proto, self.ip_end, self.pseudo_dst = proto, ip_end, pseudo_dst

    @staticmethod
    def unknown(length):
        return Layout(L2_UNSPECIFIED, 0, L3_UNSPECIFIED, 0, L4_UNSPECIFIED, 0, -1, length, -1)

    def is_ipv4(self):
        return self.l3type in (L3_IPV4_UNSPECIFIED, L3_IPV4_WITH_OPTIONS, L3_IPV4_NO_OPTIONS)

    def is_ipv6(self):
        return self.l3type in (L3_IPV6_UNSPECIFIED, L3_IPV6_WITH_EXTENSIONS, L3_IPV6_NO_EXTENSIONS)

    @property
    def l3(self):
        return self.l2len

    @property
    def l4(self):
        return self.l2len + self.l3len

    @property
    def payload(self):
        return self.l4 + self.l4len

    def payload_length(self):
        return self.ip_end - self.payload

    def transport_length(self):
        return self.ip_end - self.l4

    def checksum_field(self):
        return self.l4 + 16 if self.l4type == L4_TCP else self.l4 + 6 if self.l4type == L4_UDP else -1

    def to_json(self):
        return {"layer2Type": self.l2type, "layer2Length": self.l2len, "layer3Type": self.l3type,
                "layer3Length": self.l3len, "layer4Type": self.l4type, "layer4Length": self.l4len}


def parse(f, length_from_frame=False):
    """The layout of an Ethernet frame, or None when a header lies about its length. With
    length_from_frame (LSOv2 and USO templates, spec 2.2) the IP and UDP lengths are not read."""
    n = len(f)
    if n < 14:
        return None
    ether, o = u16(f, 12), 14
    while ether in (0x8100, 0x88A8, 0x9100):
        if o + 4 > n:
            return None
        ether, o = u16(f, o + 2), o + 4
    if o > 127:
        return None
    if ether == 0x0800:
        return _ipv4(f, n, o, length_from_frame)
    if ether == 0x86DD:
        return _ipv6(f, n, o, length_from_frame)
    return Layout(L2_ETHERNET, o, L3_UNSPECIFIED, 0, L4_UNSPECIFIED, 0, -1, n, -1)


def _ipv4(f, n, o, length_from_frame):
    if n - o < 20 or f[o] >> 4 != 4 or f[o] & 0xF < 5:
        return None
    hl = (f[o] & 0xF) * 4
    if o + hl > n:
        return None
    total = n - o if length_from_frame else u16(f, o + 2)
    if total < hl or o + total > n:
        return None
    l3type = L3_IPV4_NO_OPTIONS if hl == 20 else L3_IPV4_WITH_OPTIONS
    fragment = (f[o + 6] & 0x20) != 0 or (u16(f, o + 6) & 0x1FFF) != 0
    return _transport(f, o, l3type, hl, f[o + 9], fragment, o + total, _source_route_destination(f, o, hl), length_from_frame)


def _source_route_destination(f, o, hl):
    """RFC 9293 3.1: an unfinished loose or strict source route puts its last address in the pseudo-header."""
    end, p = o + hl, o + 20
    while p < end:
        kind = f[p]
        if kind == 0:
            break
        if kind == 1:
            p += 1
            continue
        if p + 2 > end or f[p + 1] < 2 or p + f[p + 1] > end:
            break
        length = f[p + 1]
        if kind in (0x83, 0x89) and length >= 7 and f[p + 2] <= length:
            return p + 3 + (length - 3) // 4 * 4 - 4
        p += length
    return o + 16


def _ipv6(f, n, o, length_from_frame):
    if n - o < 40 or f[o] >> 4 != 6:
        return None
    payload_length = n - o - 40 if length_from_frame else u16(f, o + 4)
    end = o + 40 + payload_length
    if end > n:
        return None
    nxt, p, dst, fragment = f[o + 6], o + 40, o + 24, False
    while nxt in (0, 43, 44, 51, 60, 135, 139, 140):
        if p + 8 > end:
            return None
        hl = 8 if nxt == 44 else (f[p + 1] + 2) * 4 if nxt == 51 else (f[p + 1] + 1) * 8
        if p + hl > end:
            return None
        if nxt == 43:
            dst = _routing_destination(f, p, hl, dst)
        elif nxt == 44:
            fragment = (u16(f, p + 2) >> 3) != 0 or (f[p + 3] & 1) != 0
        nxt, p = f[p], p + hl
    l3len = p - o
    if l3len > 511:
        return None
    l3type = L3_IPV6_NO_EXTENSIONS if l3len == 40 else L3_IPV6_WITH_EXTENSIONS
    return _transport(f, o, l3type, l3len, nxt, fragment, end, dst, length_from_frame)


def _routing_destination(f, p, hl, dst):
    """RFC 8200 8.1: with segments left, the final destination goes in the pseudo-header."""
    addresses = (hl - 8) // 16
    if f[p + 3] == 0 or addresses == 0:
        return dst
    return {0: p + 8 + 16 * (addresses - 1), 2: p + 8 + 16 * (addresses - 1), 4: p + 8}.get(f[p + 2], dst)


def _transport(f, o, l3type, l3len, proto, fragment, end, dst, length_from_frame):
    p = o + l3len
    available = end - p
    if fragment:
        return Layout(L2_ETHERNET, o, l3type, l3len, L4_IP_FRAGMENT, 0, proto, end, dst)
    if proto == 6:
        if available < 20:
            return None
        data_offset = f[p + 12] >> 4
        if data_offset < 5 or data_offset * 4 > available:
            return None
        return Layout(L2_ETHERNET, o, l3type, l3len, L4_TCP, data_offset * 4, proto, end, dst)
    if proto == 17:
        if available < 8 or (u16(f, p + 4) != available and not length_from_frame):
            return None
        return Layout(L2_ETHERNET, o, l3type, l3len, L4_UDP, 8, proto, end, dst)
    return Layout(L2_ETHERNET, o, l3type, l3len, L4_IP_NOT_FRAGMENT, 0, proto, end, dst)


def pseudo_header_sum(f, layout, upper_length):
    size = 4 if layout.is_ipv4() else 16
    source = layout.l3 + (12 if layout.is_ipv4() else 8)
    s = cadd(cadd(csum(f, source, size), csum(f, layout.pseudo_dst, size)), layout.proto)
    return cadd(cadd(s, upper_length & 0xFFFF), upper_length >> 16)


def ipv4_header_checksum(f, layout):
    return complement(cadd(csum(f, layout.l3, 10), csum(f, layout.l3 + 12, layout.l3len - 12)))


def ipv4_header_verifies(f, layout):
    return csum(f, layout.l3, layout.l3len) == 0xFFFF


def transport_verifies(f, layout):
    length = layout.transport_length()
    return cadd(pseudo_header_sum(f, layout, length), csum(f, layout.l4, length)) == 0xFFFF


# ---------------------------------------------------------------- transmit: checksums (spec 1.3)

def declared_layout(frame, declared):
    """The stack's NET_PACKET_LAYOUT, with what the hardware reads from the headers themselves."""
    read = parse(frame) or Layout.unknown(len(frame))
    return Layout(declared["layer2Type"], declared["layer2Length"], declared["layer3Type"], declared["layer3Length"],
                  declared["layer4Type"], declared["layer4Length"], read.proto, read.ip_end, read.pseudo_dst)


def apply_checksums(frame, layout, layer3, layer4):
    """Each Required layer's checksum computed: the transport field holds the stack's pseudo-header seed."""
    f = bytearray(frame)
    if layer3 == REQUIRED and layout.is_ipv4():
        put16(f, layout.l3 + 10, ipv4_header_checksum(f, layout))
    field = layout.checksum_field()
    if layer4 == REQUIRED and field >= 0:
        value = complement(csum(f, layout.l4, layout.transport_length()))
        if value == 0 and layout.l4type == L4_UDP:
            value = 0xFFFF     # RFC 768: 0 means "no checksum"
        put16(f, field, value)
    return bytes(f)


# ---------------------------------------------------------------- transmit: segmentation (spec 2.2-2.4)

class Refused(Exception):
    pass


def segment(template, flavor, mss, limits):
    """The frames a NIC puts on the wire for a large send; Refused when it must fail it."""
    layout = parse(template, length_from_frame=flavor != "LSOv1")
    if layout is None:
        raise Refused("%s template: a header lies about its length" % flavor)
    lso = flavor != "USO"
    if not ((layout.l4type == L4_TCP if lso else layout.l4type == L4_UDP)
            and (layout.is_ipv4() if flavor == "LSOv1" else layout.is_ipv4() or layout.is_ipv6())):
        raise Refused("%s cannot segment this template" % flavor)
    payload = layout.payload_length()
    if mss <= 0 or mss > MAX_MSS:
        raise Refused("MSS %d" % mss)
    max_size, min_count, sub_mss = limits
    if max_size and payload > max_size:
        raise Refused("%d user bytes, MaximumOffloadSize %d" % (payload, max_size))
    count = (payload + mss - 1) // mss
    if count < min_count:
        raise Refused("%d segment(s), MinimumSegmentCount %d" % (count, min_count))
    if flavor == "USO" and payload % mss and not sub_mss:
        raise Refused("a short last datagram without SubMssFinalSegmentSupported")
    smallest = min(mss, payload) + layout.l4len + (layout.l3len if layout.is_ipv4() else layout.l3len - 40)
    if smallest > 0xFFFF:
        raise Refused("a segment of MSS %d does not fit the IP length field" % mss)
    headers, l3, l4, field = layout.payload, layout.l3, layout.l4, layout.checksum_field()
    seed = u16(template, field)
    no_udp_checksum = layout.l4type == L4_UDP and seed == 0
    first_id = u16(template, l3 + 4) if layout.is_ipv4() else 0
    first_seq = u32(template, l4 + 4) if lso else 0
    flags = template[l4 + 13] if lso else 0
    frames = []
    for i in range(count):
        offset = i * mss
        length = min(mss, payload - offset)
        s = bytearray(template[:headers]) + template[headers + offset:headers + offset + length]
        transport_length = len(s) - l4
        if layout.is_ipv4():
            put16(s, l3 + 2, len(s) - l3)
            put16(s, l3 + 4, (first_id & 0x8000) | ((first_id + i) & 0x7FFF) if flavor == "LSOv2" else (first_id + i) & 0xFFFF)
            put16(s, l3 + 10, ipv4_header_checksum(s, layout))
        else:
            put16(s, l3 + 4, len(s) - l3 - 40)
        if lso:
            put32(s, l4 + 4, first_seq + offset)
            segment_flags = flags
            if i < count - 1:
                segment_flags &= ~(FIN | PSH)
            if i > 0:
                segment_flags &= ~CWR
            s[l4 + 13] = segment_flags
        else:
            put16(s, l4 + 4, transport_length)
        if not no_udp_checksum:
            # The seed is the pseudo-header sum without the length (spec 2.2): add it, and the segment.
            value = complement(cadd(csum(s, l4, transport_length), transport_length))
            put16(s, field, 0xFFFF if value == 0 and not lso else value)
        frames.append(bytes(s))
    return frames


# ---------------------------------------------------------------- receive: checksum evaluation

def evaluate(f, layout, rx):
    layer3 = NOT_CHECKED
    if layout.is_ipv4() and rx["ipv4"]:
        layer3 = VALID if ipv4_header_verifies(f, layout) else INVALID
    layer4 = NOT_CHECKED
    if layout.l4type == L4_TCP and rx["tcp"]:
        layer4 = VALID if transport_verifies(f, layout) else INVALID
    elif layout.l4type == L4_UDP and rx["udp"]:
        if u16(f, layout.checksum_field()) == 0:
            layer4 = VALID if layout.is_ipv4() else INVALID   # IPv4 may omit it; IPv6 may not
        else:
            layer4 = VALID if transport_verifies(f, layout) else INVALID
    return layer3, layer4


def indication(frame, layout, checksum, rsc=None):
    out = {"frame": base64.b64encode(frame).decode("ascii"), "layout": layout.to_json(),
           "checksum": {"layer3": checksum[0], "layer4": checksum[1]}}
    if rsc is not None:
        out["rsc"] = {"coalescedSegmentCount": rsc[0], "duplicateAckCount": rsc[1], "tcpTimestampDelta": rsc[2]}
    return out


# ---------------------------------------------------------------- receive: coalescing (spec 3.2, NDIS rules)

def signed32(x):
    x &= 0xFFFFFFFF
    return x - (1 << 32) if x & 0x80000000 else x


class Segment:
    """A received frame, parsed once, with the TCP fields the rules read."""

    def __init__(self, frame):
        self.frame = frame
        self.layout = parse(frame)
        layout = self.layout
        self.kind = "other"
        if layout is None or not (layout.is_ipv4() or layout.is_ipv6()):
            return
        l3 = layout.l3
        self.addresses = (layout.is_ipv4(), frame[l3 + 12:l3 + 20] if layout.is_ipv4() else frame[l3 + 8:l3 + 40])
        if layout.l4type == L4_IP_FRAGMENT:
            self.kind = "fragment"
            return
        if layout.l4type != L4_TCP:
            return
        self.kind = "tcp"
        l4 = layout.l4
        self.payload = layout.payload
        self.payload_length = layout.payload_length()
        self.seq, self.ack = u32(frame, l4 + 4), u32(frame, l4 + 8)
        self.reserved = frame[l4 + 12] & 0x0F
        self.flags = frame[l4 + 13]
        self.window = u16(frame, l4 + 14)
        self.timestamp, self.other_options = -1, False
        self._options(l4 + 20, self.payload)
        self.checksums_verify = transport_verifies(frame, layout) and (not layout.is_ipv4() or ipv4_header_verifies(frame, layout))
        self.ttl = frame[l3 + 8] if layout.is_ipv4() else frame[l3 + 7]
        self.ecn = frame[l3 + 1] & 3 if layout.is_ipv4() else (u32(frame, l3) >> 20) & 3
        self.flow = (frame[:layout.l2len], self.addresses, frame[l4:l4 + 4])

    def _options(self, p, end):
        f = self.frame
        while p < end:
            kind = f[p]
            if kind == 0:
                return
            if kind == 1:
                p += 1
                continue
            length = f[p + 1] if p + 1 < end else 0
            if kind == 8 and length == 10 and p + 10 <= end and self.timestamp < 0:
                self.timestamp = p + 2
            else:
                self.other_options = True
            if length < 2:
                return
            p += length

    def tsval(self):
        return u32(self.frame, self.timestamp)

    def same_ip_fields(self, other):
        a, b, x, y = self.frame, other.frame, self.layout.l3, other.layout.l3
        if self.layout.is_ipv4():
            return (a[x + 1] & 0xFC) == (b[y + 1] & 0xFC) and (a[x + 6] & 0x40) == (b[y + 6] & 0x40)
        return ((u32(a, x) & 0xFFCFFFFF) == (u32(b, y) & 0xFFCFFFFF) and self.layout.l3len == other.layout.l3len
                and a[x + 40:self.layout.l4] == b[y + 40:other.layout.l4])


class Unit:
    """The tracked unit of one connection (H in the flowcharts)."""

    def __init__(self, first):
        self.first, self.members, self.open = first, [first], True
        self.data_segments = self.dup_acks = self.payload_bytes = 0
        self.nxt, self.ack, self.window, self.flags_or, self.min_ttl = first.seq, first.ack, first.window, 0, first.ttl
        self.earliest_tsval = first.tsval() if first.timestamp >= 0 else 0
        self.tsval = self.earliest_tsval
        self.tsecr = u32(first.frame, first.timestamp + 4) if first.timestamp >= 0 else 0
        if first.payload_length > 0:
            self.payload_bytes, self.data_segments = first.payload_length, 1
            self.nxt = (first.seq + first.payload_length) & 0xFFFFFFFF

    def fold(self, s):
        self.members.append(s)
        self.ack, self.window = s.ack, s.window
        self.flags_or |= s.flags
        self.min_ttl = min(self.min_ttl, s.ttl)
        if s.timestamp >= 0:
            self.tsval, self.tsecr = s.tsval(), u32(s.frame, s.timestamp + 4)
        if s.payload_length > 0:
            self.payload_bytes += s.payload_length
            self.data_segments += 1
            self.nxt = (s.seq + s.payload_length) & 0xFFFFFFFF


class Coalescer:
    """One receive batch in, its indications out; nothing is held across batches (RSC-16)."""

    def __init__(self, rsc, rx):
        self.rsc, self.rx = rsc, rx
        self.out, self.tracked, self.flows = [], [], {}

    def coalesce(self, frames):
        for frame in frames:
            self.ndis(Segment(frame))
        for unit in self.tracked:
            if unit.open:
                self.indicate(unit)
        return self.out

    def enabled_for(self, s):
        wanted = IPV4_NO_OPTIONS if s.layout.is_ipv4() else IPV6_NO_EXTENSIONS
        return bool(self.rsc["layer3Flags"] & wanted) and bool(self.rsc["layer4Flags"] & TCP_NO_OPTIONS)

    def ndis(self, s):
        if s.kind == "fragment":
            # Exception 6: only a first fragment names its ports, so every unit between the addresses ends.
            for unit in self.tracked:
                if unit.open and unit.first.addresses == s.addresses:
                    self.indicate(unit)
            self.alone(s)
            return
        if s.kind != "tcp" or not self.enabled_for(s):
            self.alone(s)
            return
        h = self.flows.get(s.flow)
        h = h if h is not None and h.open else None
        if self.exception(s):
            if h is not None:
                self.indicate(h)
            self.alone(s)
            return
        if h is None:
            self.track(s)
            return
        f = h.first
        if (not f.same_ip_fields(s) or f.ecn != s.ecn or (f.flags & (ECE | CWR)) != (s.flags & (ECE | CWR))
                or s.layout.l4len != f.layout.l4len or (s.timestamp >= 0) != (f.timestamp >= 0)
                or (s.timestamp >= 0 and signed32(s.tsval() - h.tsval) < 0)):
            self.indicate(h)      # exception 8, a header the unit cannot carry, or an older timestamp
            self.track(s)
            return
        if s.payload_length == 0:
            self.pure_ack(h, s)
        elif s.seq == h.nxt and h.dup_acks == 0 and h.payload_bytes > 0 and signed32(s.ack - h.ack) >= 0 and self.fits(h, s):
            h.fold(s)
        else:
            self.indicate(h)
            self.track(s)

    def pure_ack(self, h, s):
        in_place = s.seq == h.nxt and s.ack == h.ack
        if in_place and s.window != h.window:
            h.fold(s)                 # a window update
        elif in_place and h.payload_bytes == 0:
            h.fold(s)                 # a duplicate ACK after a pure ACK
            h.dup_acks += 1
        else:
            self.indicate(h)          # a duplicate ACK after data starts a unit counting from 0
            self.track(s)

    def exception(self, s):
        return (not s.checksums_verify or s.flags & (FIN | SYN | RST | URG) or not s.flags & ACK or s.reserved
                or s.other_options or (s.timestamp >= 0 and not self.rsc["tcpTimestampOption"])
                or s.layout.l3type not in (L3_IPV4_NO_OPTIONS, L3_IPV6_NO_EXTENSIONS))

    @staticmethod
    def fits(h, s):
        ip_header = s.layout.l3len if s.layout.is_ipv4() else s.layout.l3len - 40
        return ip_header + s.layout.l4len + h.payload_bytes + s.payload_length <= MAX_DATAGRAM

    def track(self, s):
        unit = Unit(s)
        self.flows[s.flow] = unit
        self.tracked.append(unit)

    def alone(self, s):
        if s.layout is None:
            self.out.append(indication(s.frame, Layout.unknown(len(s.frame)), (NOT_CHECKED, NOT_CHECKED)))
        else:
            self.out.append(indication(s.frame, s.layout, evaluate(s.frame, s.layout, self.rx)))

    def indicate(self, unit):
        unit.open = False
        if len(unit.members) == 1:
            self.alone(unit.first)
        else:
            self.out.append(self.finalized(unit))

    def finalized(self, unit):
        """Spec 3.2 finalization: one wire-like segment with every payload, its headers brought up to date."""
        f = unit.first
        layout = f.layout
        l3, l4 = layout.l3, layout.l4
        frame = bytearray(f.frame[:f.payload + f.payload_length])
        for m in unit.members[1:]:
            frame += m.frame[m.payload:m.payload + m.payload_length]
        transport_length = layout.l4len + unit.payload_bytes
        if layout.is_ipv4():
            put16(frame, l3 + 2, layout.l3len + transport_length)
            frame[l3 + 6] &= 0x40     # DF as the segments had it, MF clear, offset 0
            frame[l3 + 7] = 0
            frame[l3 + 8] = unit.min_ttl
        else:
            put16(frame, l3 + 4, layout.l3len - 40 + transport_length)
            frame[l3 + 7] = unit.min_ttl
        put32(frame, l4 + 8, unit.ack)
        frame[l4 + 13] = f.flags | (unit.flags_or & PSH)
        put16(frame, l4 + 14, unit.window)
        if f.timestamp >= 0:
            put32(frame, f.timestamp, unit.tsval)
            put32(frame, f.timestamp + 4, unit.tsecr)
        unit_layout = parse(bytes(frame))
        put16(frame, unit_layout.checksum_field(), 0)
        if unit_layout.is_ipv4():
            put16(frame, l3 + 10, 0)
            put16(frame, l3 + 10, ipv4_header_checksum(frame, unit_layout))
        pseudo = pseudo_header_sum(frame, unit_layout, unit_layout.transport_length())
        put16(frame, unit_layout.checksum_field(), complement(cadd(pseudo, csum(frame, l4, unit_layout.transport_length()))))
        frame = bytes(frame)
        if unit.data_segments == 0:
            # Pure ACKs folded together: no data coalesced, so NDIS takes it for a plain segment.
            return indication(frame, unit_layout, evaluate(frame, unit_layout, self.rx), (0, unit.dup_acks, 0))
        delta = (unit.tsval - unit.earliest_tsval) & 0xFFFFFFFF if f.timestamp >= 0 else 0
        checksum = (VALID if layout.is_ipv4() else NOT_CHECKED, VALID)
        return indication(frame, unit_layout, checksum, (unit.data_segments, unit.dup_acks, delta))


# ---------------------------------------------------------------- the adapter

def frame_of(text):
    return base64.b64decode(text, validate=True)


class Adapter:
    """What the agent advertises, the active sets it was called back with, and its datapath."""

    def __init__(self):
        self.rx = {"ipv4": False, "tcp": False, "udp": False}
        self.rsc = {"layer3Flags": 0, "layer4Flags": 0, "tcpTimestampOption": False}
        self.tx = self.gso = None
        self.frames_sent = self.octets_sent = 0
        self.limits = (MAXIMUM_OFFLOAD_SIZE, MINIMUM_SEGMENT_COUNT, True)

    def advertisement(self):
        return {
            "txChecksum": {"layer3Flags": 0xF, "layer4Flags": 0x7, "layer3HeaderOffsetLimit": 0,
                           "layer4HeaderOffsetLimit": LAYER4_HEADER_OFFSET_LIMIT},
            "rxChecksum": {},
            "gso": {"layer3Flags": 0xF, "layer4Flags": 0x7, "layer4HeaderOffsetLimit": LAYER4_HEADER_OFFSET_LIMIT,
                    "maximumOffloadSize": MAXIMUM_OFFLOAD_SIZE, "minimumSegmentCount": MINIMUM_SEGMENT_COUNT,
                    "subMssFinalSegmentSupported": True},
            "rsc": {"layer3Flags": IPV4_NO_OPTIONS | IPV6_NO_EXTENSIONS, "layer4Flags": TCP_NO_OPTIONS,
                    "tcpTimestampOption": True},
        }

    def transmit(self, packet):
        frame = frame_of(packet["frame"])
        gso = packet["gso"]
        if gso["kind"] != "none" and gso["mss"] != 0:
            result = self.large_send(frame, packet["layout"], gso)
        else:
            layout = declared_layout(frame, packet["layout"])
            sent = apply_checksums(frame, layout, packet["checksum"]["layer3"], packet["checksum"]["layer4"])
            result = {"success": True, "frames": [sent]}
        self.frames_sent += len(result["frames"])
        self.octets_sent += sum(len(f) for f in result["frames"])
        result["frames"] = [base64.b64encode(f).decode("ascii") for f in result["frames"]]
        return {"result": result}

    def large_send(self, frame, declared, gso):
        # A driver sees ms_packet_gso only: an IPv4 TCP template with Total Length 0 is LSOv2, with it LSOv1.
        ipv4 = declared["layer3Type"] in (L3_IPV4_UNSPECIFIED, L3_IPV4_WITH_OPTIONS, L3_IPV4_NO_OPTIONS)
        if gso["kind"] == "udp":
            flavor = "USO"
        else:
            flavor = "LSOv1" if ipv4 and u16(frame, declared["layer2Length"] + 2) != 0 else "LSOv2"
        try:
            return {"success": True, "frames": segment(frame, flavor, gso["mss"], self.limits)}
        except Refused as why:
            return {"success": False, "frames": [], "failure": str(why)}

    def receive(self, batch):
        frames = [frame_of(f) for f in batch["frames"]]
        return {"indications": Coalescer(self.rsc, self.rx).coalesce(frames)}

    def counters(self):
        return {"counters": {"frames": self.frames_sent, "octets": self.octets_sent}}


# ---------------------------------------------------------------- the protocol loop

def handle(adapter, message):
    kind = message.get("type")
    if kind == "hello":
        common = [v for v in PROTOCOL_VERSIONS if v in message.get("versions", [])]
        if not common:
            raise ValueError("this agent speaks protocol versions %s only" % list(PROTOCOL_VERSIONS))
        return {"version": max(common), "agent": "offloadkit-python-sample"}
    if kind == "initialize":
        return adapter.advertisement()
    if kind == "setTxChecksum":
        adapter.tx = message["active"]
        return {}
    if kind == "setRxChecksum":
        adapter.rx = message["active"]
        return {}
    if kind == "setGso":
        adapter.gso = message["active"]
        return {}
    if kind == "setRsc":
        adapter.rsc = message["active"]
        return {}
    if kind == "transmit":
        return adapter.transmit(message["packet"])
    if kind == "receive":
        return adapter.receive(message["batch"])
    if kind == "transmitCounters":
        return adapter.counters()
    if kind == "shutdown":
        return {}
    raise ValueError("unknown request type %r" % kind)


def serve(lines, write, adapter=None):
    """One session: a request a line in, a reply a line out, until shutdown or the end of input."""
    adapter = adapter or Adapter()
    for line in lines:
        if not line.strip():
            continue
        message = json.loads(line)
        try:
            reply = handle(adapter, message)
            reply.update(type=message["type"], id=message["id"])
        except Exception as error:   # the kit turns it into a DUT fault on that call
            reply = {"type": "error", "id": message.get("id"), "message": "%s: %s" % (type(error).__name__, error)}
        write((json.dumps(reply, separators=(",", ":")) + "\n").encode("utf-8"))
        if message.get("type") == "shutdown":
            return


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--listen", metavar="HOST:PORT", help="serve over TCP (port 0: any free port, printed)")
    args = parser.parse_args(argv)
    if not args.listen:
        out = sys.stdout.buffer

        def write(data):
            out.write(data)
            out.flush()
        serve(sys.stdin.buffer, write)
        return 0
    host, _, port = args.listen.rpartition(":")
    server = socket.create_server((host.strip("[]"), int(port)))
    print("listening on %s:%d" % server.getsockname()[:2], flush=True)
    while True:
        connection, _ = server.accept()
        # One adapter per connection, each on a thread of its own: the kit may open a second session (a
        # probe, a restart) while the first is still connected.
        threading.Thread(target=serve_connection, args=(connection,), daemon=True).start()


def serve_connection(connection):
    with connection:
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            serve(connection.makefile("rb"), connection.sendall)
        except (OSError, ValueError) as error:
            print("session ended: %s" % error, file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
