package org.offloadkit.conformance;

import java.io.PrintStream;

import org.offloadkit.framework.DutFault;
import org.offloadkit.report.Requirement;
import org.offloadkit.report.Summary;
import org.offloadkit.report.Summary.Outcome;
import org.testng.IInvokedMethod;
import org.testng.IInvokedMethodListener;
import org.testng.ISuite;
import org.testng.ISuiteListener;
import org.testng.ITestListener;
import org.testng.ITestResult;

import io.qameta.allure.Allure;

/**
 * Ties TestNG to a conformance run: names each result after its requirement and vector, gives it the DUT
 * as a parameter, counts it in summary.json, and prints progress, one line per requirement.
 */
public final class ConformanceListener implements ISuiteListener, ITestListener, IInvokedMethodListener {

    private ConformanceRun.Active owned;
    private String currentRequirement;
    private String currentTitle;
    private final Summary.Counts currentCounts = new Summary.Counts();

    @Override
    public void onStart(ISuite suite) {
        if (ConformanceRun.active() == null) {
            String dut = System.getProperty("offloadkit.dut", suite.getParameter("dut") == null ? "reference" : suite.getParameter("dut"));
            owned = ConformanceRun.startForSuite(dut, System.out);
        }
    }

    @Override
    public void onFinish(ISuite suite) {
        printRequirementLine();
        if (owned != null) {
            ConformanceRun.finishSuiteRun(owned);
            owned = null;
        }
    }

    @Override
    public void beforeInvocation(IInvokedMethod method, ITestResult result) {
        Requirement requirement = requirementOf(result);
        if (!method.isTestMethod() || requirement == null) {
            return;
        }
        String vector = result.getParameters().length > 0 ? String.valueOf(result.getParameters()[0]) : "";
        Allure.getLifecycle().updateTestCase(test -> test.setName(requirement.value() + " " + requirement.title()
                + (vector.isEmpty() ? "" : " · " + vector)));
        Allure.parameter("DUT", ConformanceRun.session().name());
    }

    @Override
    public void onTestSuccess(ITestResult result) {
        record(result, Outcome.PASSED);
    }

    @Override
    public void onTestFailure(ITestResult result) {
        Throwable thrown = result.getThrowable();
        Outcome outcome = thrown instanceof AssertionError ? Outcome.FAILED
                : thrown instanceof DutFault ? Outcome.DUT_FAULT : Outcome.KIT_ERROR;
        record(result, outcome);
    }

    @Override
    public void onTestSkipped(ITestResult result) {
        record(result, Outcome.SKIPPED);
    }

    @Override
    public void onTestFailedButWithinSuccessPercentage(ITestResult result) {
        onTestFailure(result);
    }

    private void record(ITestResult result, Outcome outcome) {
        Requirement requirement = requirementOf(result);
        ConformanceRun.Active run = ConformanceRun.active();
        if (requirement == null || run == null) {
            return;
        }
        String message = result.getThrowable() == null ? null : String.valueOf(result.getThrowable().getMessage());
        run.summary().record(requirement.value(), requirement.title(), outcome, message);
        if (!requirement.value().equals(currentRequirement)) {
            printRequirementLine();
            currentRequirement = requirement.value();
            currentTitle = requirement.title();
        }
        currentCounts.add(outcome);
    }

    private void printRequirementLine() {
        ConformanceRun.Active run = ConformanceRun.active();
        if (currentRequirement == null || run == null) {
            return;
        }
        PrintStream console = run.console();
        Summary.Counts c = currentCounts;
        StringBuilder line = new StringBuilder(String.format("  %-11s %-62s %4d passed", currentRequirement,
                abbreviate(currentTitle, 62), c.passed));
        if (c.failed > 0) {
            line.append(", ").append(c.failed).append(" FAILED");
        }
        if (c.dutFaults > 0) {
            line.append(", ").append(c.dutFaults).append(" DUT FAULTS");
        }
        if (c.kitErrors > 0) {
            line.append(", ").append(c.kitErrors).append(" KIT ERRORS");
        }
        if (c.skipped > 0) {
            line.append(", ").append(c.skipped).append(" skipped");
        }
        console.println(line);
        console.flush();
        currentRequirement = null;
        c.passed = c.failed = c.dutFaults = c.kitErrors = c.skipped = 0;
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static Requirement requirementOf(ITestResult result) {
        return result.getMethod().getConstructorOrMethod().getMethod().getAnnotation(Requirement.class);
    }
}
