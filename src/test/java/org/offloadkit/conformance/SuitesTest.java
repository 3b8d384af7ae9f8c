package org.offloadkit.conformance;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.testng.annotations.Test;
import org.testng.xml.XmlClass;
import org.testng.xml.XmlSuite;

/** The suite files as the kit loads them: a suite selected within full.xml does not run a class twice. */
public class SuitesTest {

    private static List<XmlClass> classes(String suite) {
        return Suites.load(suite).stream().map(XmlSuite::getTests).flatMap(List::stream).flatMap(t -> t.getXmlClasses().stream()).toList();
    }

    @Test
    public void fullRunsEveryClassOnceAndTheFrameworkSuites() {
        Map<String, Long> counts = classes("full").stream().collect(Collectors.groupingBy(XmlClass::getName, Collectors.counting()));
        assertTrue(counts.values().stream().allMatch(n -> n == 1), counts.toString());
        for (String suite : List.of("advertisement", "keywords", "callbacks")) {
            classes(suite).forEach(c -> assertTrue(counts.containsKey(c.getName()), c.getName()));
        }
        assertTrue(counts.containsKey("org.offloadkit.conformance.framework.FallbackConformance"));
    }

    @Test
    public void fallbackAloneSelectsTheFallbackMethodsOfTheOtherSuites() {
        Map<String, XmlClass> byName = classes("fallback").stream().collect(Collectors.toMap(XmlClass::getName, Function.identity()));
        assertEquals(byName.get("org.offloadkit.conformance.checksum.TxChecksumConformance").getIncludedMethods().size(), 2);
        assertEquals(byName.get("org.offloadkit.conformance.rsc.RscConformance").getIncludedMethods().get(0).getName(),
                "required_rsc17_nothingCoalescesWhileDisabled");
        assertTrue(byName.containsKey("org.offloadkit.conformance.gso.GsoFallbackConformance"));
    }
}
