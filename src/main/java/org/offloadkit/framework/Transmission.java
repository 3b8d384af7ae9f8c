package org.offloadkit.framework;

import org.offloadkit.packet.FrameLayout;
import org.offloadkit.spec.TxChecksum;
import org.offloadkit.spec.TxPacket;
import org.offloadkit.spec.TxResult;

/**
 * One packet from the stack through the framework to the driver.
 *
 * @param frame    what the stack handed over
 * @param layout   the layout the stack declared
 * @param request  the offloads the stack asked for
 * @param route    where the framework sent the checksum work
 * @param handed   what the driver was given (after any software fallback)
 * @param result   the driver's completion
 */
public record Transmission(byte[] frame, FrameLayout layout, TxChecksum request, ChecksumRoute route,
                           TxPacket handed, Pending<TxResult> result) {}
