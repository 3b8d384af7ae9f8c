package org.offloadkit.report;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.offloadkit.pcap.PcapWriter;

import io.qameta.allure.Allure;

/** Attachments on an Allure result: frames as pcaps that open in Wireshark, and text. */
public final class Evidence {
    /** Evidence timestamps: any fixed instant does; this one reads as 2026-01-01 in Wireshark. */
    private static final long EVIDENCE_EPOCH_NANOS = 1_767_225_600L * 1_000_000_000L;

    private Evidence() {}

    public static void frames(String name, List<byte[]> frames) {
        Allure.addAttachment(name + ".pcap", "application/vnd.tcpdump.pcap",
                new ByteArrayInputStream(PcapWriter.ethernet(frames, EVIDENCE_EPOCH_NANOS)), ".pcap");
    }

    public static void text(String name, String text) {
        Allure.addAttachment(name, "text/plain", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), ".txt");
    }
}
