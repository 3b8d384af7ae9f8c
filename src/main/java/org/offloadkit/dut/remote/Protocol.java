package org.offloadkit.dut.remote;

import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.packet.Layer2Type;
import org.offloadkit.packet.Layer3Type;
import org.offloadkit.packet.Layer4Type;
import org.offloadkit.packet.ParseResult;
import org.offloadkit.spec.GsoCapabilities;
import org.offloadkit.spec.GsoOffload;
import org.offloadkit.spec.GsoShapes;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.OffloadCallback;
import org.offloadkit.spec.RscCapabilities;
import org.offloadkit.spec.RscInfo;
import org.offloadkit.spec.RscOffload;
import org.offloadkit.spec.RxBatch;
import org.offloadkit.spec.RxChecksum;
import org.offloadkit.spec.RxChecksumCapabilities;
import org.offloadkit.spec.RxChecksumEvaluation;
import org.offloadkit.spec.RxChecksumOffload;
import org.offloadkit.spec.RxIndication;
import org.offloadkit.spec.TxChecksumCapabilities;
import org.offloadkit.spec.TxChecksumOffload;
import org.offloadkit.spec.TxChecksumShapes;
import org.offloadkit.spec.TxCounters;
import org.offloadkit.spec.TxPacket;
import org.offloadkit.spec.TxResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The bodies of the out-of-process DUT protocol, version 1 (docs/protocol.md): the kit's requests encoded,
 * the agent's replies decoded and checked field by field. Every value the spec gives a number in NDIS is that
 * number here, so a harness in C copies it into the structure as it is. A reply that breaks the document
 * throws a {@link ProtocolException} naming the field.
 */
final class Protocol {
    static final int VERSION = 1;
    static final List<Integer> VERSIONS = List.of(VERSION);

    /** The largest frame either side sends: a coalesced unit of 64 KiB plus headers, with room to spare. */
    static final int MAX_FRAME = 256 * 1024;

    static final ObjectMapper JSON = new ObjectMapper();

    private Protocol() {}

    // ---------------------------------------------------------------- requests

