package org.offloadkit.spec;

import java.util.EnumMap;
import java.util.Map;

/**
 * NDIS_OFFLOAD_PARAMETERS as OID_TCP_OFFLOAD_PARAMETERS carries it: the stack asking to change the active
 * capabilities. A field left out is NO_CHANGE.
 *
 * @param length   InformationBufferLength of the request; below {@link #REVISION_3_SIZE} it is rejected
 * @param checksum the checksum fields
 * @param switches the LSO, USO and RSC fields
 */
public record OffloadParameters(int length, Map<ChecksumTarget, ChecksumParameter> checksum,
                                Map<SwitchField, SwitchParameter> switches) {

    /** NDIS_SIZEOF_OFFLOAD_PARAMETERS_REVISION_3. */
    public static final int REVISION_3_SIZE = 24;

    public OffloadParameters {
        checksum = Map.copyOf(checksum);
        switches = Map.copyOf(switches);
    }

    public static OffloadParameters checksum(Map<ChecksumTarget, ChecksumParameter> fields) {
        return new OffloadParameters(REVISION_3_SIZE, fields, Map.of());
    }

    public static OffloadParameters checksum(ChecksumParameter value, ChecksumTarget... targets) {
        Map<ChecksumTarget, ChecksumParameter> fields = new EnumMap<>(ChecksumTarget.class);
        for (ChecksumTarget target : targets) {
            fields.put(target, value);
        }
        return checksum(fields);
    }

    public static OffloadParameters switches(SwitchParameter value, SwitchField... fields) {
        Map<SwitchField, SwitchParameter> map = new EnumMap<>(SwitchField.class);
        for (SwitchField field : fields) {
            map.put(field, value);
        }
        return new OffloadParameters(REVISION_3_SIZE, Map.of(), map);
    }

    /** The same fields in a request of another InformationBufferLength. */
    public OffloadParameters withLength(int bytes) {
        return new OffloadParameters(bytes, checksum, switches);
    }

    public ChecksumParameter checksum(ChecksumTarget target) {
        return checksum.getOrDefault(target, ChecksumParameter.NO_CHANGE);
    }

    public SwitchParameter field(SwitchField field) {
        return switches.getOrDefault(field, SwitchParameter.NO_CHANGE);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("OID_TCP_OFFLOAD_PARAMETERS {");
        for (ChecksumTarget target : ChecksumTarget.values()) {
            if (checksum(target) != ChecksumParameter.NO_CHANGE) {
                s.append(' ').append(target.parameterField).append('=').append(checksum(target));
            }
        }
        for (SwitchField field : SwitchField.values()) {
            if (field(field) != SwitchParameter.NO_CHANGE) {
                s.append(' ').append(field.ndisName).append('=').append(field(field));
            }
        }
        return s.append(" }").toString();
    }
}
