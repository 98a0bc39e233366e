package io.cdiconnections.internal.otel;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The attribute names: OpenTelemetry's database client semantic conventions where they have one,
 * {@code cdi_connections.*} for ours. Only these are ever recorded (docs/observability.md).
 */
final class Keys {

    static final AttributeKey<String> POOL_NAME = AttributeKey.stringKey("db.client.connection.pool.name");
    static final AttributeKey<String> STATE = AttributeKey.stringKey("db.client.connection.state");
    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("db.system.name");
    static final AttributeKey<String> NAMESPACE = AttributeKey.stringKey("db.namespace");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("db.operation.name");
    static final AttributeKey<String> QUERY_TEXT = AttributeKey.stringKey("db.query.text");
    static final AttributeKey<String> COLLECTION = AttributeKey.stringKey("db.collection.name");
    static final AttributeKey<Long> RETURNED_ROWS = AttributeKey.longKey("db.response.returned_rows");
    static final AttributeKey<Long> INSERTED_ROWS = AttributeKey.longKey("cdi_connections.rows_inserted");
    static final AttributeKey<String> ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> PORT = AttributeKey.longKey("server.port");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<String> CONNECTION = AttributeKey.stringKey("cdi_connections.connection.name");
    static final AttributeKey<String> TYPE = AttributeKey.stringKey("cdi_connections.connection.type");
    static final AttributeKey<Boolean> CACHE_HIT = AttributeKey.booleanKey("cdi_connections.cache.hit");

    private Keys() {
    }
}
