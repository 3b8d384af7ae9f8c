package org.offloadkit.conformance.replay;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;

import org.offloadkit.conformance.Case;
import org.offloadkit.conformance.ConformanceRun;
import org.offloadkit.conformance.Judgement;
import org.offloadkit.conformance.checksum.RxChecksumConformance;
import org.offloadkit.conformance.checksum.TxChecksumConformance;
import org.offloadkit.conformance.gso.LsoConformance;
import org.offloadkit.conformance.gso.UsoConformance;
import org.offloadkit.conformance.rsc.RscConformance;
import org.offloadkit.corpus.GsoVector;
import org.offloadkit.corpus.RscCase;
import org.offloadkit.corpus.RxChecksumVector;
import org.offloadkit.corpus.TxChecksumVector;
import org.offloadkit.framework.DutFault;
import org.offloadkit.pcap.PcapException;
import org.offloadkit.replay.CaptureFrames;
import org.offloadkit.replay.CoalescingDerivation;
import org.offloadkit.replay.Derivation;
import org.offloadkit.replay.LargeSendDerivation;
import org.offloadkit.replay.Offload;
import org.offloadkit.replay.Progress;
import org.offloadkit.replay.RxChecksumDerivation;
import org.offloadkit.replay.Tally;
import org.offloadkit.replay.TxChecksumDerivation;
import org.offloadkit.replay.VectorGroup;
import org.offloadkit.report.Evidence;
import org.offloadkit.report.Summary.Outcome;
import org.offloadkit.spec.GsoCapabilities;
import org.testng.ITestContext;
import org.testng.SkipException;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

import io.qameta.allure.Allure;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;

/**
 * Replays captures: vectors derived from their traffic (see the {@code replay} package), judged by the very
 * tests the corpus is judged by ({@link Judgement}). Each group of vectors from neighbouring packets is one
 * result, named by capture and packet numbers; every judgement in it counts in summary.json under its
 * requirement. The captures stream: a group's observations are forgotten once it is judged.
 *
 * <p>The captures come from the suite parameter {@code captures} (comma-separated paths) or the system property
 * {@code offloadkit.replay.captures}; likewise {@code filter} (a BPF filter) and {@code offloads} (a comma-separated
 * list of {@link Offload} labels; all of them by default).
 */
@Epic("Replay")
public class ReplayConformance {
    private static final int CHECKSUM_GROUP = 64;
    private static final int SEND_GROUP = 8;

    // ---------------------------------------------------------------- the offloads

    @DataProvider
    public Iterator<Object[]> txChecksum(ITestContext context) {
        return groups(context, Offload.TX_CHECKSUM);
    }

    @Test(dataProvider = "txChecksum")
    @Feature("Tx checksum")
    public void replay_txChecksum(Case<GroupRow<TxChecksumVector>> group) {
        judge(Offload.TX_CHECKSUM, group, TxChecksumConformance::judgementsOf, TxChecksumVector::id);
    }

    @DataProvider
    public Iterator<Object[]> rxChecksum(ITestContext context) {
        return groups(context, Offload.RX_CHECKSUM);
    }

    @Test(dataProvider = "rxChecksum")
    @Feature("Rx checksum")
    public void replay_rxChecksum(Case<GroupRow<RxChecksumVector>> group) {
        judge(Offload.RX_CHECKSUM, group, RxChecksumConformance::judgementsOf, RxChecksumVector::id);
    }

    @DataProvider
    public Iterator<Object[]> lso(ITestContext context) {
        return groups(context, Offload.LSO);
    }

    @Test(dataProvider = "lso")
    @Feature("TCP large send")
    public void replay_lso(Case<GroupRow<GsoVector>> group) {
        judge(Offload.LSO, group, LsoConformance::judgementsOf, GsoVector::id);
    }

    @DataProvider
    public Iterator<Object[]> uso(ITestContext context) {
        return groups(context, Offload.USO);
    }

    @Test(dataProvider = "uso")
    @Feature("UDP segmentation")
    public void replay_uso(Case<GroupRow<GsoVector>> group) {
        judge(Offload.USO, group, UsoConformance::judgementsOf, GsoVector::id);
    }

    @DataProvider
    public Iterator<Object[]> rsc(ITestContext context) {
        return groups(context, Offload.RSC);
    }

    @Test(dataProvider = "rsc")
    @Feature("Receive segment coalescing")
    public void replay_rsc(Case<GroupRow<RscCase>> group) {
        judge(Offload.RSC, group, RscConformance::judgementsOf, RscCase::id);
    }

