package org.offloadkit.report;

/**
 * How a result that is not a pass came about. Allure files results into these categories
 * (categories.json), so a conformance failure is never confused with a broken adapter or a kit bug.
 */
public enum FailureCategory {
    CONFORMANCE("Conformance failures", "failed", "(?s).*"),
    DUT_FAULT("DUT faults", "broken", "(?s)DUT fault: .*"),
    KIT_ERROR("Kit errors", "broken", "(?s).*");

    public final String title;
    public final String allureStatus;
    public final String messageRegex;

    FailureCategory(String title, String allureStatus, String messageRegex) {
        this.title = title;
        this.allureStatus = allureStatus;
        this.messageRegex = messageRegex;
    }
}
