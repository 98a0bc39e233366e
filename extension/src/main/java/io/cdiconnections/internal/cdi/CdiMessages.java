package io.cdiconnections.internal.cdi;

/**
 * The texts of the CDI extension: deployment problems of injection points and proxies. Each names the connection and the key or injection point and says
 * what to write; none contains a secret value.
 */
final class CdiMessages {

    private CdiMessages() {
    }

    /**
     * @param connection the connection name
     * @param type       the connection class
     * @param cause      what its {@code validate} threw
     * @return the problem, reported as a definition error, for a {@code validate} method that failed
     *         unexpectedly
     */
    static String validationFailed(String connection, Class<?> type, Throwable cause) {
        return "Connection '" + connection + "': checking its configuration with " + type.getSimpleName()
                + ".validate(...) failed with " + cause.getClass().getName() + ". A validate method should throw "
                + "ConnectionConfigException naming the missing key, as params.require(\"url\") does.";
    }

    /**
     * @param connection the connection name
     * @param type       the connection class
     * @param where      how the user wrote the request
     * @return the problem, reported as a definition error, for an injected class without the
     *         constructor CDI proxies need
     */
    static String noProxyConstructor(String connection, Class<?> type, String where) {
        return "Connection '" + connection + "' (" + where + "): " + type.getName() + " has no non-private "
                + "constructor without parameters, which CDI needs to make the client proxy of an injected "
                + "connection. Add one: protected " + type.getSimpleName() + "() { } (it is used by proxies only).";
    }

    /**
     * @param connection the connection name
     * @param type       the connection class
     * @param where      how the user wrote the request
     * @return the definition error for an injected class that is final
     */
    static String finalClass(String connection, Class<?> type, String where) {
        return "Connection '" + connection + "' (" + where + "): " + type.getName() + " is a final class, so CDI "
                + "cannot make the client proxy of an injected connection. Remove final from its declaration: "
                + "public class " + type.getSimpleName() + " extends ... (Connections.get works with a final class).";
    }

    /**
     * @param connection the connection name
     * @param type       the connection class
     * @param method     the final method, such as {@code MyConnection.get()}
     * @param where      how the user wrote the request
     * @return the problem, reported as a definition error, for an injected class with a final method
     */
    static String finalMethod(String connection, Class<?> type, String method, String where) {
        return "Connection '" + connection + "' (" + where + "): " + type.getName() + " cannot have a CDI client "
                + "proxy because the method " + method + " is final. Remove final from it (or make it private).";
    }

    /**
     * @param injectionPoint the injection point, such as {@code OrderService.sql}
     * @param problem        the problem and its fix
     * @return the definition error, reported at the end of {@code AfterBeanDiscovery}
     */
    static String injectionPointProblem(String injectionPoint, String problem) {
        return "Injection point " + injectionPoint + ": " + problem;
    }

    /**
     * @param problems the messages of {@link #injectionPointProblem}
     * @return the startup failure of CDI Lite, which reports them all at once
     */
    static String injectionPointProblems(java.util.List<String> problems) {
        return "cdi-connections cannot serve " + problems.size() + " injection point"
                + (problems.size() == 1 ? "" : "s") + ":\n  " + String.join("\n  ", problems);
    }
}
