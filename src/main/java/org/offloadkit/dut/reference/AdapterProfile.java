package org.offloadkit.dut.reference;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.offloadkit.dut.KitResources;
import org.offloadkit.dut.UnknownDutException;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A realistic partial adapter, declared in a small YAML file (fixtures/adapters/NAME.yaml): what it advertises.
 * A section left out is an offload it does not have. The reference engines then do exactly that much, so the
 * framework's software fallback does the rest.
 *
 * @param description one line for {@code offloadkit duts}
 */
public record AdapterProfile(String description, TxChecksum txChecksum, boolean rxChecksum, Gso gso, Rsc rsc) {

    /** NET_ADAPTER_OFFLOAD_TX_CHECKSUM_CAPABILITIES' flags and limits (0 = none). */
    public record TxChecksum(Set<Layer3Flag> layer3, Set<Layer4Flag> layer4, int layer3HeaderOffsetLimit, int layer4HeaderOffsetLimit) {}

    /** NET_ADAPTER_OFFLOAD_GSO_CAPABILITIES' flags and limits. */
    public record Gso(Set<Layer3Flag> layer3, Set<Layer4Flag> layer4, long maximumOffloadSize, long minimumSegmentCount,
                      int layer4HeaderOffsetLimit, boolean subMssFinalSegmentSupported) {}

    /** NET_ADAPTER_OFFLOAD_RSC_CAPABILITIES' flags. */
    public record Rsc(Set<Layer3Flag> layer3, Set<Layer4Flag> layer4, boolean tcpTimestampOption) {}

    static final String FOLDER = "offloadkit/fixtures/adapters/";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /** The profiles that travel with the kit. */
    public static List<String> names() {
        return KitResources.names(FOLDER, ".yaml");
    }

    /** A profile of the kit by name, or a profile file of one's own. */
    public static AdapterProfile load(String nameOrFile) {
        Path file = Path.of(nameOrFile);
        try {
            if (nameOrFile.endsWith(".yaml") && Files.isRegularFile(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    return YAML.readValue(in, AdapterProfile.class);
                }
            }
            InputStream in = AdapterProfile.class.getClassLoader().getResourceAsStream(FOLDER + nameOrFile + ".yaml");
            if (in == null) {
                throw new UnknownDutException("no adapter profile named '" + nameOrFile + "'; the kit has " + names()
                        + ", or give a profile YAML file");
            }
            try (in) {
                return YAML.readValue(in, AdapterProfile.class);
            }
        } catch (JacksonException e) {
            throw new UnknownDutException("adapter profile " + nameOrFile + " does not read: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw new UnknownDutException("cannot read adapter profile " + nameOrFile + ": " + e.getMessage());
        }
    }
}
