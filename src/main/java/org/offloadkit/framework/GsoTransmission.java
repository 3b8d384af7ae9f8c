package org.offloadkit.framework;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.offloadkit.packet.FrameLayout;
import org.offloadkit.spec.LargeSend;
import org.offloadkit.spec.LsoCompletion;
import org.offloadkit.spec.TxResult;

/**
 * One large send from the stack through the framework to the driver (spec 5.8(a)): dropped, handed to the
 * hardware whole, or cut into segments by the framework and handed over one by one.
 *
 * @param frame   what the stack handed over
 * @param layout  the layout the stack declared
 * @param send    the stack's LSO or USO request
 * @param route   where the framework sent the segmentation
 * @param packets what the driver was handed, in order: the send itself, or the framework's segments; none when dropped
 * @param dropped why the framework completed the send without handing anything over; null when it did not
 */
public record GsoTransmission(byte[] frame, FrameLayout layout, LargeSend send, GsoRoute route,
                              List<Transmission> packets, String dropped) {

    public GsoTransmission {
        packets = List.copyOf(packets);
    }

    static GsoTransmission dropped(byte[] frame, FrameLayout layout, LargeSend send, GsoRoute route, String why) {
        return new GsoTransmission(frame, layout, send, route, List.of(), why);
    }

    /**
     * The send's completion, once the driver has completed every packet it was handed: a success when each
     * of them succeeded, with all their frames in order; a failure, after all of them, when any failed.
     */
    public TxResult await() {
        if (dropped != null) {
            return TxResult.failed(dropped, List.of());
        }
        List<byte[]> frames = new ArrayList<>();
        String failure = null;
        for (Transmission packet : packets) {
            TxResult result = packet.result().await();
            frames.addAll(result.frames());
            if (!result.success() && failure == null) {
                failure = result.failure();
            }
        }
        return failure == null ? TxResult.sent(frames) : TxResult.failed(failure, frames);
    }

    /**
     * What NetAdapterCx writes into the send's LSO information when it completes (spec 2.1, GSO-TCP-12):
     * for LSOv1 the buffer's length less its headers, whatever the driver did; empty for USO.
     */
    public Optional<LsoCompletion> lsoCompletion() {
        return switch (send.flavor()) {
            case LSO_V1 -> Optional.of(LsoCompletion.v1(frame.length - layout.payloadOffset()));
            case LSO_V2 -> Optional.of(LsoCompletion.v2());
            case USO -> Optional.empty();
        };
    }
}
