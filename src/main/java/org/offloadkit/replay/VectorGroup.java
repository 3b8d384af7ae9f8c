package org.offloadkit.replay;

import java.util.List;

/**
 * Vectors derived from neighbouring packets of one capture, judged as one result.
 *
 * @param first 1-based number of the first packet any of the vectors came from
 * @param last  number of the last one
 */
public record VectorGroup<V>(String capture, long first, long last, List<V> vectors) {

    public VectorGroup {
        vectors = List.copyOf(vectors);
    }

    @Override
    public String toString() {
        return capture + (first == last ? " packet " + first : " packets " + first + "-" + last);
    }
}
