package org.offloadkit.framework;

import java.util.List;

import org.offloadkit.spec.RxBatch;
import org.offloadkit.spec.RxIndication;

/** One batch of frames from the wire through the driver's receive path. */
public record Reception(RxBatch batch, Pending<List<RxIndication>> indications) {}