    // ---------------------------------------------------------------- accounting

    @DataProvider
    public Iterator<Object[]> passes() {
        List<Object[]> rows = ReplayLedger.entries().stream().map(e -> new Object[] {e}).toList();
        return rows.isEmpty() ? List.<Object[]>of(new Object[] {null}).iterator() : rows.iterator();
    }

    /** Every capture and offload: how many packets gave vectors, how many were skipped and why. */
    @Test(dataProvider = "passes", dependsOnMethods = {"replay_txChecksum", "replay_rxChecksum", "replay_lso", "replay_uso", "replay_rsc"},
            alwaysRun = true)
    @Feature("Packets used and skipped")
    public void replay_packetsUsedAndSkipped(ReplayLedger.Entry entry) {
        if (entry == null) {
            throw new SkipException("no capture was replayed");
        }
        Allure.getLifecycle().updateTestCase(t -> t.setName("Packets used and skipped · " + entry));
        Allure.parameter("DUT", ConformanceRun.session().name());
        Evidence.text("packets", entry.describe());
        if (entry.error() != null) {
            throw new SkipException(entry.capture() + " is unreadable from some point on: " + entry.error()
                    + "; the vectors before it were judged");
        }
    }

    // ---------------------------------------------------------------- judging a group

    private static <V> void judge(Offload offload, Case<GroupRow<V>> c, Function<V, List<Judgement<V>>> judgementsOf,
                                  Function<V, String> id) {
        VectorGroup<V> group = c.get().take();
        Allure.getLifecycle().updateTestCase(t -> t.setName(offload.label + " · " + group));
        Allure.parameter("DUT", ConformanceRun.session().name());
        Allure.parameter("capture", group.capture());
        Set<String> requirements = new LinkedHashSet<>();
        List<String> failures = new ArrayList<>();
        DutFault fault = null;
        String skipped = null;
        int judged = 0;
        for (V vector : group.vectors()) {
            try {
                List<Judgement<V>> judgements;
                try {
                    judgements = judgementsOf.apply(vector);
                } catch (SkipException none) {
                    skipped = none.getMessage();
                    continue;
                }
                for (Judgement<V> j : judgements) {
                    if (requirements.add(j.requirement())) {
                        Allure.label("story", j.requirement());
                    }
                    try {
                        j.judge(vector);
                        ConformanceRun.record(j.requirement(), j.title(), Outcome.PASSED, null);
                        judged++;
                    } catch (AssertionError e) {
                        ConformanceRun.record(j.requirement(), j.title(), Outcome.FAILED, e.getMessage());
                        failures.add(e.getMessage());
                        judged++;
                    } catch (DutFault f) {
                        ConformanceRun.record(j.requirement(), j.title(), Outcome.DUT_FAULT, f.getMessage());
                        fault = fault == null ? f : fault;
                        judged++;
                    } catch (SkipException s) {
                        ConformanceRun.record(j.requirement(), j.title(), Outcome.SKIPPED, s.getMessage());
                        skipped = s.getMessage();
                    }
                }
            } finally {
                ConformanceRun.session().forget(id.apply(vector));
            }
        }
        passTotals(offload).merge(judged, failures.size(), fault != null);
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " of " + judged + " judgements of " + group.vectors().size() + " vectors failed; "
                    + "the first: " + failures.get(0));
        }
        if (fault != null) {
            throw fault;
        }
        if (judged == 0) {
            throw new SkipException(group + ": nothing to judge: " + skipped);
        }
    }

    // ---------------------------------------------------------------- captures to groups

    private static Iterator<Object[]> groups(ITestContext context, Offload offload) {
        ReplaySettings settings = ReplaySettings.of(context);
        if (settings.captures().isEmpty()) {
            return List.<Object[]>of(new Object[] {Case.none("no capture named: give the suite parameter 'captures' "
                    + "(or -Doffloadkit.replay.captures=FILE,...)")}).iterator();
        }
        if (!settings.offloads().contains(offload)) {
            return List.<Object[]>of(new Object[] {Case.none(offload.label + " is not among the offloads asked for ("
                    + settings.offloads().stream().map(o -> o.label).toList() + ")")}).iterator();
        }
        return new GroupRows(settings, offload);
    }

    /** The rows of one offload's data provider: every capture's groups in turn, each capture read as its rows are asked for. */
    private static final class GroupRows implements Iterator<Object[]> {
        private final ReplaySettings settings;
        private final Offload offload;
        private final Iterator<Path> captures;
        private Derivation<?> current;
        private boolean anyRow;
        private boolean noneRowGiven;
        private final List<String> passes = new ArrayList<>();

        GroupRows(ReplaySettings settings, Offload offload) {
            this.settings = settings;
            this.offload = offload;
            this.captures = settings.captures().iterator();
        }

        @Override
        public boolean hasNext() {
            while (current == null || !current.hasNext()) {
                if (current != null) {
                    finish(current);
                    current = null;
                }
                if (!captures.hasNext()) {
                    // TestNG drops a test whose data provider gives no row: say instead why there is nothing to judge.
                    return !anyRow && !noneRowGiven;
                }
                Path capture = captures.next();
                try {
                    current = derivation(offload, CaptureFrames.open(capture, settings.filter(),
                            Progress.to(ConformanceRun.console(), offload.label)));
                } catch (PcapException e) {
                    ReplayLedger.Entry entry = new ReplayLedger.Entry(capture.getFileName().toString(), offload, new Tally(), e.getMessage(), 0);
                    ReplayLedger.add(entry);
                    passes.add(entry.capture() + ": unreadable");
                    ConformanceRun.note(entry.toString(), entry.describe());
                    ConformanceRun.console().println("  " + offload.label + ": cannot replay " + e.getMessage());
                }
            }
            return true;
        }

        @Override
        public Object[] next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            if (current == null) {
                noneRowGiven = true;
                return new Object[] {Case.none("no " + offload.label + " vector in " + String.join("; ", passes)
                        + " (the packets used and skipped results say why)")};
            }
            anyRow = true;
            return new Object[] {Case.of(new GroupRow<>(current.next()))};
        }

        private void finish(Derivation<?> d) {
            CaptureFrames frames = d.frames();
            frames.close();
            long completed = d instanceof CoalescingDerivation c ? c.checksumsCompleted() : 0;
            ReplayLedger.Entry entry = new ReplayLedger.Entry(frames.name(), offload, d.tally(),
                    frames.error() == null ? null : frames.error().getMessage(), completed);
            ReplayLedger.add(entry);
            passes.add(frames.name() + ": " + String.format("%,d packets", d.tally().packets()));
            ConformanceRun.note(entry.toString(), entry.describe());
            PrintStream console = ConformanceRun.console();
            PassTotals totals = passTotals(offload);
            console.printf("  %-11s %s: %,d vectors from %,d of %,d packets; %,d judgements, %,d failed%s%n", offload.label, frames.name(),
                    d.tally().vectors(), d.tally().used(), d.tally().packets(), totals.judgements, totals.failed,
                    totals.faults > 0 ? ", " + totals.faults + " groups with DUT faults" : "");
            if (frames.error() != null) {
                console.println("    unreadable from there on: " + frames.error().getMessage());
            }
            totals.reset();
        }
    }

    private static Derivation<?> derivation(Offload offload, CaptureFrames frames) {
        return switch (offload) {
            case TX_CHECKSUM -> new TxChecksumDerivation(frames, CHECKSUM_GROUP);
            case RX_CHECKSUM -> new RxChecksumDerivation(frames, CHECKSUM_GROUP);
            case LSO -> new LargeSendDerivation(frames, SEND_GROUP, true, maximumOffloadSize());
            case USO -> new LargeSendDerivation(frames, SEND_GROUP, false, maximumOffloadSize());
            case RSC -> new CoalescingDerivation(frames, 1, RscConformance.REPLAY_REQUIREMENTS);
        };
    }

    /** The stack never hands over more user bytes than the DUT's MaximumOffloadSize (64 KiB when it has none to say). */
    private static int maximumOffloadSize() {
        GsoCapabilities gso = ConformanceRun.session().started() ? ConformanceRun.session().host().advertisement().gso() : null;
        return gso == null ? 65536 : (int) Math.min(gso.shapes().maximumOffloadSize(), 65536);
    }

    // ---------------------------------------------------------------- per-pass totals for the console

    private static final Map<Offload, PassTotals> TOTALS = new LinkedHashMap<>();

    private static synchronized PassTotals passTotals(Offload offload) {
        return TOTALS.computeIfAbsent(offload, o -> new PassTotals());
    }

    private static final class PassTotals {
        long judgements;
        long failed;
        long faults;

        synchronized void merge(int judged, int failures, boolean fault) {
            judgements += judged;
            failed += failures;
            faults += fault ? 1 : 0;
        }

        synchronized void reset() {
            judgements = failed = faults = 0;
        }
    }
}
