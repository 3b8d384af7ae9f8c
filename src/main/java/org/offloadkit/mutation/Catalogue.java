package org.offloadkit.mutation;

import static org.offloadkit.mutation.Area.ADVERTISEMENT;
import static org.offloadkit.mutation.Area.CALLBACKS;
import static org.offloadkit.mutation.Area.FALLBACK;
import static org.offloadkit.mutation.Area.KEYWORDS;
import static org.offloadkit.mutation.Area.LSO;
import static org.offloadkit.mutation.Area.RSC;
import static org.offloadkit.mutation.Area.RX_CHECKSUM;
import static org.offloadkit.mutation.Area.TX_CHECKSUM;
import static org.offloadkit.mutation.Area.USO;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every mutant the suites must catch, and the equivalent ones they must pass. Adding a mutant is a class
 * and a row here.
 */
public final class Catalogue {
    private Catalogue() {}

    /** How a mutant is named as a DUT: {@code --dut mutant:NAME}. */
    public static final String DUT_PREFIX = "mutant:";

    public static final List<Entry> ENTRIES = List.of(
            row(ADVERTISEMENT, AdvertisesOptionsWithoutPlainIpv4.class),
            row(ADVERTISEMENT, AdvertisesAfterStart.class),
            row(ADVERTISEMENT, OverAdvertisesOffsetLimit.class),

            row(KEYWORDS, TakesRscIpv4FromTheIpv6Switch.class),

            row(CALLBACKS, IgnoresRxChecksumCallback.class),
            row(CALLBACKS, IgnoresRscCallback.class),
            row(CALLBACKS, AppliesRxChecksumCallbackLate.class),

            row(FALLBACK, ZeroesPassthroughChecksums.class),
            row(FALLBACK, FallbackSegmentsWithoutChecksums.class),
            row(FALLBACK, FallsBackInTheDriverForRoutingHeaders.class),
            // RSC-17's software-coalescing half is judged in the fallback suite, not the rsc one.
            row(FALLBACK, CoalescesAnUnadvertisedIpVersion.class, "fallback"),

            row(TX_CHECKSUM, TcpChecksumWithoutPseudoHeader.class),
            row(TX_CHECKSUM, IgnoresRequiredOnIpv6Extensions.class),
            row(TX_CHECKSUM, RecomputesPassthroughIpv4Header.class),
            row(TX_CHECKSUM, SendsZeroUdpChecksum.class),
            row(TX_CHECKSUM, AssumesTwentyByteIpv4Header.class),
            row(TX_CHECKSUM, ChecksumsOnlyInTheLsoPath.class),

            row(RX_CHECKSUM, RxReportsCorruptUdpValid.class),
            row(RX_CHECKSUM, RxLayoutWithoutLayer4.class),
            row(RX_CHECKSUM, RxSkipsIpv4HeaderCheck.class),
            row(RX_CHECKSUM, RxZeroUdpChecksumInvalid.class),

            row(LSO, FinAndPshOnEverySegment.class),
            row(LSO, IpIdNotIncremented.class),
            row(LSO, IpIdPastSevenFff.class),
            row(LSO, PadsLastSegmentToMss.class),
            row(LSO, TcpChecksumOverTheTemplateLength.class),
            row(LSO, DropsTcpOptions.class),
            row(LSO, SequenceNotAdvanced.class),
            row(LSO, CwrOnEverySegment.class),
            row(LSO, IgnoresMaximumOffloadSize.class),
            row(LSO, LsoOnly.class),

            row(USO, ReplacesZeroUdpChecksum.class),
            row(USO, CountsSendsNotDatagrams.class),
            row(USO, UdpLengthOfAFullDatagram.class),
            row(USO, UsoWithoutShortLastDatagram.class),

            row(RSC, CoalescesAcrossSequenceGap.class),
            row(RSC, CountsPureAcks.class),
            row(RSC, TakesTheLastTtl.class),
            row(RSC, CoalescesAcrossEcnChange.class),
            row(RSC, MiscountsCoalescedSegments.class),
            row(RSC, TakesTheLastHopLimit.class),
            row(RSC, PshFromTheLastSegment.class),
            row(RSC, CoalescesBadChecksums.class),
            row(RSC, CoalescesAcrossBatches.class),
            row(RSC, LeavesUnitChecksumsInvalid.class),
            row(RSC, ExemptsDuplicateAcks.class));

    /** The kit's suite for each requirement family; a family without a suite of its own runs the full one. */
    private static final Map<String, String> SUITE_OF_FAMILY = Map.of("CSUM", "checksum", "GSO", "gso", "RSC", "rsc",
            "CAP", "advertisement", "KW", "keywords", "ACT", "callbacks");

    /** One mutant of the catalogue. */
    public record Entry(String name, Area area, Class<? extends Mutant> type, String suite) {

        /** A new instance, for one run. */
        public Mutant create() {
            try {
                return type.getConstructor().newInstance();
            } catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("mutant " + name + " cannot be created: " + e, e);
            }
        }

        public Set<String> breaks() {
            try (Mutant mutant = create()) {
                return new TreeSet<>(mutant.breaks());
            }
        }

        public boolean failsToStart() {
            try (Mutant mutant = create()) {
                return mutant.failsToStart();
            }
        }

        /** Breaks nothing: a choice the spec allows, which the suites must pass. */
        public boolean equivalent() {
            return breaks().isEmpty();
        }

        /** The suites that judge what it breaks (its area's suite for an equivalent mutant). */
        public List<String> suites() {
            if (suite != null) {
                return List.of(suite);
            }
            Set<String> suites = new TreeSet<>();
            for (String requirement : breaks()) {
                suites.add(SUITE_OF_FAMILY.getOrDefault(requirement.substring(0, requirement.indexOf('-')), "full"));
            }
            if (suites.isEmpty()) {
                suites.add(area.suite());
            }
            return suites.contains("full") ? List.of("full") : List.copyOf(suites);
        }
    }

    public static Optional<Entry> byName(String name) {
        return ENTRIES.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The mutants whose bugs the suites must catch. */
    public static List<Entry> mutants() {
        return ENTRIES.stream().filter(e -> !e.equivalent()).toList();
    }

    /** The entries whose suites include {@code suite}: what a detection test of that suite checks. */
    public static List<Entry> judgedBy(String suite) {
        return ENTRIES.stream().filter(e -> e.suites().contains(suite)).toList();
    }

    private static Entry row(Area area, Class<? extends Mutant> type) {
        return row(area, type, null);
    }

    /** A mutant whose requirements are judged in {@code suite} rather than in their family's suite. */
    private static Entry row(Area area, Class<? extends Mutant> type, String suite) {
        return new Entry(kebab(type.getSimpleName()), area, type, suite);
    }

    /** {@code TcpChecksumWithoutPseudoHeader} as {@code tcp-checksum-without-pseudo-header}. */
    static String kebab(String className) {
        return className.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replaceAll("([A-Z])([A-Z][a-z])", "$1-$2").toLowerCase();
    }
}
