package org.offloadkit.cli;

import org.offloadkit.conformance.ConformanceRun;

import picocli.CommandLine.IVersionProvider;

final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"OffloadKit " + ConformanceRun.version()};
    }
}
