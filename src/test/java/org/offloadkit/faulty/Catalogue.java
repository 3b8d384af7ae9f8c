package org.offloadkit.faulty;

import java.util.List;

/** Every faulty adapter the suite must catch. */
public final class Catalogue {
    private Catalogue() {}

    public static final List<Class<? extends FaultyAdapter>> CHECKSUM = List.of(
            TcpChecksumWithoutPseudoHeader.class,
            IgnoresRequiredOnIpv6Extensions.class,
            RxReportsCorruptUdpValid.class,
            RecomputesPassthroughIpv4Header.class,
            SendsZeroUdpChecksum.class,
            IgnoresRxChecksumCallback.class,
            RxLayoutWithoutLayer4.class,
            AssumesTwentyByteIpv4Header.class);

    public static final List<Class<? extends FaultyAdapter>> GSO = List.of(
            FinAndPshOnEverySegment.class,
            IpIdNotIncremented.class,
            IpIdPastSevenFff.class,
            PadsLastSegmentToMss.class,
            TcpChecksumOverTheTemplateLength.class,
            DropsTcpOptions.class,
            ReplacesZeroUdpChecksum.class);

    public static final List<Class<? extends FaultyAdapter>> RSC = List.of(
            CoalescesAcrossSequenceGap.class,
            CountsPureAcks.class,
            TakesTheLastTtl.class,
            CoalescesAcrossEcnChange.class,
            MiscountsCoalescedSegments.class,
            CoalescesAcrossBatches.class,
            LeavesUnitChecksumsInvalid.class,
            ExemptsDuplicateAcks.class);

    /** Caught by the framework suites, each with the suite that catches it. */
    public static final java.util.Map<Class<? extends FaultyAdapter>, String> FRAMEWORK = java.util.Map.of(
            AdvertisesAfterStart.class, "advertisement",
            AdvertisesOptionsWithoutPlainIpv4.class, "advertisement",
            AppliesRxChecksumCallbackLate.class, "callbacks",
            CoalescesAnUnadvertisedIpVersion.class, "fallback",
            FallsBackInTheDriverForRoutingHeaders.class, "checksum");
}
