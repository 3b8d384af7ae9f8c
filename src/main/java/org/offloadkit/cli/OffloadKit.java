package org.offloadkit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code ./offloadkit COMMAND}. */
@Command(name = "offloadkit", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Conformance kit for NIC TCP/IP task offloads (checksum, segmentation, coalescing) by the NetAdapterCx/NDIS rules.",
        subcommands = {RunCommand.class, ReplayCommand.class, MergeCommand.class, MutationCommand.class, DutsCommand.class,
                InfCheckCommand.class, CorpusCommand.class, CaptureRealCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:nothing failed", "1:a requirement failed (conformance failure or DUT fault)",
                "2:usage or set-up error", "3:the kit itself broke (kit error)"})
public final class OffloadKit implements Runnable {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int KIT_ERROR = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit status. */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new OffloadKit());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof SetupException) {
                commandLine.getErr().println("offloadkit: " + e.getMessage());
                return USAGE;
            }
            commandLine.getErr().println("offloadkit: the kit failed: " + e);
            e.printStackTrace(commandLine.getErr());
            return KIT_ERROR;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
