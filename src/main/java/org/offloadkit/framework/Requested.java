package org.offloadkit.framework;

import org.offloadkit.spec.NdisStatus;

/** What a stack request came to for one family of offloads: its status and the switches in force afterwards. */
public record Requested<S>(NdisStatus status, S switches) {}
