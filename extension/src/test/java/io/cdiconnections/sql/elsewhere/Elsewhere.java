package io.cdiconnections.sql.elsewhere;

/**
 * Records of a package other than the library's, for RecordMappingTest: the class that calls
 * their constructors is made in this package.
 */
public final class Elsewhere {

    private Elsewhere() {
    }

    /** A public record. */
    public record Open(int id, String name) {
    }

    /** A record only this package sees. */
    record Closed(long id, boolean active) {
    }

    /** @return the package-private record's class */
    public static Class<?> closed() {
        return Closed.class;
    }

    /**
     * @param id     the id
     * @param active whether active
     * @return a package-private record, made here
     */
    public static Object closed(long id, boolean active) {
        return new Closed(id, active);
    }
}
