package org.offloadkit.cli;

import java.util.concurrent.Callable;

import org.offloadkit.dut.DutProvider;
import org.offloadkit.dut.DutRegistry;
import org.offloadkit.dut.UnknownDutException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "duts", mixinStandardHelpOptions = true,
        description = "List the adapters the kit can find: built in, and on --classpath.")
final class DutsCommand implements Callable<Integer> {

    @Mixin
    AdapterClassPath classPath = new AdapterClassPath();

    @Override
    public Integer call() {
        try {
            for (DutProvider provider : new DutRegistry(classPath.loader()).providers()) {
                System.out.printf("  %-14s %s%n", provider.name(), provider.description());
                for (String variant : provider.variants()) {
                    String[] nameAndDescription = variant.split("\t", 2);
                    System.out.printf("    %-32s %s%n", nameAndDescription[0], nameAndDescription.length > 1 ? nameAndDescription[1] : "");
                }
            }
        } catch (UnknownDutException e) {
            throw new SetupException(e.getMessage());
        }
        System.out.println("An adapter class on --classpath can also be named by its class name.");
        return OffloadKit.OK;
    }
}
