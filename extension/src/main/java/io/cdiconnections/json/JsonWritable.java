package io.cdiconnections.json;

/**
 * A value that writes itself as JSON through a {@link JsonValues.Sink}, whatever the JSON
 * library: what the JSON-B and Jackson serializers of this package ask of the types they serve
 * ({@code Table} and {@code Row} of {@code io.cdiconnections.sql}). This package knows nothing
 * of those types, so the arrow points one way: {@code sql} uses {@code json}, never back.
 */
public interface JsonWritable {

    /**
     * Writes this value, as one JSON value (an array or an object), to {@code out}.
     *
     * @param out where to write
     */
    void writeJson(JsonValues.Sink out);
}
