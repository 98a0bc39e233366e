package io.cdiconnections.internal.lite;

/** The texts of the CDI Lite extension that the portable extension has no need of. */
final class LiteMessages {

    private LiteMessages() {
    }

    /**
     * @param connection the connection name
     * @param type       the connection class
     * @return the problem for an injected connection of a SESSION type, which CDI Lite cannot scope
     */
    static String sessionTypeInLite(String connection, Class<?> type) {
        return "Connection '" + connection + "': " + type.getName() + " has one handle per HTTP session "
                + "(ConnectionScope.SESSION), which needs CDI's session scope; this CDI Lite container (Quarkus) "
                + "has none. Inject Connections instead and call connections.select(\"" + connection + "\", "
                + type.getSimpleName() + ".class) where a session begins, closing the handle when it ends.";
    }
}
