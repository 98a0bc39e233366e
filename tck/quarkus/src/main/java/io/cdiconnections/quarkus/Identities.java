package io.cdiconnections.quarkus;

import java.util.Map;

import io.cdiconnections.sql.SQLConnection;

/** Which objects serve a request: the tests compare them across requests. */
final class Identities {

    private Identities() {
    }

    static Map<String, Integer> of(SQLConnection sql) {
        return Map.of("handle", System.identityHashCode(sql), "pool", System.identityHashCode(sql.raw()));
    }
}