    static ObjectNode hello(String kit) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode versions = body.putArray("versions");
        VERSIONS.forEach(versions::add);
        body.put("kit", kit);
        return body;
    }

    static ObjectNode empty() {
        return JSON.createObjectNode();
    }

    static ObjectNode active(TxChecksumOffload active) {
        ObjectNode set = JSON.createObjectNode();
        set.set("ipv4Header", shapes(active.ipv4Header()));
        set.set("tcp", shapes(active.tcp()));
        set.set("udp", shapes(active.udp()));
        return withActive(set);
    }

    static ObjectNode active(RxChecksumOffload active) {
        ObjectNode set = JSON.createObjectNode();
        set.put("ipv4", active.ipv4());
        set.put("tcp", active.tcp());
        set.put("udp", active.udp());
        return withActive(set);
    }

    static ObjectNode active(GsoOffload active) {
        ObjectNode set = JSON.createObjectNode();
        set.set("lso", shapes(active.lso()));
        set.set("uso", shapes(active.uso()));
        return withActive(set);
    }

    static ObjectNode active(RscOffload active) {
        ObjectNode set = JSON.createObjectNode();
        set.put("layer3Flags", Layer3Flag.bits(active.layer3Flags()));
        set.put("layer4Flags", Layer4Flag.bits(active.layer4Flags()));
        set.put("tcpTimestampOption", active.tcpTimestampOption());
        return withActive(set);
    }

    private static ObjectNode withActive(ObjectNode set) {
        ObjectNode body = JSON.createObjectNode();
        body.set("active", set);
        return body;
    }

    private static ObjectNode shapes(TxChecksumShapes shapes) {
        ObjectNode node = JSON.createObjectNode();
        node.put("layer3Flags", Layer3Flag.bits(shapes.layer3Flags()));
        node.put("layer4Flags", Layer4Flag.bits(shapes.layer4Flags()));
        node.put("layer3HeaderOffsetLimit", shapes.layer3HeaderOffsetLimit());
        node.put("layer4HeaderOffsetLimit", shapes.layer4HeaderOffsetLimit());
        return node;
    }

    private static ObjectNode shapes(GsoShapes shapes) {
        ObjectNode node = JSON.createObjectNode();
        node.put("layer3Flags", Layer3Flag.bits(shapes.layer3Flags()));
        node.put("layer4Flags", Layer4Flag.bits(shapes.layer4Flags()));
        node.put("layer4HeaderOffsetLimit", shapes.layer4HeaderOffsetLimit());
        node.put("maximumOffloadSize", shapes.maximumOffloadSize());
        node.put("minimumSegmentCount", shapes.minimumSegmentCount());
        return node;
    }

    static ObjectNode transmit(TxPacket packet) {
        ObjectNode p = JSON.createObjectNode();
        p.put("sequence", packet.sequence());
        p.put("frame", base64(packet.frame()));
        p.set("layout", layout(packet.layout()));
        ObjectNode checksum = p.putObject("checksum");
        checksum.put("layer3", packet.checksum().layer3().ndisValue);
        checksum.put("layer4", packet.checksum().layer4().ndisValue);
        ObjectNode gso = p.putObject("gso");
        gso.put("kind", packet.gso().kind().name().toLowerCase());
        gso.put("mss", packet.gso().mss());
        ObjectNode body = JSON.createObjectNode();
        body.set("packet", p);
        return body;
    }

    static ObjectNode receive(RxBatch batch) {
        ObjectNode b = JSON.createObjectNode();
        b.put("sequence", batch.sequence());
        ArrayNode frames = b.putArray("frames");
        batch.frames().forEach(f -> frames.add(base64(f)));
        ObjectNode body = JSON.createObjectNode();
        body.set("batch", b);
        return body;
    }

    private static ObjectNode layout(FrameLayout layout) {
        ObjectNode node = JSON.createObjectNode();
        node.put("layer2Type", layout.layer2Type().ndisValue);
        node.put("layer2Length", layout.layer2Length());
        node.put("layer3Type", layout.layer3Type().ndisValue);
        node.put("layer3Length", layout.layer3Length());
        node.put("layer4Type", layout.layer4Type().ndisValue);
        node.put("layer4Length", layout.layer4Length());
        return node;
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    // ---------------------------------------------------------------- replies

    /** The version the agent chose from the kit's list. */
    static int version(JsonNode reply) {
        int version = integer(reply, "version", 0, Integer.MAX_VALUE);
        if (!VERSIONS.contains(version)) {
            throw new ProtocolException("the agent chose protocol version " + version + ", which the kit did not offer "
                    + VERSIONS);
        }
        return version;
    }

    /** The callbacks the kit routes each advertised capability's active set to. */
    record Callbacks(OffloadCallback<TxChecksumOffload> tx, OffloadCallback<RxChecksumOffload> rx,
                     OffloadCallback<GsoOffload> gso, OffloadCallback<RscOffload> rsc) {}

    /** The capabilities of an {@code initialize} reply; null where the agent advertised nothing. */
    record Advertised(TxChecksumCapabilities tx, RxChecksumCapabilities rx, GsoCapabilities gso, RscCapabilities rsc) {}

    static Advertised advertisement(JsonNode reply, Callbacks callbacks) {
        JsonNode tx = optionalObject(reply, "txChecksum");
        JsonNode rx = optionalObject(reply, "rxChecksum");
        JsonNode gso = optionalObject(reply, "gso");
        JsonNode rsc = optionalObject(reply, "rsc");
        return new Advertised(
                tx == null ? null : new TxChecksumCapabilities(size(tx, TxChecksumCapabilities.SIZE),
                        txShapes(tx, "txChecksum"), callback(tx, "txChecksum", callbacks.tx())),
                rx == null ? null : new RxChecksumCapabilities(size(rx, RxChecksumCapabilities.SIZE),
                        callback(rx, "rxChecksum", callbacks.rx())),
                gso == null ? null : gsoCapabilities(gso, callbacks.gso()),
                rsc == null ? null : new RscCapabilities(size(rsc, RscCapabilities.SIZE),
                        layer3Flags(rsc, "rsc.layer3Flags"), layer4Flags(rsc, "rsc.layer4Flags"),
                        bool(rsc, "tcpTimestampOption", false), callback(rsc, "rsc", callbacks.rsc())));
    }

    private static GsoCapabilities gsoCapabilities(JsonNode gso, OffloadCallback<GsoOffload> callback) {
        GsoShapes shapes = new GsoShapes(layer3Flags(gso, "gso.layer3Flags"), layer4Flags(gso, "gso.layer4Flags"),
                integer(gso, "layer4HeaderOffsetLimit", 0, 0xFFFF),
                longInteger(gso, "maximumOffloadSize"), longInteger(gso, "minimumSegmentCount"));
        GsoCapabilities caps = new GsoCapabilities(size(gso, GsoCapabilities.SIZE), shapes, callback(gso, "gso", callback));
        return bool(gso, "subMssFinalSegmentSupported", false) ? caps.withSubMssFinalSegmentSupported() : caps;
    }

    private static TxChecksumShapes txShapes(JsonNode tx, String where) {
        return new TxChecksumShapes(layer3Flags(tx, where + ".layer3Flags"), layer4Flags(tx, where + ".layer4Flags"),
                integer(tx, "layer3HeaderOffsetLimit", 0, 0xFFFF), integer(tx, "layer4HeaderOffsetLimit", 0, 0xFFFF));
    }

    private static int size(JsonNode node, int expected) {
        return node.has("size") ? integer(node, "size", 0, Integer.MAX_VALUE) : expected;
    }

    private static <T> OffloadCallback<T> callback(JsonNode node, String where, OffloadCallback<T> callback) {
        return bool(node, "callback", true) ? callback : null;
    }

    static TxResult txResult(JsonNode reply) {
        JsonNode result = object(reply, "result");
        boolean success = bool(result, "success", null);
        List<byte[]> frames = frames(result, "result.frames");
        if (success) {
            return TxResult.sent(frames);
        }
        String failure = text(result, "failure");
        return TxResult.failed(failure, frames);
    }

    static List<RxIndication> indications(JsonNode reply) {
        JsonNode list = array(reply, "indications");
        List<RxIndication> indications = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            JsonNode indication = list.get(i);
            String where = "indications[" + i + "]";
            if (!indication.isObject()) {
                throw new ProtocolException(where + " is not an object");
            }
            byte[] frame = frame(indication.get("frame"), where + ".frame");
            FrameLayout layout = layout(object(indication, "layout"), frame, where + ".layout");
            JsonNode checksum = object(indication, "checksum");
            RxChecksum verdict = new RxChecksum(evaluation(checksum, "layer3", where), evaluation(checksum, "layer4", where),
                    bool(checksum, "valuesInvalid", false));
            JsonNode rsc = optionalObject(indication, "rsc");
            RscInfo info = rsc == null ? RscInfo.NONE : new RscInfo(integer(rsc, "coalescedSegmentCount", 0, 0xFFFF),
                    integer(rsc, "duplicateAckCount", 0, 0xFFFF), longInteger(rsc, "tcpTimestampDelta", 0xFFFFFFFFL));
            indications.add(new RxIndication(frame, layout, verdict, info));
        }
        return indications;
    }

    /** The agent's transmit counters; empty when it keeps none ({@code "counters": null}). */
    static Optional<TxCounters> counters(JsonNode reply) {
        if (!reply.has("counters")) {
            throw new ProtocolException("no field 'counters' (null when the agent keeps none)");
        }
        JsonNode counters = reply.get("counters");
        if (counters.isNull()) {
            return Optional.empty();
        }
        if (!counters.isObject()) {
            throw new ProtocolException("'counters' is neither an object nor null");
        }
        return Optional.of(new TxCounters(longInteger(counters, "frames"), longInteger(counters, "octets")));
    }

    /**
     * The layout the agent filled, NDIS fields as given. The facts NET_PACKET_LAYOUT does not hold (VLAN tags,
     * protocol, where the datagram ends) the kit reads from the frame itself, as the stack would.
     */
    private static FrameLayout layout(JsonNode node, byte[] frame, String where) {
        Layer2Type l2 = ndis(Layer2Type.values(), integer(node, "layer2Type", 0, 15), t -> t.ndisValue, where + ".layer2Type");
        Layer3Type l3 = ndis(Layer3Type.values(), integer(node, "layer3Type", 0, 15), t -> t.ndisValue, where + ".layer3Type");
        Layer4Type l4 = ndis(Layer4Type.values(), integer(node, "layer4Type", 0, 15), t -> t.ndisValue, where + ".layer4Type");
        int l2Length = integer(node, "layer2Length", 0, 127);
        int l3Length = integer(node, "layer3Length", 0, 511);
        int l4Length = integer(node, "layer4Length", 0, 255);
        ParseResult parsed = FrameParser.parse(frame);
        FrameLayout read = parsed instanceof FrameLayout l ? l : FrameLayout.unknown(frame.length);
        return new FrameLayout(l2, l2Length, l3, l3Length, l4, l4Length, read.vlanTags(), read.ipProtocol(), read.ipEnd(),
                read.pseudoDestination());
    }

    private static RxChecksumEvaluation evaluation(JsonNode checksum, String field, String where) {
        return ndis(RxChecksumEvaluation.values(), integer(checksum, field, 0, 3), e -> e.ndisValue,
                where + ".checksum." + field);
    }

    private static <E> E ndis(E[] values, int value, ToIntFunction<E> ndisValue, String where) {
        for (E e : values) {
            if (ndisValue.applyAsInt(e) == value) {
                return e;
            }
        }
        throw new ProtocolException(where + " is " + value + ", which names no value of it");
    }

    private static Set<Layer3Flag> layer3Flags(JsonNode node, String where) {
        return flags(integer(node, "layer3Flags", 0, Integer.MAX_VALUE), Layer3Flag.class, f -> f.bit, where);
    }

    private static Set<Layer4Flag> layer4Flags(JsonNode node, String where) {
        return flags(integer(node, "layer4Flags", 0, Integer.MAX_VALUE), Layer4Flag.class, f -> f.bit, where);
    }

    /** The flags a bit mask holds; a bit that names no flag is the agent's error. */
    private static <E extends Enum<E>> Set<E> flags(int bits, Class<E> type, ToIntFunction<E> bit, String where) {
        Set<E> flags = EnumSet.noneOf(type);
        for (E flag : type.getEnumConstants()) {
            if ((bits & bit.applyAsInt(flag)) != 0) {
                flags.add(flag);
                bits &= ~bit.applyAsInt(flag);
            }
        }
        if (bits != 0) {
            throw new ProtocolException(where + " has bits 0x" + Integer.toHexString(bits) + " that name no flag");
        }
        return flags;
    }

    private static List<byte[]> frames(JsonNode node, String where) {
        JsonNode list = array(node, "frames");
        List<byte[]> frames = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            frames.add(frame(list.get(i), where + "[" + i + "]"));
        }
        return frames;
    }

    private static byte[] frame(JsonNode node, String where) {
        if (node == null || !node.isTextual()) {
            throw new ProtocolException(where + " is " + (node == null ? "missing" : "not a base64 string"));
        }
        byte[] frame;
        try {
            frame = Base64.getDecoder().decode(node.asText());
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(where + " is not base64: " + e.getMessage());
        }
        if (frame.length > MAX_FRAME) {
            throw new ProtocolException(where + " is " + frame.length + " bytes, over the protocol's " + MAX_FRAME);
        }
        return frame;
    }

    // ---------------------------------------------------------------- fields

    static JsonNode object(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw new ProtocolException("'" + field + "' is " + (value == null ? "missing" : "not an object"));
        }
        return value;
    }

    private static JsonNode optionalObject(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw new ProtocolException("'" + field + "' is neither an object nor null");
        }
        return value;
    }

    private static JsonNode array(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new ProtocolException("'" + field + "' is " + (value == null ? "missing" : "not an array"));
        }
        return value;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new ProtocolException("'" + field + "' is " + (value == null ? "missing" : "not a string"));
        }
        return value.asText();
    }

    private static boolean bool(JsonNode node, String field, Boolean absent) {
        JsonNode value = node.get(field);
        if (value == null && absent != null) {
            return absent;
        }
        if (value == null || !value.isBoolean()) {
            throw new ProtocolException("'" + field + "' is " + (value == null ? "missing" : "not true or false"));
        }
        return value.asBoolean();
    }

    static int integer(JsonNode node, String field, int min, int max) {
        return (int) longInteger(node, field, min, max);
    }

    private static long longInteger(JsonNode node, String field) {
        return longInteger(node, field, 0, Long.MAX_VALUE);
    }

    private static long longInteger(JsonNode node, String field, long max) {
        return longInteger(node, field, 0, max);
    }

    private static long longInteger(JsonNode node, String field, long min, long max) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new ProtocolException("'" + field + "' is " + (value == null ? "missing" : "not an integer: " + value));
        }
        long v = value.asLong();
        if (v < min || v > max) {
            throw new ProtocolException("'" + field + "' is " + v + ", outside " + min + ".." + max);
        }
        return v;
    }
}
