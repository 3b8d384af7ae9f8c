package org.offloadkit.faulty;

import java.util.List;
import java.util.Set;

import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.FrameChecksums;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.reference.RscUnit;
import org.offloadkit.spec.Reply;
import org.offloadkit.spec.RxBatch;
import org.offloadkit.spec.RxIndication;

/** Writes the last segment's TTL into an IPv4 unit instead of the smallest. */
public class TakesTheLastTtl extends FaultyAdapter {
    @Override
    public Set<String> breaks() {
        return Set.of("RSC-10");
    }

    @Override
    public void receive(RxBatch batch, Reply<List<RxIndication>> indications) {
        List<RscUnit> units = coalesce(batch.frames());
        indications.send(units.stream().map(unit -> {
            RxIndication i = unit.indication();
            FrameLayout layout = i.layout();
            if (unit.segments().size() < 2 || !layout.isIPv4()) {
                return i;
            }
            byte[] last = batch.frames().get(unit.segments().get(unit.segments().size() - 1));
            byte[] frame = i.frame().clone();
            int ttl = layout.layer3Offset() + 8;
            frame[ttl] = last[ttl];
            Bytes.put16(frame, layout.ipv4ChecksumOffset(), FrameChecksums.ipv4HeaderChecksum(frame, layout));
            return new RxIndication(frame, layout, i.checksum(), i.rsc());
        }).toList());
    }
}
