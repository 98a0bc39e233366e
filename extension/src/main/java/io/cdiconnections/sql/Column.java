package io.cdiconnections.sql;

import java.sql.JDBCType;
import java.util.Optional;

/**
 * One column of a {@link Table}: its name (the column label, as the database spells it), its
 * JDBC type and the database's own type name.
 *
 * <pre>{@code
 * for (Column c : table.columns()) {
 *     System.out.println(c.name() + " " + c.typeName());   // "id int4", "name varchar"
 * }
 * }</pre>
 *
 * @param name     the column label
 * @param sqlType  the JDBC type code, a {@link java.sql.Types} constant
 * @param typeName the database's type name, such as {@code int4} or {@code VARCHAR}
 */
public record Column(String name, int sqlType, String typeName) {

    /** @return the JDBC type, or empty for a vendor type code JDBC does not name */
    public Optional<JDBCType> jdbcType() {
        try {
            return Optional.of(JDBCType.valueOf(sqlType));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
