package org.offloadkit.pcap;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.BpfProgram.BpfCompileMode;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.namednumber.DataLinkType;

/**
 * A BPF filter, which only libpcap can compile: one program per link type (a pcapng may mix them), run per
 * record by libpcap's {@code bpf_filter} over the bytes as captured. Measured against letting libpcap read
 * the whole file with the filter set (docs/benchmarks.md), running the program on the records this package
 * reads costs one short native call per record, keeps the Java reader's speed for everything else, and works
 * on captures whose interfaces differ in link type, which libpcap's reader refuses.
 */
final class BpfFilter implements AutoCloseable {
    private static final int SNAPLEN = 262144;

    private final String expression;
    private final Path file;
    private final Map<Integer, BpfProgram> programs = new HashMap<>();

    BpfFilter(String expression, Path file) {
        Libpcap.require();
        this.expression = expression;
        this.file = file;
        program(LinkType.ETHERNET); // a filter that does not compile fails now, not at the first packet
    }

    boolean accepts(int linkType, PcapRecord record) {
        return program(linkType).applyFilter(record.data(), record.originalLength(), record.data().length);
    }

    private BpfProgram program(int linkType) {
        return programs.computeIfAbsent(linkType, type -> {
            try {
                return Pcaps.compileFilter(SNAPLEN, DataLinkType.getInstance(dlt(type)), expression, BpfCompileMode.OPTIMIZE,
                        netmaskUnknown());
            } catch (PcapNativeException e) {
                throw new PcapException(file + ": the filter '" + expression + "' does not compile for link type " + type
                        + " (" + LinkType.name(type) + "): " + e.getMessage(), e);
            }
        });
    }

    /** libpcap compiles for a DLT, which is the LINKTYPE except for raw IP (pcap-linktype(7)). */
    private static int dlt(int linkType) {
        return linkType == LinkType.RAW ? 12 : linkType;
    }

    /** PCAP_NETMASK_UNKNOWN: only "ip broadcast" needs the netmask, and libpcap then says so. */
    private static Inet4Address netmaskUnknown() {
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[] {-1, -1, -1, -1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        programs.values().forEach(BpfProgram::free);
    }
}
