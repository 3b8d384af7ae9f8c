package org.offloadkit.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.offloadkit.packet.FrameBuilder;
import org.offloadkit.packet.TcpFlags;
import org.offloadkit.packet.TcpStream;
import org.offloadkit.pcap.PcapRecord;
import org.offloadkit.pcap.PcapWriter;

/**
 * Writes a capture of any size that looks like a busy link: a TCP connection sending 64 KiB bursts of 1,448-byte
 * segments (the last with PSH) with an ACK back every second segment, and a UDP datagram now and then. For the
 * scale checks (docs/benchmarks.md): {@code java -cp ... org.offloadkit.bench.LargeCapture FILE MEBIBYTES}.
 */
public final class LargeCapture {
    static final int MSS = 1448;
    private static final byte[] MAC_A = {2, 0, 0, 0, 0, 0x0A};
    private static final byte[] MAC_B = {2, 0, 0, 0, 0, 0x0B};
    private static final byte[] IP_A = {10, 0, 0, 1};
    private static final byte[] IP_B = {10, 0, 0, 2};

    private LargeCapture() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: LargeCapture FILE MEBIBYTES");
            System.exit(2);
        }
        long packets = write(Path.of(args[0]), Long.parseLong(args[1]) << 20);
        System.out.printf("%s: %,d packets, %,d bytes%n", args[0], packets, Files.size(Path.of(args[0])));
    }

    /** Writes at least {@code bytes} bytes of capture to {@code file}; returns the number of packets. */
    public static long write(Path file, long bytes) throws IOException {
        TcpStream data = TcpStream.ipv4(MAC_B, MAC_A, IP_A, IP_B, 40000, 443).ack(1);
        TcpStream acks = TcpStream.ipv4(MAC_A, MAC_B, IP_B, IP_A, 443, 40000).ack(1);
        long seq = 1;
        long packets = 0;
        long written = 24;
        long t = 1_767_225_600_000_000_000L;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
             PcapWriter writer = new PcapWriter(out, PcapWriter.LINKTYPE_ETHERNET)) {
            while (written < bytes) {
                for (int i = 0; i < 45 && written < bytes; i++) {
                    int length = i == 44 ? 65536 - 44 * MSS : MSS;
                    byte[] segment = data.segment(seq, length, TcpFlags.ACK | (i == 44 ? TcpFlags.PSH : 0)).build();
                    seq += length;
                    written += record(writer, t += 1_000, segment);
                    packets++;
                    if (i % 2 == 1) {
                        written += record(writer, t += 1_000, acks.ack(seq).pureAck(1));
                        packets++;
                    }
                }
                byte[] datagram = FrameBuilder.ethernet(MAC_B, MAC_A).ipv4(IP_A, IP_B).udp(5353, 5353).payload(new byte[120]).build();
                written += record(writer, t += 1_000, datagram);
                packets++;
            }
        }
        return packets;
    }

    private static long record(PcapWriter writer, long t, byte[] frame) {
        writer.write(PcapRecord.of(t, frame));
        return 16 + frame.length;
    }
}
